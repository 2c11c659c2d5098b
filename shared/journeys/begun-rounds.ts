import { DateTime } from 'luxon';
import type { Journey } from '#shared/data/journeys.ts';
import { getTimer } from '#shared/data/timers.ts';
import { latestSessionOfRound } from '#shared/domain/execution-limits.ts';

/**
 * The sessions `moved` puts later than their round's execution may wait for them: a round has begun once the
 * schedule at its start has started its execution, and that execution must see the session within the limit.
 * Rounds that have not begun start later with the plan, so any date suits them. Returns the latest date each
 * offending round's session may take, in the journey's time zone.
 */
export const sessionsTooLateForTheirRound = async (
  journey: Journey,
  moved: Journey,
): Promise<{ round: number; latest: string }[]> => {
  const tooLate: { round: number; latest: string }[] = [];
  for (const plan of moved.rounds ?? []) {
    const before = journey.rounds?.find((candidate) => candidate.round === plan.round);
    if (before?.sessionAt === plan.sessionAt) continue;
    const start = await getTimer(journey.journeyId, `round-start-r${plan.round}`);
    if (start?.status !== 'fired') continue;
    const latest = latestSessionOfRound(start.at).setZone(journey.hire.timezone);
    if (DateTime.fromISO(plan.sessionAt) > latest) {
      tooLate.push({ round: plan.round, latest: latest.toISO({ suppressMilliseconds: true }) ?? '' });
    }
  }
  return tooLate;
};
