import { deleteJourneyItems, type ErasureRecord, getErasure, recordErasure } from '#shared/data/erasures.ts';
import { deleteClaim, getJourney } from '#shared/data/journeys.ts';
import { stopJourney } from '#shared/journeys/cancel-journey.ts';
import { now } from '#shared/time/clock.ts';

export type EraseResult = { outcome: 'erased'; erasure: ErasureRecord } | { outcome: 'not-found' };

/**
 * Erases a person's journey on request (APPI): everything under way stops as on cancellation (executions,
 * schedules, forms; meetings still ahead are withdrawn from calendars), then every item of the journey goes —
 * profile, timeline, form answers, private notes, timers, email claims, invitations — and its offerId or hireId
 * claim. What remains is the erasure record: that an erasure happened, and when.
 *
 * The record is written first: from then on the journey's key cannot start a journey again, and a submission
 * racing the erasure sees it and takes its notes back out. Every step can run again, so a repeated or retried
 * erasure finishes what an earlier one began and sweeps anything a step in flight wrote meanwhile.
 */
export const eraseJourney = async (journeyId: string): Promise<EraseResult> => {
  const journey = await getJourney(journeyId);
  if (!journey && !(await getErasure(journeyId))) return { outcome: 'not-found' };
  const at = now();
  const erasure = await recordErasure(journeyId, at);
  if (journey) {
    await stopJourney(journey, 'erased', at);
    await deleteClaim(journey.key, journeyId);
  }
  await deleteJourneyItems(journeyId);
  return { outcome: 'erased', erasure };
};
