import { describe, expect, it } from 'vitest';
import {
  errorCodes,
  fieldErrorMessage,
  fieldErrors,
  formAnswerSchemas,
  interviewerInsightSchema,
  offerOutcomeSchema,
} from '#shared/domain/form-answers.ts';

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

describe('form answer schemas', () => {
  it('has a schema for each form kind', () => {
    expect(formAnswerSchemas['interviewer-insight']).toBe(interviewerInsightSchema);
    expect(formAnswerSchemas['offer-outcome']).toBe(offerOutcomeSchema);
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
