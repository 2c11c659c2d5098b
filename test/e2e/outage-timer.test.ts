import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

// Its own local system: nothing else runs while DynamoDB is away, so the test sees only this journey's retries.
let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('DynamoDB unreachable while a schedule fires', () => {
  it('retries the timer and the steps it sets off until DynamoDB is back, losing and repeating nothing', async () => {
    const offer = scenarioOffer('timer-outage', { interviewers: [] });
    const journeyId = await system.startJourney(offer);
    await system.runtime.idle();

    // Shorter than the retries of the schedule and of the steps it sets off, as on AWS.
    system.runtime.faults?.dynamo.outage(800);
    await system.advanceTo('2026-12-03T11:00:00+09:00');

    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('offer-follow-up');
    expect(eventTypes(journey).filter((type) => type === 'outcome.requested')).toHaveLength(1);
    const requests = (await system.mailTo(offer.hr.email)).filter((email) => /\/forms\//.test(email.text));
    expect(requests).toHaveLength(1);
  });
});
