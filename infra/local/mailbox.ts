/** Captured mail as people would read it, taken from the local SES server's store. */
export interface LocalEmail {
  messageId: string;
  at: string;
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; content?: string }[];
}

interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
  at: number;
}

/** `acceptedAt` gives the virtual time SES took an email at; the SES stand-in's own stamp is the host's clock. */
export const readMailbox = async (
  sesUrl: string,
  acceptedAt: (messageId: string) => number | undefined,
): Promise<LocalEmail[]> => {
  const response = await fetch(`${sesUrl}/store`);
  if (!response.ok) throw new Error(`local SES store answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.map((email) => ({
    messageId: email.messageId,
    at: new Date(acceptedAt(email.messageId) ?? email.at * 1000).toISOString(),
    from: email.from,
    to: email.destination.to,
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.body.text ?? '',
    html: email.body.html ?? '',
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      // Text attachments and calendar files are shown as text so people and tests can read them.
      content: /^(text\/|application\/ics)/.test(attachment.contentType)
        ? Buffer.from(attachment.content, 'base64').toString('utf8')
        : undefined,
    })),
  }));
};
