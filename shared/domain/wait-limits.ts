import { MAX_DAYS_FROM_ROUND_START_TO_SESSION, MAX_DAYS_TO_REPLY } from '#shared/domain/execution-limits.ts';
import { OUTCOME_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';

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
  /** Prep before the offer meeting and the meeting's end: neither falls after the reply deadline. */
  offer: MAX_DAYS_TO_REPLY + WAIT_MARGIN_DAYS,
  /** Prep before a session and the session's end: a begun round's session is held within its limit. */
  round: MAX_DAYS_FROM_ROUND_START_TO_SESSION + WAIT_MARGIN_DAYS,
  /**
   * A session's brief, then its end, then HR's outcome on it, on one task: the session is held within the round's
   * limit, and the outcome's link lives as long as any outcome link.
   */
  session: MAX_DAYS_FROM_ROUND_START_TO_SESSION + OUTCOME_LINK_DAYS + WAIT_MARGIN_DAYS,
  /**
   * HR's outcome after a meeting, and the new hire's confirmation of a summary: due within a few business days,
   * and never waited on past the life of an outcome link (a late answer takes a fresh link).
   */
  answer: OUTCOME_LINK_DAYS + WAIT_MARGIN_DAYS,
  /**
   * HR's final answer on the offer, over every ask: the last ask comes by the reply deadline, and its link lives
   * as long as any outcome link. Each ask is bounded by `answer` besides: a heartbeat on the task at every ask
   * and every "still undecided" (`RequestOutcome`'s HeartbeatSeconds).
   */
  outcome: MAX_DAYS_TO_REPLY + OUTCOME_LINK_DAYS + WAIT_MARGIN_DAYS,
} as const;
