import { getForm } from '#shared/data/forms.ts';
import { type Journey, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { summarySharing, type WithheldReason } from '#shared/domain/summary-sharing.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderSummaryNotShared } from '#shared/email/templates/summary-not-shared.ts';
import { renderTeamUpdate } from '#shared/email/templates/team-update.ts';
import { summaryConfirmationFormId } from '#shared/journeys/summary-confirmation.ts';

/**
/**
 * After a session the team hears only what the new hire agreed to share: with consent (and, where they were
 * asked, their yes to the exact text), HR's team summary and nothing else; otherwise only that the session took
 * place. After the round's extra follow-up session, otherwise nothing at all: that there was an extra session
 * hints at how they are. A summary the new hire declined or left unanswered goes nowhere, and HR is told.
 * Private notes are never read here. Keyed by the outcome form, so each session with one shares once.
 */
export const shareWithTeam = async (journeyId: string, outcomeFormId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const outcome = await getForm(journeyId, outcomeFormId);
  if (outcome?.status !== 'submitted') throw new Error(`form ${outcomeFormId} has no recorded outcome`);
  const round = outcome.round ?? 1;
  const followUp = outcome.followUp === true;
  const confirmationId = summaryConfirmationFormId(journeyId, outcomeFormId);
  const sharing = summarySharing(outcome, await getForm(journeyId, confirmationId));
  const teamSummary = sharing.share === 'summary' ? sharing.teamSummary : undefined;
  const recipients = followUp && sharing.share !== 'summary' ? [] : teamOf(journey.hire);
  for (const { role, person } of recipients) {
    await sendEmailOnce(
      journeyId,
      `team-update#${outcomeFormId}#${role}`,
      outgoingEmail(
        journey,
        person,
        renderTeamUpdate({
          locale: person.locale,
          recipientName: person.name,
          role,
          employeeName: journey.hire.employee.name,
          round,
          teamSummary,
          followUp,
        }),
      ),
    );
  }
  if (sharing.share === 'session-only' && sharing.withheld) {
    await tellHrNotShared(journey, confirmationId, round, sharing.withheld, followUp);
  }
  await appendEvent(journeyId, `summary.shared#${outcomeFormId}`, {
    type: 'summary.shared',
    round,
    ...(followUp ? { followUp: true } : {}),
    consent: sharing.share === 'summary' ? 'summary' : 'none',
    to: recipients.map((recipient) => recipient.role),
  });
};

const tellHrNotShared = async (
  journey: Journey,
  confirmationId: string,
  round: number,
  reason: WithheldReason,
  followUp: boolean,
): Promise<void> => {
  const { hire } = journey;
  await sendEmailOnce(
    journey.journeyId,
    `summary.not-shared#${confirmationId}`,
    outgoingEmail(
      journey,
      hire.hr,
      renderSummaryNotShared({
        locale: hire.hr.locale,
        hrName: hire.hr.name,
        employeeName: hire.employee.name,
        round,
        reason,
        followUp,
      }),
    ),
  );
};
