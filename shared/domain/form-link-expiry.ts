import { DateTime } from 'luxon';
import { MAX_DAYS_TO_REPLY } from '#shared/domain/execution-limits.ts';

/** An HR outcome link stays usable this long: HR may record a late answer after a weekend or a holiday. */
export const OUTCOME_LINK_DAYS = 30;
/**
 * A link to a form with a deadline outlives it by this much: the form record closes it at the deadline, and a
 * meeting moved later moves that deadline without needing a new link.
 */
const DEADLINE_LINK_GRACE_DAYS = 14;

/**
 * The longest a link can live from the moment it is signed, reissued links included. The furthest deadline a
 * link is signed for is an interviewer's, the business day before the offer meeting, which is at the latest on
 * the reply deadline: at most `MAX_DAYS_TO_REPLY` days (counted in the journey's zone, so a day more) after the
 * offer was posted or the link sent afresh. Onboarding deadlines are nearer (a round's session within 92 days of
 * its start), and an outcome link lives 30 days. A signing key retired this long ago signed no link still valid.
 */
export const LONGEST_LINK_DAYS = MAX_DAYS_TO_REPLY + 1 + DEADLINE_LINK_GRACE_DAYS;

/** When the link to a form due at `deadline` stops working. */
export const linkExpiryAfter = (deadline: DateTime): DateTime =>
  deadline.plus({ days: DEADLINE_LINK_GRACE_DAYS });

/**
 * How long a link sent afresh stays usable: never less than the link it replaces, and as long as a first link
 * would be given now (past the form's deadline by the grace, or for an outcome without one, 30 days from now).
 */
export const reissuedLinkExpiry = (form: { linkExpiresAt: string; deadline?: string }, at: Date): Date => {
  const fresh = form.deadline
    ? linkExpiryAfter(DateTime.fromISO(form.deadline))
    : DateTime.fromJSDate(at).plus({ days: OUTCOME_LINK_DAYS });
  return new Date(Math.max(Date.parse(form.linkExpiresAt), fresh.toMillis()));
};
