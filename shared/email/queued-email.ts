import * as z from 'zod';

// What the mail queue carries, checked by `send-mail` as it takes each message: apart from `mail-queue.ts` and
// `compose.ts`, which every step that mails loads without checking anything.

/** An email as composed, before its MIME form: what the mail queue carries, and checks, from step to sender. */
export const outgoingEmailSchema = z.object({
  /** The sender's address; the display name is `SENDER_DISPLAY_NAME`. */
  from: z.string(),
  to: z.array(z.object({ name: z.string(), email: z.string() })).min(1),
  replyTo: z.string().optional(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** A calendar entry (an .ics file) the recipient's calendar adds, updates or removes. */
  calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']), content: z.string() }).optional(),
});
export type OutgoingEmail = z.infer<typeof outgoingEmailSchema>;

/** Names the meeting a calendar mail is about: it goes out only while the meeting is as the mail says. */
export const meetingVersionSchema = z.object({ meeting: z.string(), sequence: z.number().int().min(0) });
export type MeetingVersion = z.infer<typeof meetingVersionSchema>;

export const queuedEmailSchema = z.object({
  journeyId: z.string().min(1),
  /** The email's claim key within the journey: however often it is queued, it goes out once. */
  key: z.string().min(1),
  email: outgoingEmailSchema,
  meeting: meetingVersionSchema.optional(),
});
export type QueuedEmail = z.infer<typeof queuedEmailSchema>;
