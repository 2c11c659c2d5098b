import { openAttention } from '#shared/data/attention.ts';
import { listForms } from '#shared/data/forms.ts';
import { getJourney, isOpen, type Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { attentionItemIds } from '#shared/domain/attention.ts';
import { peopleWithAddress, type UndeliverableMail } from '#shared/domain/undeliverable-mail.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderMailUndeliverable } from '#shared/email/templates/mail-undeliverable.ts';
import { expireOpenForm } from '#shared/journeys/expire-form.ts';
import { logger } from '#shared/observability/logger.ts';

/**
 * Mail on a journey could not reach someone for good (a hard bounce) or they complained. The timeline records
 * it by role, the journey's HR contact is told by mail and in the attention queue, and the forms waiting on
 * that address close as if their deadline had come, so the journey goes on without answers that cannot come.
 * Every step is keyed by the fact, so SES repeating the event (or a later bounce) changes nothing more.
 */
export const recordUndeliverable = async (mail: UndeliverableMail): Promise<void> => {
  const journey = await getJourney(mail.journeyId);
  // Erased, or never ours: there is no one to tell.
  if (!journey) return;
  for (const address of mail.addresses) {
    const people = peopleWithAddress(journey, address);
    if (people.length === 0) logger.warn('undeliverable address is no longer on the journey');
    for (const person of people) await recordPerson(journey, person, mail.reason);
    await closeFormsTo(journey, address);
  }
};

const recordPerson = async (
  journey: Journey,
  { role, name }: { role: string; name: string },
  reason: UndeliverableMail['reason'],
) => {
  const { journeyId, hire } = journey;
  await appendEvent(journeyId, `mail.bounced#${role}`, { type: 'mail.bounced', role, reason });
  // An ended journey has nothing left to send or chase.
  if (!isOpen(journey.status)) return;
  await openAttention(journey, { itemId: attentionItemIds.mailBounced(role), kind: 'mail-bounced', role });
  // HR's own address bouncing cannot be told by mail: the queue and the console say it.
  if (role === 'hr') return;
  await sendEmailOnce(
    journeyId,
    `mail.bounced#${role}`,
    outgoingEmail(
      journey,
      hire.hr,
      renderMailUndeliverable({
        locale: hire.hr.locale,
        hrName: hire.hr.name,
        employeeName: hire.employee.name,
        journeyId,
        role,
        personName: name,
        reason,
      }),
    ),
  );
};

/** HR's own forms stay open: HR reaches them from the console whatever happens to their mail. */
const closeFormsTo = async (journey: Journey, address: string): Promise<void> => {
  const waiting = (await listForms(journey.journeyId)).filter(
    (form) =>
      form.status === 'open' &&
      form.recipient.role !== 'hr' &&
      form.recipient.email.toLowerCase() === address,
  );
  for (const form of waiting) await expireOpenForm(journey.journeyId, form.formId);
};
