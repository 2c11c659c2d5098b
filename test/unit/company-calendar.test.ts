import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarSettingsSchema } from '#shared/domain/calendar-settings.ts';
import { businessCalendar, DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { defaultTemplate } from '#shared/domain/journey-template.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { nextOutcomeAsk } from '#shared/domain/offer-schedule.ts';
import { followUpSessionAt, planRounds } from '#shared/domain/onboarding-schedule.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { prepWindow, withinWorkingHours } from '#shared/domain/prep-window.ts';
import { sampleOffer, tokyoHire } from '../support/sample-offer.ts';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' });
const calendar = (settings: unknown) => businessCalendar(calendarSettingsSchema.parse(settings));
const noClosures = calendar({ closedDays: [] });
const hire = tokyoHire;
const defaults = onboardingSettingsSchema.parse(undefined);

describe('company calendar settings', () => {
  it('defaults to the New Year closure (12/29 to 1/3) and 09:00 to 18:00', () => {
    expect(calendarSettingsSchema.parse({})).toEqual({
      closedDays: ['12-29..01-03'],
      workingHours: { from: '09:00', to: '18:00' },
    });
  });

  it('names each bad field', () => {
    const result = calendarSettingsSchema.safeParse({
      closedDays: ['12-29..01-03', '2028-2-14', '02-30', '12-29..', '01-01..02-01..03-01'],
      workingHours: { from: '18:00', to: '09:00' },
    });
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(messages).toEqual({
      'closedDays.1': 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
      'closedDays.2': 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
      'closedDays.3': 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
      'closedDays.4': 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
      'workingHours.from': 'must be before workingHours.to',
    });
    expect(calendarSettingsSchema.safeParse({ closedDays: ['02-29', '2028-02-29'] }).success).toBe(true);
  });
});

describe('business days of the company calendar', () => {
  it('closes over New Year by default, on top of weekends and public holidays', () => {
    expect(DEFAULT_CALENDAR.isBusinessDay(tokyo('2026-12-28'))).toBe(true);
    expect(DEFAULT_CALENDAR.isBusinessDay(tokyo('2026-12-29'))).toBe(false);
    expect(DEFAULT_CALENDAR.isBusinessDay(tokyo('2026-12-30'))).toBe(false);
    expect(noClosures.isBusinessDay(tokyo('2026-12-30'))).toBe(true);
    // Monday 28 December plus one business day is Monday 4 January.
    expect(DEFAULT_CALENDAR.addBusinessDays(tokyo('2026-12-28T10:00'), 1).toISODate()).toBe('2027-01-04');
  });

  it('closes on a range that wraps the year end, on a range within the year and on one-off dates', () => {
    const company = calendar({ closedDays: ['12-25..01-05', '08-13..08-16', '2028-02-14'] });
    expect(company.isBusinessDay(tokyo('2026-12-25'))).toBe(false);
    expect(company.isBusinessDay(tokyo('2027-01-05'))).toBe(false);
    expect(company.isBusinessDay(tokyo('2027-01-06'))).toBe(true);
    expect(company.isBusinessDay(tokyo('2027-08-13'))).toBe(false);
    expect(company.isBusinessDay(tokyo('2027-08-17'))).toBe(true);
    expect(company.isBusinessDay(tokyo('2028-02-14'))).toBe(false);
    // A one-off date closes that year only.
    expect(company.isBusinessDay(tokyo('2029-02-14'))).toBe(true);
  });

  it('plans a round that would fall in the New Year closure after it, with prep before it', () => {
    // Round 1 of a hire starting 30 November would be on Wednesday 30 December.
    expect(
      planRounds(hire('2026-11-30'), defaults, defaultTemplate(defaults), noClosures)[0]?.sessionAt,
    ).toBe('2026-12-30T15:00:00+09:00');
    expect(planRounds(hire('2026-11-30'), defaults, defaultTemplate(defaults), DEFAULT_CALENDAR)[0]).toEqual({
      round: 1,
      startsAt: '2026-12-22T10:00:00+09:00',
      sessionAt: '2027-01-04T15:00:00+09:00',
      prepDeadline: '2026-12-28T18:00:00+09:00',
      sessionMinutes: 60,
    });
  });

  it('skips a one-off closed day', () => {
    const company = calendar({ closedDays: ['2027-03-01'] });
    expect(planRounds(hire('2027-02-01'), defaults, defaultTemplate(defaults), company)[0]?.sessionAt).toBe(
      '2027-03-02T15:00:00+09:00',
    );
  });

  it('moves reminders and extra sessions past closed days', () => {
    // Halfway between Friday 25 December and Monday 4 January falls in the closure.
    const window = prepWindow(DEFAULT_CALENDAR, tokyo('2027-01-05T15:00'), tokyo('2026-12-25T10:00'));
    expect(window.remindAt?.toISO({ suppressMilliseconds: true })).toBe('2027-01-04T10:00:00+09:00');
    expect(window.deadline.toISO({ suppressMilliseconds: true })).toBe('2027-01-04T18:00:00+09:00');
    // Three business days after Friday 25 December: 28 December, 4 and 5 January.
    const followUp = followUpSessionAt(
      new Date('2026-12-25T01:00:00Z'),
      hire('2026-11-02'),
      defaults,
      DEFAULT_CALENDAR,
    );
    expect(followUp.toISO({ suppressMilliseconds: true })).toBe('2027-01-05T15:00:00+09:00');
  });

  it('asks HR again about an undecided offer on business days, never after the reply deadline', () => {
    const offer = offerSchema.parse({ ...sampleOffer(), respondBy: '2027-01-08' });
    // Two business days after Monday 28 December: 4 and 5 January.
    const next = nextOutcomeAsk(offer, new Date('2026-12-28T03:00:00Z'), DEFAULT_CALENDAR);
    expect(next?.toISO({ suppressMilliseconds: true })).toBe('2027-01-05T10:00:00+09:00');
    // A reply deadline on a closed day: the last ask is on the business day before it.
    const closedDeadline = offerSchema.parse({ ...sampleOffer(), respondBy: '2027-01-02' });
    const last = nextOutcomeAsk(closedDeadline, new Date('2026-12-25T00:00:00Z'), DEFAULT_CALENDAR);
    expect(last?.toISO({ suppressMilliseconds: true })).toBe('2026-12-28T10:00:00+09:00');
  });

  it('keeps to the working hours HR set', () => {
    const late = calendar({ workingHours: { from: '10:00', to: '19:30' } });
    const [first] = planRounds(hire('2027-02-01'), defaults, defaultTemplate(defaults), late);
    // Rounds start an hour after opening; prep is due at closing time the business day before.
    expect(first?.startsAt).toBe('2027-02-19T11:00:00+09:00');
    expect(first?.prepDeadline).toBe('2027-02-26T19:30:00+09:00');
    expect(withinWorkingHours(late, tokyo('2027-02-22T09:30')).toISO({ suppressMilliseconds: true })).toBe(
      '2027-02-22T11:00:00+09:00',
    );
    expect(withinWorkingHours(late, tokyo('2027-02-22T19:00')).hour).toBe(19);
    expect(late.holdsMeeting(tokyo('2027-02-22T18:30'), tokyo('2027-02-22T19:30'))).toBe(true);
    expect(late.holdsMeeting(tokyo('2027-02-22T18:45'), tokyo('2027-02-22T19:45'))).toBe(false);
    expect(late.holdsMeeting(tokyo('2027-02-22T09:30'), tokyo('2027-02-22T10:30'))).toBe(false);
  });
});
