import { DateTime } from 'luxon';
import { OUTCOME_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';

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

/**
 * How far past its longest rightful wait a waiting step may go before Step Functions times it out. Every wait
 * ends at a time a timer was set for, so only a lost timer (or an answer never given) runs into this margin.
 */
const WAIT_MARGIN_DAYS = 7;

/**
 * The longest each kind of waiting step (`waitForTaskToken`) may wait, in days. Past it the step fails with
 * `States.Timeout` and the journey is flagged for HR: a timer lost on the way never leaves a journey waiting
 * silently until its execution's year runs out. Each bound is the latest its form's deadline or timer can be.
 */
export const WAIT_LIMIT_DAYS = {
  /** Prep before the offer meeting, the meeting's end, the next ask: none falls after the reply deadline. */
  offer: MAX_DAYS_TO_REPLY + WAIT_MARGIN_DAYS,
  /** Prep before a session and the session's end: a begun round's session is held within its limit. */
  round: MAX_DAYS_FROM_ROUND_START_TO_SESSION + WAIT_MARGIN_DAYS,
  /**
   * HR's outcome after a meeting, and the new hire's confirmation of a summary: due within a few business days,
   * and never waited on past the life of an outcome link (a late answer takes a fresh link).
   */
  answer: OUTCOME_LINK_DAYS + WAIT_MARGIN_DAYS,
} as const;
