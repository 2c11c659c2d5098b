import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay } from '#shared/time/business-days.ts';
import { HOLIDAYS_MODULE, japaneseHolidaysModule } from '../../scripts/japanese-holidays.ts';

// The company calendar is tested on its own; here only weekends and public holidays close.
const noClosures = () => false;

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' });

describe('business days in the journey time zone', () => {
  it('skips weekends', () => {
    // Friday 2026-12-04 plus one business day is Monday 2026-12-07.
    expect(addBusinessDays(tokyo('2026-12-04T10:00'), 1, noClosures).toISODate()).toBe('2026-12-07');
    expect(addBusinessDays(tokyo('2026-12-07T10:00'), -1, noClosures).toISODate()).toBe('2026-12-04');
  });

  it('skips Japanese public holidays, including substitute holidays', () => {
    // 2027-01-11 is Coming of Age Day (Monday): the business day before Tuesday the 12th is Friday the 8th.
    expect(isBusinessDay(tokyo('2027-01-11'), noClosures)).toBe(false);
    expect(addBusinessDays(tokyo('2027-01-12T09:00'), -1, noClosures).toISODate()).toBe('2027-01-08');
    // Golden Week 2027: 3 (Mon), 4 (Tue), 5 (Wed) are holidays.
    expect(addBusinessDays(tokyo('2027-04-30T09:00'), 1, noClosures).toISODate()).toBe('2027-05-06');
  });

  it('judges the day by the journey zone, not the server zone', () => {
    // 2027-01-01 00:30 in Tokyo is still 2026-12-31 in UTC, but it is New Year's Day for the journey.
    const newYear = DateTime.fromISO('2026-12-31T15:30:00Z').setZone('Asia/Tokyo');
    expect(isBusinessDay(newYear, noClosures)).toBe(false);
  });

  it('knows the holidays @holiday-jp/holiday_jp knows (run `npm run holidays` when this fails)', () => {
    expect(readFileSync(HOLIDAYS_MODULE, 'utf8')).toBe(japaneseHolidaysModule());
  });
});
