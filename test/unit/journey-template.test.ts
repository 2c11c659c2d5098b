import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import {
  defaultTemplate,
  questionWords,
  sameTemplateBody,
  templateNameSchema,
} from '#shared/domain/journey-template.ts';
import { journeyTemplateSchema } from '#shared/domain/journey-template-schema.ts';
import { planRounds } from '#shared/domain/onboarding-schedule.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { planPulseChecks } from '#shared/domain/pulse.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { tokyoHire } from '../support/sample-offer.ts';
import before from './fixtures/plans-before-templates.json' with { type: 'json' };

const errorsOf = (body: unknown) => {
  const parsed = journeyTemplateSchema.safeParse(body);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

const engineers = journeyTemplateSchema.parse({
  cadence: [
    { weeks: 1, kind: 'pulse' },
    { weeks: 2, kind: 'pulse' },
    { months: 1, kind: '1on1' },
    { months: 3, kind: '1on1' },
    { months: 6, kind: 'both' },
    { months: 9, kind: 'pulse' },
    { months: 12, kind: 'pulse' },
  ],
  sessionMinutes: 45,
  prepLeadBusinessDays: 3,
});

describe('a journey template', () => {
  it('takes the defaults it leaves out: five business days of prep, an hour, round 1 HR-only', () => {
    const template = journeyTemplateSchema.parse({ cadence: [{ months: 1, kind: 'both' }] });
    expect(template).toEqual({
      cadence: [{ months: 1, kind: 'both' }],
      prepLeadBusinessDays: 5,
      sessionMinutes: 60,
      firstRoundHrOnly: true,
      questions: {},
    });
  });

  it('refuses each bad field with a message of its own', () => {
    expect(
      errorsOf({
        cadence: [
          { months: 2, kind: '1on1' },
          { months: 1, kind: 'pulse' },
          { weeks: 3, months: 1, kind: 'pulse' },
          { months: 13, kind: 'lunch' },
        ],
        sessionMinutes: 600,
        questions: { pulse: { answer: { ja: '調子は？' } }, prep: { mood: { ja: 'x', en: 'x' } } },
      }),
    ).toEqual({
      'cadence.2.weeks': 'give either weeks or months',
      'cadence.3.months': 'at most 12',
      'cadence.3.kind': 'must be 1on1, pulse or both',
      sessionMinutes: 'at most 120',
      'questions.pulse.answer.en': 'required',
      'questions.prep': expect.any(String),
    });
    expect(
      errorsOf({
        cadence: [
          { months: 2, kind: '1on1' },
          { weeks: 8, kind: 'pulse' },
        ],
      }),
    ).toEqual({ 'cadence.1': 'must come after the point before it' });
    expect(errorsOf({ cadence: [] })).toEqual({ cadence: 'at least one point' });
    expect(errorsOf({ cadence: [{ weeks: 1, kind: 'pulse' }] })).toEqual({
      cadence: 'must hold at least one 1on1',
    });
  });

  it('refuses a 1on1 whose prep would have to start before the start date', () => {
    expect(errorsOf({ cadence: [{ weeks: 1, kind: '1on1' }] })).toEqual({
      'cadence.0': 'its prep (5 business days before) would start before the start date',
    });
    expect(errorsOf({ cadence: [{ weeks: 1, kind: '1on1' }], prepLeadBusinessDays: 3 })).toEqual({});
  });

  it("gives a form the template's words for its questions in the recipient's language, and other forms none", () => {
    const worded = journeyTemplateSchema.parse({
      cadence: [{ months: 1, kind: 'both' }],
      questions: { pulse: { answer: { ja: '今週はどう？', en: 'How was this week?' } } },
    });
    expect(questionWords(worded, 'pulse', 'en')).toEqual({ answer: 'How was this week?' });
    expect(questionWords(worded, 'manager-prep', 'ja')).toEqual({});
    expect(questionWords(worded, 'session-outcome', 'ja')).toEqual({});
  });

  it('names templates with lowercase letters, digits and dashes', () => {
    expect(templateNameSchema.safeParse('engineers-2027').success).toBe(true);
    for (const name of ['Engineers', 'a_b', '-a', 'a--b', '', 'x'.repeat(41)]) {
      expect(templateNameSchema.safeParse(name).success).toBe(false);
    }
  });

  it('tells a changed body from the same one sent again, whatever the order of its keys', () => {
    const reordered = journeyTemplateSchema.parse({
      sessionMinutes: 45,
      prepLeadBusinessDays: 3,
      cadence: engineers.cadence.map(({ kind, ...offset }) => ({ kind, ...offset })),
    });
    expect(sameTemplateBody(engineers, reordered)).toBe(true);
    expect(sameTemplateBody(engineers, { ...engineers, sessionMinutes: 50 })).toBe(false);
  });
});

describe('planning from a template', () => {
  it('plans the default exactly as the journey was planned before templates', () => {
    for (const { startDate, shape, rounds, checks } of before) {
      const settings = onboardingSettingsSchema.parse(shape);
      const hire = tokyoHire(startDate);
      const planned = planRounds(hire, settings, defaultTemplate(settings), DEFAULT_CALENDAR);
      expect(planned).toEqual(rounds.map((round) => ({ ...round, sessionMinutes: 60 })));
      const pulse = planPulseChecks(hire, settings, defaultTemplate(settings), planned, DEFAULT_CALENDAR);
      expect(
        pulse.map((check) => [check.sendAt.toISO(), check.remindAt?.toISO() ?? null, check.closesAt.toISO()]),
      ).toEqual(checks);
    }
  });

  it("plans a template's 1on1s with its lead time and length, and keeps its light checks after the last", () => {
    const settings = onboardingSettingsSchema.parse(undefined);
    const hire = tokyoHire('2027-04-01');
    const rounds = planRounds(
      hire,
      settings,
      { name: 'engineers', version: 1, ...engineers },
      DEFAULT_CALENDAR,
    );
    expect(rounds).toEqual([
      // 1 May 2027 is a Saturday, and 3 to 5 May are Golden Week holidays.
      expect.objectContaining({ round: 1, sessionAt: '2027-05-06T15:00:00+09:00', sessionMinutes: 45 }),
      expect.objectContaining({ round: 2, sessionAt: '2027-07-01T15:00:00+09:00', sessionMinutes: 45 }),
      expect.objectContaining({ round: 3, sessionAt: '2027-10-01T15:00:00+09:00', sessionMinutes: 45 }),
    ]);
    expect(rounds[1]?.startsAt).toBe('2027-06-28T10:00:00+09:00');
    const checks = planPulseChecks(hire, settings, engineers, rounds, DEFAULT_CALENDAR);
    expect(checks.map((check) => check.sendAt.toISODate())).toEqual([
      '2027-04-08',
      '2027-04-15',
      // Month 6's check, a week before its 1on1; then months 9 and 12, after the last 1on1, each moved off a
      // Saturday.
      '2027-09-24',
      '2027-12-27',
      '2028-03-27',
    ]);
  });

  it('plans no checks at all when HR turned them off', () => {
    const settings = onboardingSettingsSchema.parse({ pulse: false });
    const hire = tokyoHire('2027-04-01');
    const rounds = planRounds(
      hire,
      settings,
      { name: 'engineers', version: 1, ...engineers },
      DEFAULT_CALENDAR,
    );
    expect(planPulseChecks(hire, settings, engineers, rounds, DEFAULT_CALENDAR)).toEqual([]);
  });
});
