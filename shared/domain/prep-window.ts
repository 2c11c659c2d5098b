import type { DateTime } from 'luxon';
import { addBusinessDays, isBusinessDay } from '#shared/time/business-days.ts';

const START_OF_BUSINESS_HOUR = 9;
const END_OF_BUSINESS_HOUR = 18;
/** A gentle hour for a nudge that would otherwise land outside working hours. */
const NUDGE_HOUR = 10;

export interface PrepWindow {
  deadline: DateTime;
  remindAt: DateTime | undefined;
}

/** Nobody wants a nudge at 2 a.m. or on a Saturday: such a moment moves to the next business morning. */
export const withinWorkingHours = (moment: DateTime): DateTime => {
  if (isBusinessDay(moment) && moment.hour >= START_OF_BUSINESS_HOUR && moment.hour < END_OF_BUSINESS_HOUR) {
    return moment;
  }
  const day =
    isBusinessDay(moment) && moment.hour < START_OF_BUSINESS_HOUR ? moment : addBusinessDays(moment, 1);
  return day.set({ hour: NUDGE_HOUR, minute: 0, second: 0, millisecond: 0 });
};

/**
 * How long people have to answer a prep form before a meeting (interviewers before the offer meeting, the
 * manager and mentor before an HR 1on1): until the end of the business day before it, so HR gets the brief
 * that evening, with one reminder halfway. Asked late, they still get until an hour before the meeting.
 */
export const prepWindow = (meeting: DateTime, requested: DateTime): PrepWindow => {
  const dayBefore = addBusinessDays(meeting.startOf('day'), -1).set({ hour: END_OF_BUSINESS_HOUR });
  const lateFallback = meeting.minus({ hours: 1 });
  const deadline = dayBefore > requested ? dayBefore : lateFallback > requested ? lateFallback : requested;
  const remindAt = withinWorkingHours(requested.plus(deadline.diff(requested).toMillis() / 2));
  return { deadline, remindAt: remindAt > requested && remindAt < deadline ? remindAt : undefined };
};
