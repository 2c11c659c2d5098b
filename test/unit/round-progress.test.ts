import { describe, expect, it } from 'vitest';
import type { FormRecord } from '#shared/data/forms.ts';
import type { InvitationRecord } from '#shared/data/invitations.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import { followUpProgress, nextPlannedRound, roundProgress } from '#shared/domain/round-progress.ts';

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

describe("where a round's extra follow-up session stands", () => {
  const invitation = (round: number, status: 'sent' | 'cancelled' = 'sent'): InvitationRecord => ({
    journeyId: 'j-1',
    meeting: `follow-up-r${round}`,
    proposedBy: `r${round}#mentor-worried`,
    start: '2027-03-04T15:00:00+09:00',
    durationMinutes: 60,
    title: '',
    attendee: { name: '', email: '', locale: 'ja' },
    sequence: 0,
    status,
  });
  const outcome = (round: number, followUp: boolean, status: FormRecord['status']): FormRecord => ({
    journeyId: 'j-1',
    formId: `f-${round}-${followUp}`,
    kind: 'session-outcome',
    recipient: { role: 'hr', name: '', email: '', locale: 'ja' },
    status,
    createdAt: '',
    linkExpiresAt: '',
    round,
    ...(followUp ? { followUp: true } : {}),
    ...(status === 'submitted' ? { answers: { condition: 'watch' } } : {}),
  });

  it('reads its own outcome form, never the monthly one of the same round, and leaves the round to its own', () => {
    const monthlyDone = outcome(1, false, 'submitted');
    expect(followUpProgress([invitation(1)], [monthlyDone])).toEqual([
      { round: 1, sessionAt: '2027-03-04T15:00:00+09:00', reason: 'mentor-worried', status: 'scheduled' },
    ]);
    expect(followUpProgress([invitation(1)], [monthlyDone, outcome(1, true, 'open')])[0]?.status).toBe(
      'in-progress',
    );
    const extraDone = outcome(1, true, 'submitted');
    expect(followUpProgress([invitation(1)], [extraDone])[0]).toMatchObject({
      status: 'done',
      condition: 'watch',
    });
    expect(roundProgress([planned(1)], [extraDone])[0]?.status).toBe('scheduled');
    expect(followUpProgress([invitation(1)], [outcome(1, true, 'expired')])[0]?.status).toBe('not-recorded');
    expect(followUpProgress([invitation(1, 'cancelled')], [])[0]?.status).toBe('cancelled');
  });

  it('lists only extra sessions, in round order', () => {
    const monthly = { ...invitation(2), meeting: 'session-r2' };
    expect(followUpProgress([invitation(3), monthly, invitation(1)], []).map((entry) => entry.round)).toEqual(
      [1, 3],
    );
  });
});
