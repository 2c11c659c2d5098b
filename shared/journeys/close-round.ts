import { advanceOnboarding } from '#shared/journeys/schedule-round.ts';
import { recordedOutcomeForm, type SessionOutcome } from '#shared/journeys/session-outcome.ts';
import { shareWithTeam } from '#shared/journeys/share-summary.ts';

/**
 * The last step of a session's execution. The team hears what the outcome allows (an outcome not recorded by
 * its deadline shares nothing: the HR lead was told). A round's own execution then moves onboarding on; the
 * extra session's ends here, as the monthly chain goes on in the round's own execution.
 */
export const closeRound = async (
  journeyId: string,
  round: number,
  followUp: boolean,
  outcome: SessionOutcome,
): Promise<void> => {
  if (outcome.status !== 'expired') await shareWithTeam(journeyId, recordedOutcomeForm(outcome));
  if (!followUp) await advanceOnboarding(journeyId, round);
};
