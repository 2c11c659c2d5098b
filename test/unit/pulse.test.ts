import { describe, expect, it } from 'vitest';
import { calendarSettingsSchema } from '#shared/domain/calendar-settings.ts';
import { businessCalendar, DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { pulseSchema } from '#shared/domain/form-answers.ts';
import { defaultTemplate } from '#shared/domain/journey-template.ts';
import { planRounds } from '#shared/domain/onboarding-schedule.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { planPulseChecks, pulseChecksAhead, weatherMood, weathers } from '#shared/domain/pulse.ts';
import { tokyoHire } from '../support/sample-offer.ts';

const defaults = onboardingSettingsSchema.parse(undefined);
const plan = (
  startDate: string,
  settings = defaults,
  calendar = DEFAULT_CALENDAR,
  timezone = 'Asia/Tokyo',
) => {
  const hire = { ...tokyoHire(startDate), timezone };
  return planPulseChecks(
    hire,
    settings,
    defaultTemplate(settings),
    planRounds(hire, settings, defaultTemplate(settings), calendar),
    calendar,
  );
};
const sendTimes = (checks: ReturnType<typeof plan>) => checks.map((check) => check.sendAt.toISO());

describe('pulse check cadence', () => {
  it('is on by default: one and two weeks after the start date, then monthly, a week before each 1on1', () => {
    expect(defaults.pulse).toBe(true);
    const checks = plan('2027-02-01');
    expect(checks.map((check) => check.check)).toEqual([1, 2, 3, 4, 5]);
    expect(sendTimes(checks)).toEqual([
      '2027-02-08T10:00:00.000+09:00',
      '2027-02-15T10:00:00.000+09:00',
      // Tuesday 23 February is a holiday; the 1on1s are on 1 March, 1 April and, after Golden Week, 6 May.
      '2027-02-22T10:00:00.000+09:00',
      '2027-03-25T10:00:00.000+09:00',
      '2027-04-26T10:00:00.000+09:00',
    ]);
    // Each month's answer can reach HR's brief, sent at the close of the business day before the session.
    const rounds = planRounds(tokyoHire('2027-02-01'), defaults, defaultTemplate(defaults), DEFAULT_CALENDAR);
    for (const [index, round] of rounds.entries()) {
      const monthly = checks[index + 2];
      expect(monthly?.sendAt.toMillis()).toBeLessThan(Date.parse(round.prepDeadline));
      expect(monthly?.remindAt?.toMillis()).toBeLessThan(Date.parse(round.prepDeadline));
    }
  });

  it('reminds after three business days and closes after five, or when the next check goes out', () => {
    const [first, second] = plan('2027-02-01');
    expect(first?.remindAt?.toISO()).toBe('2027-02-12T10:00:00.000+09:00');
    // Five business days would run past the second check: the first closes as the second goes out.
    expect(first?.closesAt.toISO()).toBe('2027-02-15T10:00:00.000+09:00');
    expect(second?.remindAt?.toISO()).toBe('2027-02-18T10:00:00.000+09:00');
    // The first monthly check goes out on Monday 22 February, before the fifth business day is over.
    expect(second?.closesAt.toISO()).toBe('2027-02-22T10:00:00.000+09:00');
    // The last has no next: it closes at the end of its fifth business day, past Golden Week.
    expect(plan('2027-02-01').at(-1)?.closesAt.toISO()).toBe('2027-05-07T18:00:00.000+09:00');
  });

  it("skips the company's own closed days and keeps to its working hours", () => {
    const calendar = businessCalendar(
      calendarSettingsSchema.parse({
        closedDays: ['2027-02-08'],
        workingHours: { from: '08:30', to: '17:00' },
      }),
    );
    const [first] = plan('2027-02-01', defaults, calendar);
    expect(first?.sendAt.toISO()).toBe('2027-02-09T09:30:00.000+09:00');
    expect(first?.closesAt.toISO()).toBe('2027-02-15T09:30:00.000+09:00');
  });

  it("goes out in the journey's own time zone", () => {
    const [first] = plan('2027-02-01', defaults, DEFAULT_CALENDAR, 'Europe/London');
    expect(first?.sendAt.toUTC().toISO()).toBe('2027-02-08T10:00:00.000Z');
  });

  it('sends none after the last session, and none at all when HR turned them off', () => {
    const oneRound = plan('2027-02-01', { ...defaults, rounds: 1 });
    expect(sendTimes(oneRound)).toEqual([
      '2027-02-08T10:00:00.000+09:00',
      '2027-02-15T10:00:00.000+09:00',
      '2027-02-22T10:00:00.000+09:00',
    ]);
    expect(plan('2027-02-01', { ...defaults, pulse: false })).toEqual([]);
    expect(onboardingSettingsSchema.safeParse({ pulse: 'yes' }).success).toBe(false);
  });

  it('leaves out the checks already past for a hire posted after their start date, keeping their numbers', () => {
    const ahead = pulseChecksAhead(plan('2027-02-01'), new Date('2027-02-20T00:00:00+09:00'));
    expect(ahead.map((check) => check.check)).toEqual([3, 4, 5]);
  });
});

describe('pulse answers', () => {
  it('takes one weather and optionally two more and a comment; an unticked option is left out', () => {
    expect(pulseSchema.parse({ answer: 'cloudy', workload: '', comment: ' ' })).toEqual({ answer: 'cloudy' });
    expect(
      pulseSchema.parse({ answer: 'rainy', workload: 'stormy', relationships: 'fair', comment: '眠れない' }),
    ).toEqual({ answer: 'rainy', workload: 'stormy', relationships: 'fair', comment: '眠れない' });
    const refused = pulseSchema.safeParse({ answer: 'hail', workload: 'sunny!', comment: 'x'.repeat(1001) });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['answer', 'invalid-choice'],
      ['workload', 'invalid-choice'],
      ['comment', 'too-long'],
    ]);
    expect(pulseSchema.safeParse({}).error?.issues[0]?.message).toBe('required');
  });

  it('reads each answer as good, so-so or hard for the note the person gets back, never as a score', () => {
    expect(weathers.map(weatherMood)).toEqual(['good', 'good', 'so-so', 'hard', 'hard']);
  });
});
