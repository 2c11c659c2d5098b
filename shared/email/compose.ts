import MailComposer from 'nodemailer/lib/mail-composer';

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

/** The MIME message as SES sends it raw: the only way to attach a calendar file. */
export const composeRawEmail = (email: OutgoingEmail): Promise<Buffer> =>
  new MailComposer({
    from: email.from,
    to: email.to.map((recipient) => ({ name: recipient.name, address: recipient.email })),
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments ?? [],
  })
    .compile()
    .build();
