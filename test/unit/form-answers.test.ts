import { describe, expect, it } from 'vitest';
import {
  fieldErrors,
  formAnswerSchemas,
  interviewerInsightSchema,
  managerPrepSchema,
  offerOutcomeSchema,
  sessionOutcomeSchema,
  sessionTopicsSchema,
  summaryConfirmationSchema,
} from '#shared/domain/form-answers.ts';
import {
  conditionLabels,
  conditions,
  consents,
  errorCodes,
  fieldErrorMessage,
  formKinds,
  wellbeingLabels,
  wellbeings,
} from '#shared/domain/form-fields.ts';

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe('the interviewer insight form', () => {
  it('accepts an answer in one box and fills the others with empty text', () => {
    const result = interviewerInsightSchema.safeParse({ concerns: '  転居を迷っている様子  ' });
    expect(result.success && result.data).toEqual({
      concerns: '転居を迷っている様子',
      impressions: '',
      strengths: '',
    });
  });

  it('asks for at least one answer, next to the first box', () => {
    const result = interviewerInsightSchema.safeParse({ concerns: ' ', impressions: '\r\n', strengths: '' });
    expect(errorsOf(result)).toEqual({ concerns: 'one-needed' });
  });

  it('refuses an answer longer than 2000 characters', () => {
    const result = interviewerInsightSchema.safeParse({ impressions: 'あ'.repeat(2001) });
    expect(errorsOf(result)).toEqual({ impressions: 'too-long' });
  });

  it('counts a line break as one character, as the browser did when it was typed', () => {
    const typed = `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}`;
    const result = interviewerInsightSchema.safeParse({ strengths: typed });
    expect(result.success && result.data.strengths).toBe(`${'a'.repeat(999)}\n${'b'.repeat(1000)}`);
  });

  it('ignores fields the form does not have', () => {
    const result = interviewerInsightSchema.safeParse({ concerns: 'x', submit: '送信する' });
    expect(result.success && result.data).not.toHaveProperty('submit');
  });
});

describe('the offer outcome form', () => {
  it('accepts a decision with optional concerns and notes', () => {
    const result = offerOutcomeSchema.safeParse({ decision: 'accepted', remainingConcerns: ' 通勤時間 ' });
    expect(result.success && result.data).toEqual({
      decision: 'accepted',
      remainingConcerns: '通勤時間',
      notes: '',
    });
  });

  it('says a missing decision is required and a made-up one is not a choice', () => {
    expect(errorsOf(offerOutcomeSchema.safeParse({}))).toEqual({ decision: 'required' });
    expect(errorsOf(offerOutcomeSchema.safeParse({ decision: '' }))).toEqual({ decision: 'required' });
    expect(errorsOf(offerOutcomeSchema.safeParse({ decision: 'maybe' }))).toEqual({
      decision: 'invalid-choice',
    });
  });

  it('allows longer private notes than remaining concerns', () => {
    expect(offerOutcomeSchema.safeParse({ decision: 'declined', notes: 'x'.repeat(4000) }).success).toBe(
      true,
    );
    const result = offerOutcomeSchema.safeParse({
      decision: 'declined',
      remainingConcerns: 'x'.repeat(2001),
      notes: 'x'.repeat(4001),
    });
    expect(errorsOf(result)).toEqual({ remainingConcerns: 'too-long', notes: 'too-long' });
  });
});

describe('the manager prep form', () => {
  it('accepts how the new hire seems with optional progress and topics', () => {
    const result = managerPrepSchema.safeParse({
      wellbeing: 'some-concern',
      progress: ' 資料作成を担当 \r\n',
    });
    expect(result.success && result.data).toEqual({
      progress: '資料作成を担当',
      wellbeing: 'some-concern',
      topics: '',
    });
  });

  it('needs one of the three wellbeing choices', () => {
    expect(wellbeings).toEqual(['well', 'some-concern', 'worried']);
    expect(errorsOf(managerPrepSchema.safeParse({ progress: 'x' }))).toEqual({ wellbeing: 'required' });
    expect(errorsOf(managerPrepSchema.safeParse({ wellbeing: 'fine' }))).toEqual({
      wellbeing: 'invalid-choice',
    });
  });

  it('refuses answers longer than 2000 characters', () => {
    const result = managerPrepSchema.safeParse({ wellbeing: 'well', topics: 'あ'.repeat(2001) });
    expect(errorsOf(result)).toEqual({ topics: 'too-long' });
  });
});

describe("the new hire's topics form", () => {
  it('accepts either box alone, trimmed, and fills the other with empty text', () => {
    expect(sessionTopicsSchema.parse({ topics: '  通勤が少しつらい\r\n ' })).toEqual({
      topics: '通勤が少しつらい',
      keepFromTeam: '',
    });
    expect(sessionTopicsSchema.parse({ keepFromTeam: '体調のこと' })).toEqual({
      topics: '',
      keepFromTeam: '体調のこと',
    });
  });

  it('asks for at least one box when both are empty, next to the first', () => {
    expect(errorsOf(sessionTopicsSchema.safeParse({ topics: ' ', keepFromTeam: '\r\n' }))).toEqual({
      topics: 'one-needed',
    });
    expect(errorsOf(sessionTopicsSchema.safeParse({}))).toEqual({ topics: 'one-needed' });
  });

  it('refuses answers longer than 2000 characters', () => {
    const long = 'あ'.repeat(2001);
    expect(errorsOf(sessionTopicsSchema.safeParse({ topics: long, keepFromTeam: long }))).toEqual({
      topics: 'too-long',
      keepFromTeam: 'too-long',
    });
  });

  it('is one of the emailed forms', () => {
    expect(formKinds).toContain('session-topics');
    expect(formAnswerSchemas['session-topics']).toBe(sessionTopicsSchema);
  });
});

describe("the new hire's summary confirmation", () => {
  it('takes a yes or a no, and nothing else', () => {
    expect(summaryConfirmationSchema.parse({ share: 'yes' })).toEqual({ share: 'yes' });
    expect(summaryConfirmationSchema.parse({ share: 'no' })).toEqual({ share: 'no' });
    expect(errorsOf(summaryConfirmationSchema.safeParse({}))).toEqual({ share: 'required' });
    expect(errorsOf(summaryConfirmationSchema.safeParse({ share: 'maybe' }))).toEqual({
      share: 'invalid-choice',
    });
  });

  it('is one of the emailed forms', () => {
    expect(formAnswerSchemas['summary-confirmation']).toBe(summaryConfirmationSchema);
  });
});

describe('the session outcome form', () => {
  it('accepts a condition and no consent, with notes for HR', () => {
    const result = sessionOutcomeSchema.safeParse({
      condition: 'watch',
      consent: 'none',
      privateNotes: ' 家族の事情で疲れている ',
      followUp: '来月もう一度確認',
    });
    expect(result.success && result.data).toEqual({
      condition: 'watch',
      privateNotes: '家族の事情で疲れている',
      consent: 'none',
      teamSummary: '',
      followUp: '来月もう一度確認',
    });
  });

  it('drops a team summary typed without consent, so it can never travel on', () => {
    const result = sessionOutcomeSchema.safeParse({
      condition: 'good',
      consent: 'none',
      teamSummary: '共有しない話',
    });
    expect(result.success && result.data.teamSummary).toBe('');
  });

  it('keeps the team summary when the new hire agreed to share it', () => {
    const result = sessionOutcomeSchema.safeParse({
      condition: 'good',
      consent: 'summary',
      teamSummary: ' 質問しやすい時間がほしい ',
    });
    expect(result.success && result.data.teamSummary).toBe('質問しやすい時間がほしい');
  });

  it('asks for the team summary when consent is given, alongside the other problems', () => {
    expect(errorsOf(sessionOutcomeSchema.safeParse({ condition: 'good', consent: 'summary' }))).toEqual({
      teamSummary: 'text-needed',
    });
    expect(
      errorsOf(
        sessionOutcomeSchema.safeParse({ consent: 'summary', teamSummary: ' \r\n ', privateNotes: 3 }),
      ),
    ).toEqual({ condition: 'required', privateNotes: 'invalid', teamSummary: 'text-needed' });
  });

  it('needs a condition and a consent choice, from the lists', () => {
    expect(conditions).toEqual(['good', 'watch', 'alert']);
    expect(consents).toEqual(['none', 'summary']);
    expect(errorsOf(sessionOutcomeSchema.safeParse({}))).toEqual({
      condition: 'required',
      consent: 'required',
    });
    expect(errorsOf(sessionOutcomeSchema.safeParse({ condition: 'bad', consent: 'all' }))).toEqual({
      condition: 'invalid-choice',
      consent: 'invalid-choice',
    });
  });

  it('allows longer private notes than the other boxes', () => {
    const base = { condition: 'alert', consent: 'summary', teamSummary: 'x' };
    expect(sessionOutcomeSchema.safeParse({ ...base, privateNotes: 'x'.repeat(4000) }).success).toBe(true);
    const result = sessionOutcomeSchema.safeParse({
      ...base,
      privateNotes: 'x'.repeat(4001),
      followUp: 'x'.repeat(2001),
    });
    expect(errorsOf(result)).toEqual({ privateNotes: 'too-long', followUp: 'too-long' });
  });

  it('refuses a body that is not an object without failing itself', () => {
    expect(sessionOutcomeSchema.safeParse(null).success).toBe(false);
    expect(sessionOutcomeSchema.safeParse('consent=summary').success).toBe(false);
  });
});

describe('choice labels', () => {
  it('name every wellbeing and condition in both languages', () => {
    for (const locale of ['ja', 'en'] as const) {
      for (const value of wellbeings) expect(wellbeingLabels[locale][value]).not.toBe('');
      for (const value of conditions) expect(conditionLabels[locale][value]).not.toBe('');
    }
  });
});

describe('form answer schemas', () => {
  it('has a schema for each form kind', () => {
    expect(Object.keys(formAnswerSchemas)).toEqual([...formKinds]);
    expect(formAnswerSchemas['interviewer-insight']).toBe(interviewerInsightSchema);
    expect(formAnswerSchemas['offer-outcome']).toBe(offerOutcomeSchema);
    expect(formAnswerSchemas['manager-prep']).toBe(managerPrepSchema);
    expect(formAnswerSchemas['session-outcome']).toBe(sessionOutcomeSchema);
  });

  it('keeps only the first problem of each field', () => {
    const result = offerOutcomeSchema.safeParse({ decision: 1, notes: 2 });
    expect(errorsOf(result)).toEqual({ decision: 'invalid-choice', notes: 'invalid' });
  });
});

describe('fieldErrorMessage', () => {
  it('has words for every code in both languages', () => {
    for (const code of errorCodes) {
      expect(fieldErrorMessage(code, 'ja')).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(fieldErrorMessage(code, 'en')).toMatch(/^[A-Z]/);
    }
  });

  it('never shows a raw code to a person', () => {
    expect(fieldErrorMessage('something-new', 'en')).toBe(fieldErrorMessage('invalid', 'en'));
  });
});
