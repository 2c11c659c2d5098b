import type { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { type PrepWindow, withinWorkingHours } from '#shared/domain/prep-window.ts';

/** Business days HR has after a 1on1 to record how it went, before the round goes on without it. */
export const OUTCOME_BUSINESS_DAYS = 3;

/**
 * How long HR has to record a 1on1's outcome: until closing time on the third business day after the session,
 * so no round waits on HR for ever, with one reminder halfway, moved into working hours.
 */
export const outcomeWindow = (
  calendar: BusinessCalendar,
  session: DateTime,
  requested: DateTime,
): PrepWindow => {
  const deadline = calendar.closesOn(calendar.addBusinessDays(session.startOf('day'), OUTCOME_BUSINESS_DAYS));
  const remindAt = withinWorkingHours(calendar, requested.plus(deadline.diff(requested).toMillis() / 2));
  return { deadline, remindAt: remindAt > requested && remindAt < deadline ? remindAt : undefined };
};
