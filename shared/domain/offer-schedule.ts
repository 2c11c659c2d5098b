import { DateTime } from 'luxon';
import type { Offer } from '#shared/domain/offer.ts';
import { addBusinessDays, isBusinessDay } from '#shared/time/business-days.ts';

/** How long the offer meeting is booked for, in the invitation and before HR is asked for the outcome. */
export const OFFER_MEETING_MINUTES = 60;

/** Interviewers answer by the end of the business day before the meeting, so HR has the brief that evening. */
const END_OF_BUSINESS_HOUR = 18;
const START_OF_BUSINESS_HOUR = 9;
/** A gentle hour for nudges and for asking HR again while the candidate is still deciding. */
const ASK_AGAIN_HOUR = 10;
const ASK_AGAIN_AFTER_BUSINESS_DAYS = 2;
const ONBOARDING_START_HOUR = 9;

const meetingStart = (offer: Offer): DateTime =>
  DateTime.fromISO(offer.offerMeetingAt, { setZone: true }).setZone(offer.timezone);

const atHour = (isoDate: string, hour: number, zone: string): DateTime =>
  DateTime.fromISO(isoDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });

export interface InsightWindow {
  deadline: DateTime;
  remindAt: DateTime | undefined;
}

/**
 * When an interviewer's insight is due, and when to nudge them once. A journey started late (the business day
 * before has already passed) still gives interviewers until an hour before the meeting.
 */
export const interviewerInsightWindow = (offer: Offer, requestedAt: Date): InsightWindow => {
  const requested = DateTime.fromJSDate(requestedAt).setZone(offer.timezone);
  const meeting = meetingStart(offer);
  const dayBefore = addBusinessDays(meeting.startOf('day'), -1).set({ hour: END_OF_BUSINESS_HOUR });
  const lateFallback = meeting.minus({ hours: 1 });
  const deadline = dayBefore > requested ? dayBefore : DateTime.max(lateFallback, requested);
  const halfway = requested.plus(deadline.diff(requested).toMillis() / 2);
  const remindAt = withinWorkingHours(halfway);
  return { deadline, remindAt: remindAt > requested && remindAt < deadline ? remindAt : undefined };
};

/** Nobody wants a nudge at 2 a.m. or on a Saturday: such a moment moves to the next business morning. */
const withinWorkingHours = (moment: DateTime): DateTime => {
  if (isBusinessDay(moment) && moment.hour >= START_OF_BUSINESS_HOUR && moment.hour < END_OF_BUSINESS_HOUR) {
    return moment;
  }
  const day =
    isBusinessDay(moment) && moment.hour < START_OF_BUSINESS_HOUR ? moment : addBusinessDays(moment, 1);
  return day.set({ hour: ASK_AGAIN_HOUR, minute: 0, second: 0, millisecond: 0 });
};

export const meetingEndsAt = (offer: Offer): DateTime =>
  meetingStart(offer).plus({ minutes: OFFER_MEETING_MINUTES });

/**
 * When to ask HR again about a candidate who is still deciding: a couple of business days later, never after
 * the reply deadline. Undefined once the deadline has come: the offer has then lapsed without a decision.
 */
export const nextOutcomeAsk = (offer: Offer, now: Date): DateTime | undefined => {
  const today = DateTime.fromJSDate(now).setZone(offer.timezone);
  const lastAsk = atHour(offer.respondBy, ASK_AGAIN_HOUR, offer.timezone);
  if ((today.toISODate() ?? '') >= offer.respondBy) return undefined;
  const soon = addBusinessDays(today.startOf('day'), ASK_AGAIN_AFTER_BUSINESS_DAYS).set({
    hour: ASK_AGAIN_HOUR,
  });
  return DateTime.min(soon, lastAsk);
};

export const onboardingStartsAt = (offer: Offer): DateTime =>
  atHour(offer.startDate, ONBOARDING_START_HOUR, offer.timezone);
