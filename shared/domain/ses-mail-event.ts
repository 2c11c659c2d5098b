import * as z from 'zod';

const recipients = z.array(z.object({ emailAddress: z.string() }));

/**
 * What the handler reads of an SES event as EventBridge delivers it (detail-type "Email Bounced" or "Email
 * Complaint Received", the configuration set's event destination): the kind, the tags the mail was sent with,
 * and whose address it was.
 */
export const sesMailEventSchema = z.object({
  detail: z.object({
    eventType: z.enum(['Bounce', 'Complaint']),
    mail: z.object({ tags: z.record(z.string(), z.array(z.string())).default({}) }),
    bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }).optional(),
    complaint: z.object({ complainedRecipients: recipients }).optional(),
  }),
});
export type SesMailEvent = z.infer<typeof sesMailEventSchema>;
