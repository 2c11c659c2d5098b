import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Journey, requireJourney } from '#shared/data/journeys.ts';
import { inviteCandidate } from '#shared/journeys/invite-candidate.ts';
import { openOfferFollowUp } from '#shared/journeys/open-offer-follow-up.ts';
import { openRound } from '#shared/journeys/open-round.ts';
import { requestFormFor } from '#shared/journeys/request-form.ts';
import { startRound } from '#shared/journeys/start-round.ts';

vi.mock('#shared/data/journeys.ts', () => ({ requireJourney: vi.fn() }));
vi.mock('#shared/journeys/invite-candidate.ts', () => ({ inviteCandidate: vi.fn() }));
vi.mock('#shared/journeys/start-round.ts', () => ({ startRound: vi.fn() }));
vi.mock('#shared/journeys/request-form.ts', () => ({ requestFormFor: vi.fn() }));

const journey = { journeyId: 'j-1' } as Journey;
const calls: string[] = [];

beforeEach(() => {
  vi.resetAllMocks();
  calls.length = 0;
  vi.mocked(requireJourney).mockResolvedValue(journey);
  vi.mocked(inviteCandidate).mockImplementation(async () => {
    calls.push('invite');
  });
  vi.mocked(startRound).mockImplementation(async () => {
    calls.push('start');
    return { recipients: [{ role: 'manager' }, { role: 'mentor' }] };
  });
  vi.mocked(requestFormFor).mockImplementation(async () => {
    calls.push('forms');
  });
});

describe('the first task of the offer phase and of a round', () => {
  it('invites the candidate, then asks every interviewer on the waiting task, from one read of the journey', async () => {
    await openOfferFollowUp('j-1', 'token-1');
    expect(calls).toEqual(['invite', 'forms']);
    expect(requireJourney).toHaveBeenCalledTimes(1);
    expect(inviteCandidate).toHaveBeenCalledWith(journey);
    expect(requestFormFor).toHaveBeenCalledWith(journey, {
      journeyId: 'j-1',
      form: 'interviewer-insight',
      taskToken: 'token-1',
    });
  });

  it('opens the round, then asks the manager and the mentor on the waiting task', async () => {
    await openRound('j-1', 2, 'token-2');
    expect(calls).toEqual(['start', 'forms']);
    expect(requireJourney).toHaveBeenCalledTimes(1);
    expect(startRound).toHaveBeenCalledWith(journey, 2);
    expect(requestFormFor).toHaveBeenCalledWith(journey, {
      journeyId: 'j-1',
      form: 'manager-prep',
      round: 2,
      taskToken: 'token-2',
    });
  });

  it('only invites or opens for an execution on the earlier definition, which asks from a task of its own', async () => {
    await openOfferFollowUp('j-1');
    // The earliest definition asks each person it is told of from a Map iteration of their own.
    await expect(openRound('j-1', 1)).resolves.toEqual({
      recipients: [{ role: 'manager' }, { role: 'mentor' }],
    });
    expect(calls).toEqual(['invite', 'start']);
    expect(requestFormFor).not.toHaveBeenCalled();
  });

  it('asks nobody when the invitation fails, so a retry starts from the invitation', async () => {
    vi.mocked(startRound).mockRejectedValue(new Error('table unreachable'));
    await expect(openRound('j-1', 1, 'token-3')).rejects.toThrow('table unreachable');
    expect(requestFormFor).not.toHaveBeenCalled();
  });
});
