import MailComposer from 'nodemailer/lib/mail-composer';
import { oneLine } from '#shared/email/one-line.ts';

export interface OutgoingEmail {
  from: string;
  to: { name: string; email: string }[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** An .ics invitation passes `text/calendar; method=REQUEST; charset=UTF-8` so mail clients offer to add it. */
  attachments?: { filename: string; contentType: string; content: string }[];
}

/**
 * The MIME message as SES sends it raw: the only way to attach a calendar file. Names and the subject are made
 * one line here, where headers are written, whoever built the email. `date` is the Date header, from the
 * system's clock (left out, the library would take the host's).
 */
export const composeRawEmail = (email: OutgoingEmail, date: Date): Promise<Buffer> =>
  new MailComposer({
    date,
    from: email.from,
    to: email.to.map((recipient) => ({ name: oneLine(recipient.name), address: recipient.email })),
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: oneLine(email.subject),
    text: email.text,
    html: email.html,
    attachments: email.attachments ?? [],
  })
    .compile()
    .build();
