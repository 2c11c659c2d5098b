import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventTypes,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
  TEST_START,
} from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

// The local runtime with its handlers on worker threads (`LOCAL_HANDLER_THREADS`, as the throughput benchmark runs
// it): the same journey as in the runtime's own thread, on the runtime's virtual time, errors told apart by name.
const offer = scenarioOffer('threads', {
  interviewers: [
    { name: '高橋 健', email: 'ken+threads@example.co.jp' },
    { name: '伊藤 誠', email: 'makoto+threads@example.co.jp' },
  ],
});
const silent = 'ken+threads@example.co.jp';
const prompt = 'makoto+threads@example.co.jp';

let system: LocalSystem;
let journeyId: string;

beforeAll(async () => {
  system = await startLocalSystem({ handlerThreads: 2 });
  journeyId = await system.startJourney(offer);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('handlers on worker threads', () => {
  it('start a journey at the virtual time and mail the interviewers', async () => {
    const journey = await system.journey(journeyId);
    expect(journey.timeline[0]).toMatchObject({ type: 'journey.started', at: TEST_START.toISOString() });
    expect(await system.mailTo(silent)).toHaveLength(1);
    expect(await system.mailTo(prompt)).toHaveLength(1);
  });

  it('take an answer and fire the reminder when virtual time reaches it', async () => {
    const [request] = await system.mailTo(prompt);
    const response = await system.submitForm(formLinkIn(request), { concerns: '勤務地の希望を確認したい' });
    expect(response.status).toBe(200);
    // Requested Tuesday 11-24 10:00, due Wednesday 12-02 18:00: halfway is Saturday, so Monday 11-30 10:00.
    await system.advanceTo('2026-11-30T09:59:00+09:00');
    expect(await system.mailTo(silent)).toHaveLength(1);
    await system.advanceTo('2026-11-30T10:00:00+09:00');
    expect(await system.mailTo(silent)).toHaveLength(2);
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toEqual(expect.arrayContaining(['prep.submitted', 'prep.reminded']));
    expect(journey.timeline.find((event) => event.type === 'prep.reminded')?.at).toBe(
      '2026-11-30T01:00:00.000Z',
    );
  });

  it('hand an error back by its name, as Retry and Catch read it', async () => {
    await expect(system.runtime.invoke('request-form', { journeyId })).rejects.toMatchObject({
      name: 'InvalidTaskPayload',
    });
  });
});
