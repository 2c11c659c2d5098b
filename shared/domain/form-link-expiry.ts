import { DateTime } from 'luxon';

/** An HR outcome link stays usable this long: HR may record a late answer after a weekend or a holiday. */
export const OUTCOME_LINK_DAYS = 30;
/**
 * A link to a form with a deadline outlives it by this much: the form record closes it at the deadline, and a
 * meeting moved later moves that deadline without needing a new link.
 */
const DEADLINE_LINK_GRACE_DAYS = 14;

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
