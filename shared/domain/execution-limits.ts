import { DateTime } from 'luxon';

/**
 * Step Functions ends a Standard execution a year after it started. Every execution of a journey runs one stretch
 * whose schedule the API bounds well inside that year: the offer phase from the offer to the reply deadline, an
 * onboarding round from its start to its session. What is left of the year is for people's answers, which are
 * bounded by their own timeouts.
 */

/** The offer phase runs from the offer until the candidate decides, at the latest on the reply deadline. */
export const MAX_DAYS_TO_REPLY = 183;
/** A round's execution runs from the round's start until its session has taken place and HR has recorded it. */
export const MAX_DAYS_FROM_ROUND_START_TO_SESSION = 92;

/** The latest reply deadline (a date in the journey's time zone) an offer posted at `postedAt` may set. */
export const latestReplyDeadline = (postedAt: Date, zone: string): string =>
  DateTime.fromJSDate(postedAt).setZone(zone).plus({ days: MAX_DAYS_TO_REPLY }).toISODate() ?? '';

/** The latest a session may be held once its round has begun at `begunAt`. */
export const latestSessionOfRound = (begunAt: string): DateTime =>
  DateTime.fromISO(begunAt, { setZone: true }).plus({ days: MAX_DAYS_FROM_ROUND_START_TO_SESSION });
