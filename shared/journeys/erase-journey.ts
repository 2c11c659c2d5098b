import { deleteJourneyItems, type ErasureRecord, getErasure, recordErasure } from '#shared/data/erasures.ts';
import { deleteClaim, getJourney } from '#shared/data/journeys.ts';
import { settleSends } from '#shared/email/send-once.ts';
import { stopExecutions, stopJourney } from '#shared/journeys/cancel-journey.ts';
import { now } from '#shared/time/clock.ts';

export type EraseResult = { outcome: 'erased'; erasure: ErasureRecord } | { outcome: 'not-found' };

/**
 * Erases a person's journey on request (APPI): everything under way stops as on cancellation (executions,
 * schedules, forms; meetings still ahead are withdrawn from calendars), then every item of the journey goes —
 * profile, timeline, form answers, private notes, timers, email claims, invitations — and its offerId or hireId
 * claim. What remains is the erasure record: that an erasure happened, and when.
 *
 * The record is written once the journey has stopped (the withdrawals are the last mail it gets) and before
 * anything is deleted: from then on the journey's key cannot start a journey again, and a step still running
 * finds it when it writes or mails, takes back what it wrote and sends nothing (`keepUnlessErased`,
 * `sendEmailOnce`). Every step can run again, so a repeated or retried erasure finishes what an earlier one began.
 */
export const eraseJourney = async (journeyId: string): Promise<EraseResult> => {
  const journey = await getJourney(journeyId);
  if (!journey && !(await getErasure(journeyId))) return { outcome: 'not-found' };
  const at = now();
  if (journey) await stopJourney(journey, 'erased', at);
  const erasure = await recordErasure(journeyId, at);
  await sweepErasedJourney(journeyId, journey?.key, journey?.rounds);
  return { outcome: 'erased', erasure };
};

/**
 * Deletes what is left of an erased journey, once its erasure is recorded: executions started meanwhile stop, the
 * journey's key is released, emails that got past their check are let finish (so none goes out after this), and
 * the partition is swept. Also how a start that finds its journey erased under it backs out.
 */
export const sweepErasedJourney = async (
  journeyId: string,
  key: string | undefined,
  rounds?: { round: number }[],
): Promise<void> => {
  await stopExecutions(journeyId, rounds, 'erased');
  if (key) await deleteClaim(key, journeyId);
  await settleSends(journeyId);
  await deleteJourneyItems(journeyId);
};
