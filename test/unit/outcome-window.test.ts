import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { outcomeWindow } from '#shared/domain/outcome-window.ts';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' });
const iso = (moment: DateTime | undefined) => moment?.toISO({ suppressMilliseconds: true });

describe('the deadline for a 1on1 outcome', () => {
  it('is closing time on the third business day after the session, with a reminder halfway', () => {
    // Monday 1 March 15:00, asked at 16:00: due Thursday 4 March 18:00; halfway is Wednesday 05:00, so 10:00.
    const window = outcomeWindow(DEFAULT_CALENDAR, tokyo('2027-03-01T15:00'), tokyo('2027-03-01T16:00'));
    expect(iso(window.deadline)).toBe('2027-03-04T18:00:00+09:00');
    expect(iso(window.remindAt)).toBe('2027-03-03T10:00:00+09:00');
  });

  it('skips weekends, public holidays and the New Year closure', () => {
    // Friday 25 December 2026: 28 December, then the closure until 3 January, 4, 5 January.
    const window = outcomeWindow(DEFAULT_CALENDAR, tokyo('2026-12-25T15:00'), tokyo('2026-12-25T16:00'));
    expect(iso(window.deadline)).toBe('2027-01-05T18:00:00+09:00');
    expect(iso(window.remindAt)).toBe('2027-01-04T10:00:00+09:00');
    // From Wednesday 28 April 2027: Shōwa Day (29th), the weekend and Golden Week (3 to 5 May) are skipped:
    // Friday 30 April, Thursday 6 and Friday 7 May.
    const goldenWeek = outcomeWindow(DEFAULT_CALENDAR, tokyo('2027-04-28T15:00'), tokyo('2027-04-28T16:00'));
    expect(iso(goldenWeek.deadline)).toBe('2027-05-07T18:00:00+09:00');
  });
});
