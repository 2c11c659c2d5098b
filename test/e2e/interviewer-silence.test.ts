import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

// One interviewer never answers; the other answers on the first day. Both forms are gathered by one step, which
// must not go on when the first of them is answered.
const offer = scenarioOffer('silent', {
  interviewers: [
    { name: '高橋 健', email: 'ken+silent@example.co.jp' },
    { name: '伊藤 誠', email: 'makoto+silent@example.co.jp' },
  ],
});
const interviewer = 'ken+silent@example.co.jp';
const prompt = 'makoto+silent@example.co.jp';

let system: LocalSystem;
let journeyId: string;

beforeAll(async () => {
  system = await startLocalSystem();
  journeyId = await system.startJourney(offer);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('an interviewer who never answers', () => {
  it('keeps the brief waiting when the other interviewer answers', async () => {
    const [request] = await system.mailTo(prompt);
    const response = await system.submitForm(formLinkIn(request), { concerns: '勤務地の希望を確認したい' });
    expect(response.status).toBe(200);
    await system.runtime.idle();
    expect(eventTypes(await system.journey(journeyId))).toContain('prep.submitted');
    expect(await system.mailTo(offer.hr.email)).toHaveLength(0);
  });

  it('is reminded once, halfway to the deadline, on a business day', async () => {
    // Requested Tuesday 11-24 10:00, due Wednesday 12-02 18:00: halfway is Saturday, so Monday 11-30 10:00.
    await system.advanceTo('2026-11-30T09:59:00+09:00');
    expect(await system.mailTo(interviewer)).toHaveLength(1);
    await system.advanceTo('2026-11-30T10:00:00+09:00');
    const mail = await system.mailTo(interviewer);
    expect(mail).toHaveLength(2);
    expect(formLinkIn(mail[1])).toBe(formLinkIn(mail[0]));
    expect(eventTypes(await system.journey(journeyId))).toContain('prep.reminded');
    // The one who answered is not reminded.
    expect(await system.mailTo(prompt)).toHaveLength(1);
  });

  it('expires at the end of the business day before the meeting, and the brief goes out without it', async () => {
    await system.advanceTo('2026-12-02T17:59:00+09:00');
    expect(await system.mailTo(offer.hr.email)).toHaveLength(0);
    await system.advanceTo('2026-12-02T18:00:00+09:00');
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toEqual([
      'journey.started',
      'invitation.sent',
      'prep.requested',
      'prep.requested',
      'prep.submitted',
      'prep.reminded',
      'prep.expired',
      'brief.sent',
    ]);
    expect(
      journey.forms.filter((form) => form.kind === 'interviewer-insight').map((form) => form.status),
    ).toEqual(expect.arrayContaining(['expired', 'submitted']));
    const briefs = await system.mailTo(offer.hr.email);
    expect(briefs).toHaveLength(1);
    expect(briefs[0]?.text).toContain('高橋 健');
    expect(briefs[0]?.text).toContain('勤務地の希望を確認したい');
    expect(await system.mailTo(interviewer)).toHaveLength(2);
  });

  it('shows the late interviewer that the form has closed, and records nothing', async () => {
    const [request] = await system.mailTo(interviewer);
    const response = await system.submitForm(formLinkIn(request), { concerns: '遅れてすみません' });
    expect(response.status).toBe(410);
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey).filter((type) => type === 'prep.submitted')).toHaveLength(1);
  });
});
