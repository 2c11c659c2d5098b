import { DateTime } from 'luxon';
import { closeAttentionWhere } from '#shared/data/attention.ts';
import { JourneyErased } from '#shared/data/erasures.ts';
import { advanceJourneyStatus, getJourney, type Journey } from '#shared/data/journeys.ts';
import { scheduleNotesExpiry } from '#shared/data/private-notes.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import {
  type Departure,
  departableStatuses,
  mayRecordDeparture,
  sameDeparture,
  stillEmployed,
} from '#shared/domain/departure.ts';
import { stopJourney } from '#shared/journeys/cancel-journey.ts';

export type DepartureResult = { ok: true } | { ok: false; reason: string };

/** The journey's own calendar day at a moment: the day HR means by "today". */
export const todayOf = (journey: Journey, at: Date): string =>
  DateTime.fromJSDate(at, { zone: journey.hire.timezone }).toISODate() ?? '';

const refusal = (journey: Journey | undefined, departure: Departure): DepartureResult | undefined => {
  if (!journey) return undefined;
  if (journey.status === 'left') {
    return journey.departure && sameDeparture(journey.departure, departure)
      ? undefined
      : { ok: false, reason: 'a different departure was recorded for this journey already' };
  }
  return mayRecordDeparture(journey.status)
    ? undefined
    : { ok: false, reason: `the journey has ended without a hire who could leave (${journey.status})` };
};

/**
 * Records that the person left the company on `departure.on`, and ends everything the journey still had under
 * way, as a cancellation does. The person hears of withdrawn meetings only while still employed: after their
 * last day their work address may be closed, so only HR's calendar copies are withdrawn. The same departure
 * asked again finishes what a failed attempt began and mails nothing twice; a different one is refused.
 */
export const recordDeparture = async (
  journey: Journey,
  departure: Departure,
  at: Date,
): Promise<DepartureResult> => {
  const refused = refusal(journey, departure);
  if (refused) return refused;
  const { journeyId } = journey;
  if (
    journey.status !== 'left' &&
    !(await advanceJourneyStatus(journeyId, departableStatuses, 'left', at, { departure }))
  ) {
    // Something else got there first (another departure, a cancellation): answer as it now stands.
    const current = await getJourney(journeyId);
    if (!current) throw new JourneyErased(journeyId);
    const refusedMeanwhile = refusal(current, departure);
    if (refusedMeanwhile) return refusedMeanwhile;
  }
  await stopJourney(journey, 'left', at, stillEmployed(departure, todayOf(journey, at)));
  // Nothing about the journey is left to chase, alerts included: the person it was about has gone.
  await closeAttentionWhere(journeyId, () => true, 'left');
  await appendEvent(journeyId, 'journey.left', {
    type: 'journey.left',
    on: departure.on,
    reason: departure.reason,
  });
  // The first end counts: a journey that completed keeps the expiry set then, a retry the one set first.
  await scheduleNotesExpiry(journeyId, journey.status === 'left' ? new Date(journey.updatedAt) : at);
  return { ok: true };
};
