import { listForms } from '#shared/data/forms.ts';
import { offerOf, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { latestRemainingConcerns } from '#shared/domain/remaining-concerns.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderHandoff } from '#shared/email/templates/handoff.ts';

/**
 * Tells the manager (and mentor) that the candidate accepted and which worries remain, so the team can prepare.
 * Only the remaining concerns travel: HR's private notes on the outcome form stay with HR.
 */
export const sendHandoff = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const offer = offerOf(journey);
  // The accepted answer's list, or the one HR wrote down with an earlier "undecided".
  const remainingConcerns = latestRemainingConcerns(await listForms(journeyId)) ?? '';
  const recipients = teamOf(journey.hire);
  for (const { role, person } of recipients) {
    await sendEmailOnce(
      journeyId,
      `handoff#${role}`,
      outgoingEmail(
        journey,
        person,
        renderHandoff({
          locale: person.locale,
          recipientName: person.name,
          role,
          candidateName: offer.candidate.name,
          startDate: offer.startDate,
          remainingConcerns,
        }),
      ),
    );
  }
  await appendEvent(journeyId, 'handoff.sent', {
    type: 'handoff.sent',
    to: recipients.map((recipient) => recipient.role),
  });
};
