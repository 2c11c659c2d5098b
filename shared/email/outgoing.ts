import type { Journey } from '#shared/data/journeys.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

const sender = (): string => {
  const address = process.env.SENDER_EMAIL;
  if (!address) throw new Error('SENDER_EMAIL is not set');
  return address;
};

/** Replies reach the journey's HR contact, or the deployment's HR address when one is configured. */
export const outgoingEmail = (
  journey: Journey,
  to: { name: string; email: string },
  rendered: RenderedEmail,
  calendar?: OutgoingEmail['calendar'],
): OutgoingEmail => ({
  from: sender(),
  to: [{ name: to.name, email: to.email }],
  replyTo: process.env.HR_REPLY_TO || journey.hire.hr.email,
  ...rendered,
  ...(calendar ? { calendar } : {}),
});
