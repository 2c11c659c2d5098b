import { describe, expect, it } from 'vitest';
import { latestRemainingConcerns } from '#shared/domain/remaining-concerns.ts';

const outcome = (ask: number, remainingConcerns: string, status = 'submitted') => ({
  kind: 'offer-outcome',
  status,
  ask,
  answers: { decision: ask === 3 ? 'accepted' : 'undecided', remainingConcerns },
});

describe('the remaining concerns HR last recorded', () => {
  it("is the latest answer's list", () => {
    expect(latestRemainingConcerns([outcome(1, '年収'), outcome(3, ' 勤務地 '), outcome(2, '残業')])).toBe(
      '勤務地',
    );
  });

  it('falls back to an earlier undecided answer when the latest leaves the box empty', () => {
    expect(latestRemainingConcerns([outcome(1, '年収'), outcome(2, '残業'), outcome(3, '  ')])).toBe('残業');
  });

  it('ignores forms not answered and forms of other kinds, and is undefined when nothing was recorded', () => {
    const prep = { kind: 'manager-prep', status: 'submitted', answers: { remainingConcerns: 'x' } };
    expect(latestRemainingConcerns([outcome(1, ''), outcome(2, '未回答', 'open'), prep])).toBeUndefined();
    expect(latestRemainingConcerns([])).toBeUndefined();
  });
});
