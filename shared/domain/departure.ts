import * as z from 'zod';
import type { JourneyStatus } from '#shared/data/journeys.ts';
import { isoDate } from '#shared/domain/field-schemas.ts';

/**
 * Why someone left, in the categories Japanese HR records a separation under (離職理由): 自己都合, 会社都合 and
 * 契約満了 decide how the employment insurance papers are filled in, so HR knows them for every departure;
 * anything else is その他. A leaving during probation is one of these too: the start month already shows when.
 */
export const departureReasons = ['voluntary', 'company', 'contract-end', 'other'] as const;
export type DepartureReason = (typeof departureReasons)[number];

/**
 * How far ahead a departure may be recorded: a resignation is usually given one to three months ahead, and a
 * fixed-term contract's end is known within its year; a date further out is far more likely a typo.
 */
export const DEPARTURE_MAX_YEARS_AHEAD = 1;

/**
 * `POST /journeys/{id}/left`: the last day of employment (退職日, the day they were still with the company) and
 * a reason category. No free text: why someone left in their own words stays in HR's own records.
 */
export const departureSchema = z.strictObject({
  on: isoDate,
  reason: z.enum(departureReasons, {
    error: `must be one of ${departureReasons.join(', ')}`,
  }),
});
export type Departure = z.infer<typeof departureSchema>;

/**
 * A departure follows a hire who joined or is about to: during onboarding, on one flagged for attention, and
 * after it completed, since retention counts to month 12. An offer never accepted or a cancelled journey has
 * no one who could leave.
 */
export const departableStatuses: readonly JourneyStatus[] = [
  'awaiting-start',
  'onboarding',
  'needs-attention',
  'completed',
];
export const mayRecordDeparture = (status: JourneyStatus): boolean => departableStatuses.includes(status);

/** The same departure, asked again: a retry, which answers as the first did. */
export const sameDeparture = (a: Departure, b: Departure): boolean => a.on === b.on && a.reason === b.reason;

/**
 * Whether the person is still with the company on `today`, so still reads their work mail and calendar: the
 * departure day itself included.
 */
export const stillEmployed = (departure: Departure, today: string): boolean => departure.on >= today;
