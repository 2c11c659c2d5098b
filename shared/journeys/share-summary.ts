import { listForms } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderTeamUpdate } from '#shared/email/templates/team-update.ts';

/**
 * After a 1on1 the team hears only what the new hire agreed to share: with consent, HR's team summary and
 * nothing else; without it, only that the session took place. After the round's extra follow-up session,
 * without consent the team hears nothing: that there was an extra session hints at how they are. Private notes
 * are never read here.
 */
export const shareWithTeam = async (journeyId: string, round: number, followUp: boolean): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire } = journey;
  const outcome = (await listForms(journeyId)).find(
    (form) =>
      form.kind === 'session-outcome' &&
      form.round === round &&
      (form.followUp ?? false) === followUp &&
      form.status === 'submitted',
  );
  const consent = outcome?.answers?.consent === 'summary' ? 'summary' : 'none';
  const teamSummary = consent === 'summary' ? outcome?.answers?.teamSummary : undefined;
  const recipients = followUp && consent === 'none' ? [] : teamOf(hire);
  const session = followUp ? `r${round}-followup` : `r${round}`;
  for (const { role, person } of recipients) {
    await sendEmailOnce(
      journeyId,
      `team-update#${session}#${role}`,
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
          followUp,
        }),
      ),
    );
  }
  await appendEvent(journeyId, followUp ? `summary.shared#${round}#follow-up` : `summary.shared#${round}`, {
    type: 'summary.shared',
    round,
    ...(followUp ? { followUp: true } : {}),
    consent,
    to: recipients.map((recipient) => recipient.role),
  });
};
