import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '#shared/time/format.ts';

describe('formatDateTime', () => {
  it('reads as Japanese people write it, marked as Japan time', () => {
    expect(formatDateTime('2026-12-03T10:00:00+09:00', 'Asia/Tokyo', 'ja')).toBe(
      '2026年12月3日(木) 10:00 (日本時間)',
    );
  });

  it('names the zone for English readers', () => {
    expect(formatDateTime('2026-12-03T10:00:00+09:00', 'Asia/Tokyo', 'en')).toBe(
      'Thu, 3 Dec 2026, 10:00 (Asia/Tokyo)',
    );
  });

  it("shows the moment in the journey's zone, whatever offset the input carries", () => {
    expect(formatDateTime('2026-12-03T01:00:00Z', 'Asia/Tokyo', 'ja')).toBe(
      '2026年12月3日(木) 10:00 (日本時間)',
    );
    expect(formatDateTime('2026-12-03T10:00:00+09:00', 'Europe/London', 'ja')).toBe(
      '2026年12月3日(木) 01:00 (Europe/London)',
    );
    expect(formatDateTime('2026-12-03T10:00:00+09:00', 'America/New_York', 'en')).toBe(
      'Wed, 2 Dec 2026, 20:00 (America/New_York)',
    );
  });

  it('refuses to print a date it could not read', () => {
    expect(() => formatDateTime('', 'Asia/Tokyo', 'ja')).toThrow(RangeError);
    expect(() => formatDateTime('next Tuesday', 'Asia/Tokyo', 'en')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('prints a calendar day with its weekday in both languages', () => {
    expect(formatDate('2027-04-01', 'ja')).toBe('2027年4月1日(木)');
    expect(formatDate('2027-04-01', 'en')).toBe('Thu, 1 Apr 2027');
  });

  it('never moves the day, whatever zone the server runs in', () => {
    expect(formatDate('2027-01-01', 'en')).toBe('Fri, 1 Jan 2027');
    expect(formatDate('2026-12-31', 'ja')).toBe('2026年12月31日(木)');
  });

  it('refuses to print a day it could not read', () => {
    expect(() => formatDate('2027-02-30', 'ja')).toThrow(RangeError);
  });
});
