import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocalSystem, withoutPulseChecks } from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';

// Executions keep the definition they started on, for as long as the journey runs: a deploy must leave the
// requests of earlier definitions working. Before the round's prep forms were gathered on one task, a Map asked the
// manager and the mentor each from a task of its own, naming the person (`role`).
const mentor = { name: '田中 美咲', email: 'misaki.tanaka+earlier@example.co.jp' };
const hire = scenarioHire('earlier', '2027-02-01', { mentor });

let system: LocalSystem;
let journeyId: string;

beforeAll(async () => {
  system = await startLocalSystem();
  journeyId = await system.startJourney(hire);
  // Onboarding begins and plans the rounds; round 1 has not opened yet.
  await system.advanceTo('2027-02-01T10:00:00+09:00');
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('a request from an earlier definition', () => {
  it("asks one person of the round's team for their prep, from a task of its own", async () => {
    const prepForms = async () =>
      (await system.journey(journeyId)).forms.filter((form) => form.kind === 'manager-prep');
    expect(await prepForms()).toEqual([]);

    await system.runtime.invoke('request-form', {
      journeyId,
      form: 'manager-prep',
      round: 1,
      role: 'mentor',
      taskToken: 'token-of-an-earlier-execution',
    });
    await system.runtime.idle();

    expect((await prepForms()).map((form) => form.status)).toEqual(['open']);
    const mentorMail = withoutPulseChecks(await system.mailTo(mentor.email));
    expect(mentorMail).toHaveLength(1);
    expect(withoutPulseChecks(await system.mailTo(hire.manager.email))).toEqual([]);
    const requested = (await system.journey(journeyId)).timeline.filter(
      (event) => event.type === 'prep.requested',
    );
    expect(requested).toMatchObject([{ role: 'mentor', round: 1 }]);
  });
});
