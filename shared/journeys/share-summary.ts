import { listForms } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderTeamUpdate } from '#shared/email/templates/team-update.ts';

/**
 * After a 1on1 the team hears only what the new hire agreed to share: with consent, HR's team summary and
 * nothing else; without it, only that the session took place. Private notes are never read here.
 */
export const shareWithTeam = async (journeyId: string, round: number): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire } = journey;
  const outcome = (await listForms(journeyId)).find(
    (form) => form.kind === 'session-outcome' && form.round === round && form.status === 'submitted',
  );
  const consent = outcome?.answers?.consent === 'summary' ? 'summary' : 'none';
  const teamSummary = consent === 'summary' ? outcome?.answers?.teamSummary : undefined;
  const recipients = teamOf(hire);
  for (const { role, person } of recipients) {
    await sendEmailOnce(
      journeyId,
      `team-update#r${round}#${role}`,
      outgoingEmail(
        journey,
        person,
        renderTeamUpdate({
          locale: person.locale,
          recipientName: person.name,
          role,
          employeeName: hire.employee.name,
          round,
          teamSummary,
        }),
      ),
    );
  }
  await appendEvent(journeyId, `summary.shared#${round}`, {
    type: 'summary.shared',
    round,
    consent,
    to: recipients.map((recipient) => recipient.role),
  });
};
