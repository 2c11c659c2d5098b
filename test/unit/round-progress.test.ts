import { describe, expect, it } from 'vitest';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import { nextPlannedRound } from '#shared/domain/round-progress.ts';

const planned = (round: number): RoundPlan => ({
  round,
  startsAt: `2027-0${round + 1}-20T10:00:00+09:00`,
  sessionAt: `2027-0${round + 2}-01T15:00:00+09:00`,
  prepDeadline: `2027-0${round + 1}-28T18:00:00+09:00`,
});

describe('the next planned round', () => {
  it('goes through the plan in order and ends after the last round', () => {
    const plan = [planned(1), planned(2), planned(3)];
    expect(nextPlannedRound(plan)?.round).toBe(1);
    expect(nextPlannedRound(plan, 1)?.round).toBe(2);
    expect(nextPlannedRound(plan, 3)).toBeUndefined();
  });

  it('follows a plan that leaves rounds out (a start date already past), whatever order it is stored in', () => {
    const plan = [planned(4), planned(2)];
    expect(nextPlannedRound(plan)?.round).toBe(2);
    expect(nextPlannedRound(plan, 2)?.round).toBe(4);
    expect(nextPlannedRound(plan, 4)).toBeUndefined();
    expect(nextPlannedRound([])).toBeUndefined();
  });
});
