import { DateTime } from 'luxon';
import { requireJourney } from '#shared/data/journeys.ts';
import { nextPlannedRound } from '#shared/domain/round-progress.ts';
import { completeOnboarding } from '#shared/journeys/complete-onboarding.ts';
import { endAfterLastChecks } from '#shared/journeys/pulse-checks.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/**
 * Schedules the start of the next planned round after `after` (the first planned round when absent). Each round
 * runs in an execution of its own, started by this schedule when the round begins, so no execution outlives its
 * round and none comes near Step Functions' year however many rounds are planned. Returns `null` once the last
 * planned round is done, with when the journey ends instead if its template keeps pulse checks going after it
 * (`checksUntil`; `null` when it ends now).
 */
export const scheduleNextRound = async (
  journeyId: string,
  after?: number,
): Promise<{ round: number | null; checksUntil: string | null }> => {
  const journey = await requireJourney(journeyId);
  const next = nextPlannedRound(journey.rounds ?? [], after);
  if (!next) return { round: null, checksUntil: await endAfterLastChecks(journeyId) };
  await scheduleTimer({
    journeyId,
    name: `round-start-r${next.round}`,
    at: DateTime.fromISO(next.startsAt, { setZone: true }),
    action: { kind: 'start-round', round: next.round },
  });
  return { round: next.round, checksUntil: null };
};

/**
 * Moves onboarding on after round `after` (from its start when absent): the next planned round is scheduled, or
 * after the last one the journey waits for the pulse checks its template keeps going, or completes now.
 */
export const advanceOnboarding = async (journeyId: string, after?: number): Promise<void> => {
  const next = await scheduleNextRound(journeyId, after);
  if (next.round === null && next.checksUntil === null) await completeOnboarding(journeyId);
};
