import { DateTime } from 'luxon';
import { DEPARTURE_MAX_YEARS_AHEAD, departureSchema } from '#shared/domain/departure.ts';

// Apart from the departure's schema, which the events and the API document use too, so that they load no luxon.

/** The one departure a journey records, with the rules a date must keep for that journey. */
export const departureSchemaFor = (journey: { startDate: string; today: string }) =>
  departureSchema.superRefine((departure, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', path: ['on'], message });
    if (departure.on < journey.startDate) problem(`must not be before the start date (${journey.startDate})`);
    const latest = DateTime.fromISO(journey.today, { zone: 'utc' })
      .plus({ years: DEPARTURE_MAX_YEARS_AHEAD })
      .toISODate();
    if (latest !== null && departure.on > latest)
      problem(`must be within ${DEPARTURE_MAX_YEARS_AHEAD} year from today (${latest} at the latest)`);
  });
