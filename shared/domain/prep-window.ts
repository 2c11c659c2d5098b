import type { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';

export interface PrepWindow {
  deadline: DateTime;
  remindAt: DateTime | undefined;
}

/**
 * Nobody wants a nudge at 2 a.m., on a Saturday or while the office is closed: such a moment moves to the next
 * business morning.
 */
export const withinWorkingHours = (calendar: BusinessCalendar, moment: DateTime): DateTime => {
  const open = calendar.isBusinessDay(moment);
  if (open && moment >= calendar.opensOn(moment) && moment < calendar.closesOn(moment)) return moment;
  const day = open && moment < calendar.opensOn(moment) ? moment : calendar.addBusinessDays(moment, 1);
  return calendar.morningOf(day);
};

/**
 * How long people have to answer a prep form before a meeting (interviewers before the offer meeting, the
 * manager and mentor before an HR 1on1): until the end of the business day before it, so HR gets the brief
 * that evening, with one reminder halfway. Asked late, they still get until an hour before the meeting.
 */
export const prepWindow = (
  calendar: BusinessCalendar,
  meeting: DateTime,
  requested: DateTime,
): PrepWindow => {
  const dayBefore = calendar.closesOn(calendar.addBusinessDays(meeting.startOf('day'), -1));
  const lateFallback = meeting.minus({ hours: 1 });
  const deadline = dayBefore > requested ? dayBefore : lateFallback > requested ? lateFallback : requested;
  const remindAt = withinWorkingHours(calendar, requested.plus(deadline.diff(requested).toMillis() / 2));
  return { deadline, remindAt: remindAt > requested && remindAt < deadline ? remindAt : undefined };
};
