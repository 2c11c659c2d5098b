import { DateTime } from 'luxon';
import type { Offer } from '#shared/domain/offer.ts';
import { type PrepWindow, prepWindow } from '#shared/domain/prep-window.ts';
import { addBusinessDays } from '#shared/time/business-days.ts';

/** How long the offer meeting is booked for, in the invitation and before HR is asked for the outcome. */
export const OFFER_MEETING_MINUTES = 60;

/** A gentle hour for asking HR again while the candidate is still deciding. */
const ASK_AGAIN_HOUR = 10;
const ASK_AGAIN_AFTER_BUSINESS_DAYS = 2;

const meetingStart = (offer: Offer): DateTime =>
  DateTime.fromISO(offer.offerMeetingAt, { setZone: true }).setZone(offer.timezone);

const atHour = (isoDate: string, hour: number, zone: string): DateTime =>
  DateTime.fromISO(isoDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });

/**
 * When an interviewer's insight is due, and when to nudge them once: due the evening before the meeting, so
 * HR has the brief that night.
 */
export const interviewerInsightWindow = (offer: Offer, requestedAt: Date): PrepWindow =>
  prepWindow(meetingStart(offer), DateTime.fromJSDate(requestedAt).setZone(offer.timezone));

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
