import { oneLine } from '#shared/email/one-line.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';

/** The name mail clients show for the sender, the same on every mail, in both languages. */
export const SENDER_DISPLAY_NAME = 'フォローアップ面談 / Follow-up';

/**
 * The MIME message as SES sends it raw: the only way to carry a calendar file. Names and the subject are made
 * one line here, where headers are written, whoever built the email. `date` is the Date header, from the
 * system's clock (left out, the library would take the host's).
 *
 * A calendar entry goes in twice, as the library writes it: a `text/calendar; method=…` alternative to the text
 * and HTML, which Outlook and Gmail show with accept and decline, and an `invite.ics` attachment for the rest.
 * Every line of the message ends in CRLF (RFC 5322), whatever the templates wrote.
 *
 * The composer (about 140 KB, with the stream and crypto modules it pulls in) is loaded here, on the first mail,
 * rather than when the function starts: most functions that can send do so on some paths only, and each of
 * them would otherwise parse and run it at every cold start.
 */
export const composeRawEmail = async (email: OutgoingEmail, date: Date): Promise<Buffer> => {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  return new MailComposer({
    date,
    newline: 'windows',
    from: { name: SENDER_DISPLAY_NAME, address: email.from },
    to: email.to.map((recipient) => ({ name: oneLine(recipient.name), address: recipient.email })),
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: oneLine(email.subject),
    // RFC 3834: an automatic mail, so vacation responders and other robots do not answer it.
    headers: { 'Auto-Submitted': 'auto-generated' },
    text: email.text,
    html: email.html,
    ...(email.calendar
      ? {
          icalEvent: {
            method: email.calendar.method,
            filename: 'invite.ics',
            content: email.calendar.content,
          },
        }
      : {}),
  })
    .compile()
    .build();
};
