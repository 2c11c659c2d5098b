import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { type Offer, offerSchema } from '#shared/domain/offer.ts';
import { interviewerInsightWindow, meetingEndsAt, nextOutcomeAsk } from '#shared/domain/offer-schedule.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const offer = (overrides: Partial<Offer> = {}): Offer =>
  offerSchema.parse({ ...sampleOffer(), ...overrides });
const tokyoIso = (date: DateTime) => date.setZone('Asia/Tokyo').toISO({ suppressMilliseconds: true });

describe('interviewer insight window', () => {
  it('is due at the end of the business day before the meeting, with a reminder halfway', () => {
    // Meeting Thursday 2026-12-03 10:00; requested Friday 2026-11-27 10:00 Tokyo: halfway is Sunday 14:00.
    const window = interviewerInsightWindow(offer(), new Date('2026-11-27T01:00:00Z'), DEFAULT_CALENDAR);
    expect(tokyoIso(window.deadline)).toBe('2026-12-02T18:00:00+09:00');
    expect(tokyoIso(window.remindAt as DateTime)).toBe('2026-11-30T10:00:00+09:00');
  });

  it('keeps a halfway reminder that falls on a business day as it is', () => {
    // Requested Monday 2026-11-30 10:00; halfway to Wednesday 18:00 is Tuesday 14:00.
    const window = interviewerInsightWindow(offer(), new Date('2026-11-30T01:00:00Z'), DEFAULT_CALENDAR);
    expect(tokyoIso(window.remindAt as DateTime)).toBe('2026-12-01T14:00:00+09:00');
  });

  it('skips a holiday when finding the business day before the meeting', () => {
    // Meeting Tuesday 2027-01-12; Monday the 11th is Coming of Age Day.
    const window = interviewerInsightWindow(
      offer({
        offerMeetingAt: '2027-01-12T10:00:00+09:00',
        respondBy: '2027-01-20',
        startDate: '2027-04-01',
      }),
      new Date('2026-12-24T01:00:00Z'),
      DEFAULT_CALENDAR,
    );
    expect(tokyoIso(window.deadline)).toBe('2027-01-08T18:00:00+09:00');
  });

  it('gives interviewers until an hour before the meeting when the journey starts late', () => {
    const window = interviewerInsightWindow(offer(), new Date('2026-12-03T00:00:00Z'), DEFAULT_CALENDAR);
    expect(tokyoIso(window.deadline)).toBe('2026-12-03T09:00:00+09:00');
  });
});

describe('outcome asks', () => {
  it('asks again two business days later at 10:00 while the candidate is deciding', () => {
    // Thursday 2026-12-03 -> Monday 2026-12-07.
    const next = nextOutcomeAsk(offer(), new Date('2026-12-03T03:00:00Z'), DEFAULT_CALENDAR);
    expect(next && tokyoIso(next)).toBe('2026-12-07T10:00:00+09:00');
  });

  it('never asks after the reply deadline, and stops once it has come', () => {
    const next = nextOutcomeAsk(
      offer({ respondBy: '2026-12-04' }),
      new Date('2026-12-03T03:00:00Z'),
      DEFAULT_CALENDAR,
    );
    expect(next && tokyoIso(next)).toBe('2026-12-04T10:00:00+09:00');
    expect(
      nextOutcomeAsk(offer({ respondBy: '2026-12-04' }), new Date('2026-12-04T01:00:00Z'), DEFAULT_CALENDAR),
    ).toBeUndefined();
  });
});

describe('meeting and onboarding times', () => {
  it('ends the offer meeting after an hour', () => {
    expect(tokyoIso(meetingEndsAt(offer()))).toBe('2026-12-03T11:00:00+09:00');
  });
});
