import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { planRound } from '#shared/domain/onboarding-schedule.ts';
import { movedSessionProblem, pendingRoundProblem } from '#shared/domain/reschedule-checks.ts';

const round = (number: number, sessionAt: string) =>
  planRound(number, DateTime.fromISO(sessionAt, { zone: 'Asia/Tokyo' }), DEFAULT_CALENDAR, {
    prepLeadBusinessDays: 5,
    sessionMinutes: 60,
  });
// Round 1 on Monday 1 March 2027 starts on Friday 19 February; round 2 on Thursday 1 April starts on 25 March.
const first = round(1, '2027-03-01T15:00');
const second = round(2, '2027-04-01T15:00');
const third = round(3, '2027-05-06T15:00');

describe('a pending round moved by a new start date', () => {
  const before = new Date('2027-02-10T10:00:00+09:00');

  it('may move while its whole prep is still ahead', () => {
    expect(pendingRoundProblem(second, first, false, DEFAULT_CALENDAR, before)).toBeUndefined();
  });

  it('may not start its prep in the past, nor hold its session there', () => {
    const at = new Date('2027-02-22T10:00:00+09:00');
    expect(pendingRoundProblem(second, first, false, DEFAULT_CALENDAR, at)).toMatch(
      /no time to prepare: its prep would have to start on 2027-02-19T10:00/,
    );
    const long = round(1, '1970-02-02T15:00');
    expect(pendingRoundProblem(first, long, false, DEFAULT_CALENDAR, before)).toMatch(/session in the past/);
  });

  it('may not move the deadline of prep forms still open into the past once the round has started', () => {
    const at = new Date('2027-02-24T10:00:00+09:00');
    // The session moved to Thursday 25 February: prep would have been due on the evening of the 24th, still ahead.
    const sooner = round(1, '2027-02-25T15:00');
    expect(pendingRoundProblem(first, sooner, true, DEFAULT_CALENDAR, at)).toBeUndefined();
    const tomorrowEvening = new Date('2027-02-24T19:00:00+09:00');
    expect(pendingRoundProblem(first, sooner, true, DEFAULT_CALENDAR, tomorrowEvening)).toMatch(
      /prep deadline in the past/,
    );
    // With the prep done, only the session has to be ahead.
    expect(pendingRoundProblem(first, sooner, false, DEFAULT_CALENDAR, tomorrowEvening)).toBeUndefined();
  });
});

describe('a session moved by hand', () => {
  it('fits on a business day, within working hours, between its neighbours', () => {
    const moved = round(2, '2027-04-02T16:00');
    expect(movedSessionProblem(moved, [first, moved, third], DEFAULT_CALENDAR)).toBeUndefined();
  });

  it('must be on a business day of the company calendar', () => {
    expect(movedSessionProblem(round(2, '2027-04-03T15:00'), [first, second], DEFAULT_CALENDAR)).toBe(
      'must be on a business day of the company calendar',
    );
    const newYear = round(1, '2026-12-30T15:00');
    expect(movedSessionProblem(newYear, [newYear], DEFAULT_CALENDAR)).toBe(
      'must be on a business day of the company calendar',
    );
  });

  it('must start and end within working hours', () => {
    for (const time of ['08:30', '17:30', '21:00']) {
      const moved = round(2, `2027-04-02T${time}`);
      expect(movedSessionProblem(moved, [first, moved], DEFAULT_CALENDAR), time).toBe(
        'must start and end (60 minutes) within working hours, 09:00 to 18:00',
      );
    }
    expect(movedSessionProblem(round(2, '2027-04-02T17:00'), [first], DEFAULT_CALENDAR)).toBeUndefined();
  });

  it('leaves room for its prep after the previous session, and ends before the next round begins', () => {
    // Five business days before Thursday 4 March is Thursday 25 February, before round 1 on 1 March.
    const tooSoon = round(2, '2027-03-04T15:00');
    expect(movedSessionProblem(tooSoon, [first, tooSoon, third], DEFAULT_CALENDAR)).toMatch(
      /^must leave room for its prep \(from 2027-02-25T10:00\) after round 1's session$/,
    );
    // Round 2 begins on 25 March: round 1 may not move past it.
    const tooLate = round(1, '2027-03-25T15:00');
    expect(movedSessionProblem(tooLate, [tooLate, second], DEFAULT_CALENDAR)).toBe(
      'must end before round 2 begins (2027-03-25T10:00)',
    );
  });
});
