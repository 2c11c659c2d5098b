import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionArn } from '#shared/journeys/start-execution.ts';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

// Three candidates meet HR on the same day; each ends differently.
const declined = scenarioOffer('declined', { interviewers: [] });
const decidesLater = scenarioOffer('later', { interviewers: [] });
const neverDecides = scenarioOffer('lapsed', { interviewers: [], respondBy: '2026-12-08' });
// Its execution is stopped by ops (as a failed one would end): the journey stays in the offer phase.
const stopped = scenarioOffer('stopped', { interviewers: [] });

let system: LocalSystem;
const ids: Record<string, string> = {};
const sfn = () => new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN });
const offerExecution = (offer: { offerId: string }) =>
  executionArn('STATE_MACHINE_ARN', ids[offer.offerId] ?? '');

const latestOutcomeLink = async (hrEmail: string) => {
  const requests = (await system.mailTo(hrEmail)).filter((email) => /\/forms\//.test(email.text));
  return formLinkIn(requests.at(-1));
};

beforeAll(async () => {
  system = await startLocalSystem();
  for (const offer of [declined, decidesLater, neverDecides, stopped]) {
    ids[offer.offerId] = await system.startJourney(offer);
  }
  await system.advanceTo('2026-12-03T11:00:00+09:00');
  await sfn().send(new StopExecutionCommand({ executionArn: offerExecution(stopped) }));
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('offers that are declined, decided later, or never decided', () => {
  it('sends the brief without interviewer insight when there are no interviewers', async () => {
    const journey = await system.journey(ids[declined.offerId] ?? '');
    expect(eventTypes(journey)).toEqual([
      'journey.started',
      'invitation.sent',
      'brief.sent',
      'outcome.requested',
    ]);
  });

  it('ends a declined offer as declined and tells nobody on the team', async () => {
    await system.submitForm(await latestOutcomeLink(declined.hr.email), {
      decision: 'declined',
      remainingConcerns: '',
      notes: '他社に決めた',
    });
    const journey = await system.journey(ids[declined.offerId] ?? '');
    expect(journey.status).toBe('declined');
    expect(eventTypes(journey).slice(-3)).toEqual([
      'outcome.recorded',
      'offer.declined',
      'journey.completed',
    ]);
    expect(await system.mailTo(declined.manager.email)).toHaveLength(0);
  });

  it('answers a repeated start of an ended journey with that journey, starting nothing new', async () => {
    const again = await system.postJson('/journeys', declined);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ journeyId: ids[declined.offerId], status: 'declined' });
    expect(await system.mailTo(declined.candidate.email)).toHaveLength(1);
  });

  it('asks HR again two business days after an undecided outcome, then hands off on acceptance', async () => {
    await system.submitForm(await latestOutcomeLink(decidesLater.hr.email), {
      decision: 'undecided',
      remainingConcerns: '年収の伸び方',
      notes: '',
    });
    const journeyId = ids[decidesLater.offerId] ?? '';
    expect((await system.journey(journeyId)).status).toBe('offer-follow-up');

    await system.advanceTo('2026-12-07T09:59:00+09:00');
    expect(
      eventTypes(await system.journey(journeyId)).filter((type) => type === 'outcome.requested'),
    ).toHaveLength(1);
    await system.advanceTo('2026-12-07T10:00:00+09:00');
    const asks = (await system.journey(journeyId)).timeline.filter(
      (event) => event.type === 'outcome.requested',
    );
    expect(asks.map((event) => event.ask)).toEqual([1, 2]);

    // The second form starts from the concerns recorded with "undecided".
    const secondAsk = await latestOutcomeLink(decidesLater.hr.email);
    const form = await (await fetch(secondAsk)).text();
    expect(form).toMatch(/<textarea[^>]*name="remainingConcerns"[^>]*>\s*年収の伸び方<\/textarea>/);

    // Accepted without writing them again: the handoff carries the list recorded last.
    await system.submitForm(secondAsk, { decision: 'accepted', remainingConcerns: '', notes: '' });
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('awaiting-start');
    expect(eventTypes(journey)).toContain('handoff.sent');
    const [handoff] = await system.mailTo(decidesLater.manager.email);
    expect(handoff?.text).toContain('年収の伸び方');
  });

  it('lets an offer lapse when the candidate is still undecided on the reply deadline', async () => {
    const journeyId = ids[neverDecides.offerId] ?? '';
    await system.submitForm(await latestOutcomeLink(neverDecides.hr.email), {
      decision: 'undecided',
      remainingConcerns: '',
      notes: '',
    });
    // The first answer came on the 7th; the reply deadline on the 8th is the last time HR is asked.
    await system.advanceTo('2026-12-08T10:00:00+09:00');
    await system.submitForm(await latestOutcomeLink(neverDecides.hr.email), {
      decision: 'undecided',
      remainingConcerns: '',
      notes: '',
    });
    const journey = await system.journey(journeyId);
    expect(journey.timeline.filter((event) => event.type === 'outcome.requested')).toHaveLength(2);
    expect(journey.status).toBe('lapsed');
    expect(eventTypes(journey).slice(-2)).toEqual(['offer.lapsed', 'journey.completed']);
  });

  it("puts the offer's remaining concerns in HR's round-1 brief, and nowhere else new", async () => {
    const journeyId = ids[decidesLater.offerId] ?? '';
    await system.advanceTo('2027-04-01T09:00:00+09:00');
    const [round] = (
      (await system.journey(journeyId)) as unknown as { rounds: { startsAt: string; sessionAt: string }[] }
    ).rounds;
    await system.advanceTo(round?.sessionAt ?? '');
    const brief = (await system.mailTo(decidesLater.hr.email)).find((email) =>
      email.subject.startsWith('第1回フォローアップ面談の準備資料'),
    );
    expect(brief?.text).toMatch(
      /今回確認すること[\s\S]*内定後の面談で残っていた不安・気がかり：年収の伸び方/,
    );
    // The team had them once, in the handoff; their prep requests and reminders do not repeat them.
    for (const address of [decidesLater.manager.email, decidesLater.mentor.email]) {
      const [handoff, ...since] = await system.mailTo(address);
      expect(handoff?.text).toContain('年収の伸び方');
      expect(since.length).toBeGreaterThan(0);
      for (const email of since) expect(email.text).not.toContain('年収の伸び方');
    }
  });

  it('never starts an offer phase again for an HR retry after Step Functions has forgotten its execution', async () => {
    // Step Functions reuses an execution's name 90 days after it closed.
    await system.advanceTo('2027-07-01T09:00:00+09:00');
    for (const offer of [declined, decidesLater, stopped]) {
      const describeExecution = () =>
        sfn().send(new DescribeExecutionCommand({ executionArn: offerExecution(offer) }));
      const { startDate, status } = await describeExecution();
      const invitationsBefore = await system.mailTo(offer.candidate.email);
      const again = await system.postJson('/journeys', offer);
      expect(again.status).toBe(200);
      await system.runtime.idle();
      // The closed execution is still the one of that name: no second one started in its place.
      expect(await describeExecution()).toMatchObject({ startDate, status });
      expect(await system.mailTo(offer.candidate.email)).toEqual(invitationsBefore);
    }
    const journey = await system.journey(ids[stopped.offerId] ?? '');
    expect(journey.status).toBe('offer-follow-up');
    expect(eventTypes(journey).filter((type) => type === 'invitation.sent')).toHaveLength(1);
  });
});
