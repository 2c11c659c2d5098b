import type { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';

/** Business days the new hire has to confirm a team summary before it is left unshared. */
export const CONFIRMATION_BUSINESS_DAYS = 3;

/**
 * Until when the new hire may confirm the team summary HR recorded: closing time on the third business day
 * after they were asked. The team hears nothing of the summary meanwhile, so the wait is kept short; no
 * reminder, since silence already means the safe answer (nothing is shared).
 */
export const confirmationDeadline = (calendar: BusinessCalendar, requested: DateTime): DateTime =>
  calendar.closesOn(calendar.addBusinessDays(requested.startOf('day'), CONFIRMATION_BUSINESS_DAYS));
