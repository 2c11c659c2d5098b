import { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import type { Offer } from '#shared/domain/offer.ts';
import { type PrepWindow, prepWindow } from '#shared/domain/prep-window.ts';

/** How long the offer meeting is booked for, in the invitation and before HR is asked for the outcome. */
export const OFFER_MEETING_MINUTES = 60;

const ASK_AGAIN_AFTER_BUSINESS_DAYS = 2;

const meetingStart = (offer: Offer): DateTime =>
  DateTime.fromISO(offer.offerMeetingAt, { setZone: true }).setZone(offer.timezone);

/**
 * When an interviewer's insight is due, and when to nudge them once: due the evening before the meeting, so
 * HR has the brief that night.
 */
export const interviewerInsightWindow = (
  offer: Offer,
  requestedAt: Date,
  calendar: BusinessCalendar,
): PrepWindow =>
  prepWindow(calendar, meetingStart(offer), DateTime.fromJSDate(requestedAt).setZone(offer.timezone));

export const meetingEndsAt = (offer: Offer): DateTime =>
  meetingStart(offer).plus({ minutes: OFFER_MEETING_MINUTES });

/**
 * When to ask HR again about a candidate who is still deciding: a couple of business days later, never after
 * the reply deadline. Undefined once the deadline has come: the offer has then lapsed without a decision.
 */
export const nextOutcomeAsk = (offer: Offer, now: Date, calendar: BusinessCalendar): DateTime | undefined => {
  const today = DateTime.fromJSDate(now).setZone(offer.timezone);
  if ((today.toISODate() ?? '') >= offer.respondBy) return undefined;
  const soon = calendar.addBusinessDays(today.startOf('day'), ASK_AGAIN_AFTER_BUSINESS_DAYS);
  // The last ask is on the reply deadline, or the business day before it when the office is closed that day;
  // with no business morning left before it, on the deadline itself, when the offer would otherwise lapse.
  const deadline = DateTime.fromISO(offer.respondBy, { zone: offer.timezone });
  const lastDay = calendar.isBusinessDay(deadline) ? deadline : calendar.addBusinessDays(deadline, -1);
  const ask = calendar.morningOf(DateTime.min(soon, lastDay));
  return ask > today ? ask : calendar.morningOf(deadline);
};
