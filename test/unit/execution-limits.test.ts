import { describe, expect, it } from 'vitest';
import { latestReplyDeadline, latestSessionOfRound } from '#shared/domain/execution-limits.ts';

describe('execution limits', () => {
  it('counts the reply deadline from the day the offer is posted, in the journey’s time zone', () => {
    expect(latestReplyDeadline(new Date('2026-11-24T01:00:00Z'), 'Asia/Tokyo')).toBe('2027-05-26');
    // 00:30 on 25 November in Tokyo, still the 24th in UTC.
    expect(latestReplyDeadline(new Date('2026-11-24T15:30:00Z'), 'Asia/Tokyo')).toBe('2027-05-27');
  });

  it('holds a round’s session within three months of the round’s start', () => {
    expect(latestSessionOfRound('2027-02-19T10:00:00+09:00').toISO()).toBe('2027-05-22T10:00:00.000+09:00');
  });
});
