import { describe, expect, it } from 'vitest';
import { offerSchema } from '#shared/domain/offer.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const errorsFor = (body: unknown) => {
  const result = offerSchema.safeParse(body);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe('the offer contract', () => {
  it('accepts the documented offer and fills the defaults', () => {
    const {
      mentor: _mentor,
      interviewers: _interviewers,
      timezone: _zone,
      selection: _selection,
      ...minimal
    } = sampleOffer();
    const offer = offerSchema.parse({ ...minimal, candidate: { name: '山田 花子', email: 'h@example.com' } });
    expect(offer.candidate.locale).toBe('ja');
    expect(offer.timezone).toBe('Asia/Tokyo');
    expect(offer.interviewers).toEqual([]);
    expect(offer.selection).toEqual({ concerns: [], situation: [] });
  });

  it('names the journey template by its name, lowercase letters, digits and dashes', () => {
    expect(offerSchema.parse({ ...sampleOffer(), template: 'engineers-2027' }).template).toBe(
      'engineers-2027',
    );
    expect(offerSchema.parse(sampleOffer()).template).toBeUndefined();
    expect(errorsFor({ ...sampleOffer(), template: 'Engineers' })).toEqual({
      template: 'lowercase letters, digits and single dashes only',
    });
  });

  it('names each bad field', () => {
    const errors = errorsFor({
      ...sampleOffer(),
      candidate: { name: '', email: 'not-an-email' },
      offerMeetingAt: '2026-12-03 10:00',
      timezone: 'Mars/Olympus',
      selection: { situation: ['bored'] },
    });
    expect(Object.keys(errors).sort()).toEqual([
      'candidate.email',
      'candidate.name',
      'offerMeetingAt',
      'selection.situation.0',
      'timezone',
    ]);
  });

  it('refuses dates in an impossible order', () => {
    expect(errorsFor({ ...sampleOffer(), respondBy: '2026-12-01' })).toHaveProperty('respondBy');
    expect(errorsFor({ ...sampleOffer(), startDate: '2026-12-10' })).toHaveProperty('startDate');
  });

  it('ignores fields HR systems add beyond the contract', () => {
    expect(offerSchema.safeParse({ ...sampleOffer(), department: '開発部' }).success).toBe(true);
  });
});
