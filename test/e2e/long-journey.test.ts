import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionArn, type JourneyMachine, onboardingExecutions } from '#shared/journeys/start-execution.ts';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

// A new graduate accepts in December 2026 and starts in April 2028: month 3 ends more than 19 months later,
// beyond what one Standard execution may last.
const offer = scenarioOffer('graduate', {
  interviewers: [],
  respondBy: '2026-12-15',
  startDate: '2028-04-03',
});

// Six rounds three months apart: eighteen months of onboarding, after the graduate's journey has ended.
const longPlan = {
  phase: 'onboarding',
  hireId: 'EMP-six-rounds',
  employee: { name: '山田 花子', email: 'hanako+six-rounds@example.com' },
  hr: { name: '佐藤 綾', email: 'aya.sato+six-rounds@example.co.jp' },
  manager: { name: '鈴木 一郎', email: 'ichiro.suzuki+six-rounds@example.co.jp' },
  startDate: '2028-08-01',
  onboarding: { rounds: 6, monthsBetween: 3 },
};

let system: LocalSystem;
let journeyId: string;
let longPlanId: string;

const latestLinkTo = async (address: string) =>
  formLinkIn((await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text)).at(-1));
const execution = (machineVariable: JourneyMachine, name: string) =>
  new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
    new DescribeExecutionCommand({
      executionArn: executionArn(machineVariable, name),
    }),
  );

beforeAll(async () => {
  system = await startLocalSystem();
  journeyId = await system.startJourney(offer);
  longPlanId = await system.startJourney(longPlan);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('an offer whose decision could be more than a year away', () => {
  it('is refused: the reply deadline must be within six months of the offer', async () => {
    const distant = scenarioOffer('distant-reply', { respondBy: '2027-12-01', startDate: '2028-04-03' });
    const refused = await system.postJson('/journeys', distant);
    const body = (await refused.json()) as { errors: Record<string, string> };

    expect(refused.status).toBe(400);
    expect(Object.keys(body.errors)).toEqual(['respondBy']);
    expect(body.errors.respondBy).toMatch(/2027-05-2\d/);
    // Nothing was written: the same offerId with a near deadline starts a journey of its own.
    expect((await system.postJson('/journeys', { ...distant, respondBy: '2027-01-15' })).status).toBe(201);
  });
});

describe('an offer more than a year before the end of month 3', () => {
  it('ends the offer execution at acceptance and waits for the start date on a schedule', async () => {
    await system.advanceTo('2026-12-03T11:00:00+09:00');
    await system.submitForm(await latestLinkTo(offer.hr.email), {
      decision: 'accepted',
      remainingConcerns: '',
      notes: '',
    });
    expect((await system.journey(journeyId)).status).toBe('awaiting-start');
    expect((await execution('STATE_MACHINE_ARN', journeyId)).status).toBe('SUCCEEDED');
  });

  it('runs the onboarding months in executions of their own, to completion', async () => {
    await system.advanceTo('2028-04-03T09:00:00+09:00');
    const started = (await system.journey(journeyId)) as unknown as {
      status: string;
      rounds: { round: number; startsAt: string; sessionAt: string }[];
    };
    expect(started.status).toBe('onboarding');
    expect(started.rounds).toHaveLength(3);

    for (const round of started.rounds) {
      await system.advanceTo(new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString());
      await system.submitForm(await latestLinkTo(offer.hr.email), {
        condition: 'good',
        privateNotes: '',
        consent: 'none',
        teamSummary: '',
        followUp: '',
      });
    }
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('completed');
    expect(eventTypes(journey).filter((type) => type === 'prep.expired')).toHaveLength(6);
    // No alert was raised: no round had an extra session.
    for (const { machine, name } of onboardingExecutions(journeyId, started.rounds).filter(
      ({ name }) => !name.endsWith('-followup') && !name.endsWith('-end'),
    )) {
      expect((await execution(machine, name)).status, name).toBe('SUCCEEDED');
    }
    expect(journey.timeline.at(-1)?.at.slice(0, 7)).toBe('2028-07');
  });
});

describe('a plan of six rounds three months apart', () => {
  type Planned = { rounds: { round: number; startsAt: string; sessionAt: string }[] };
  let rounds: Planned['rounds'] = [];
  const patchSessions = (sessions: Record<string, string>) =>
    system.api(`/journeys/${longPlanId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessions }),
    });

  it('plans eighteen months of rounds on the start date', async () => {
    await system.advanceTo('2028-08-01T09:00:00+09:00');
    rounds = ((await system.journey(longPlanId)) as unknown as Planned).rounds;
    expect(rounds.map((round) => round.round)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rounds.at(-1)?.sessionAt.slice(0, 7)).toBe('2030-02');
  });

  it('keeps the session of a round under way within three months of its start, a year within reach', async () => {
    const first = rounds[0] as Planned['rounds'][number];
    await system.advanceTo(first.startsAt);
    // Every later round moves along, so the rounds stay in order and only round 1's own limit is at stake.
    const tooLate = await patchSessions({
      '1': '2029-06-01T15:00:00+09:00',
      '2': '2029-09-03T15:00:00+09:00',
      '3': '2029-12-03T15:00:00+09:00',
      '4': '2030-03-04T15:00:00+09:00',
      '5': '2030-06-03T15:00:00+09:00',
      '6': '2030-09-03T15:00:00+09:00',
    });
    const body = (await tooLate.json()) as { errors: Record<string, string> };

    expect(tooLate.status).toBe(400);
    expect(body.errors).toEqual({ 'sessions.1': expect.stringMatching(/round 1 has begun/) });
    expect(((await system.journey(longPlanId)) as unknown as Planned).rounds).toEqual(
      rounds.map((round) => expect.objectContaining({ sessionAt: round.sessionAt })),
    );
  });

  it('runs all eighteen months to completion, though no execution may last a year', async () => {
    for (const round of rounds) {
      await system.advanceTo(new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString());
      await system.submitForm(await latestLinkTo(longPlan.hr.email), {
        condition: 'good',
        privateNotes: '',
        consent: 'none',
        teamSummary: '',
        followUp: '',
      });
    }

    const journey = await system.journey(longPlanId);
    const invitations = (await system.mailTo(longPlan.employee.email)).filter((email) =>
      email.attachments.some((attachment) => attachment.filename?.endsWith('.ics')),
    );
    expect(invitations).toHaveLength(6);
    expect(
      journey.timeline.filter((event) => event.type === 'invitation.sent').map((event) => event.round),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(eventTypes(journey).slice(-2)).toEqual(['journey.summarized', 'journey.completed']);
    expect(journey.status).toBe('completed');
  });
});
