import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultControls, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

// A hire who started on 2 November is posted on 24 November: round 1's 1on1 is on Wednesday 2 December, its
// pulse check goes out on 25 November, and nobody answers the manager's prep form nor records the 1on1.
const late = scenarioHire('attention-late', '2026-11-02', {
  onboarding: { hrLeadEmail: 'hr-lead+attention@example.co.jp' },
});
// An offer whose brief keeps failing: the journey stops in needs-attention at once.
const broken = scenarioOffer('attention-broken', { interviewers: [] });
const NOTE = 'HANDLED-NOTE: 本人と電話で話し、来週もう一度面談することにした';

interface QueueItem {
  itemId: string;
  kind: string;
  journeyId: string;
  person: { name: string };
  hr: { name: string; email: string };
  since: string;
  round?: number;
  alertId?: string;
  source?: string;
  cause?: string;
  role?: string;
}
interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
  count: number;
}

let system: LocalSystem;
const ids: Record<string, string> = {};

const queue = async (query = ''): Promise<QueuePage> => {
  await system.runtime.idle();
  const response = await system.api(`/attention${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as QueuePage;
};
const handle = (journeyId: string, alertId: string, body: unknown) =>
  system.postJson(`/journeys/${journeyId}/alerts/${alertId}/handled`, body);

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  // The first try and the three retries the state machine allows.
  faultControls(system).functions.failNext('send-brief', 'before', 4);
  ids.broken = await system.startJourney(broken);
  ids.late = await system.startJourney(late);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe("HR's attention queue", () => {
  it('lists a journey that stopped in needs-attention, with who and since when', async () => {
    expect((await system.journey(ids.broken ?? '')).status).toBe('needs-attention');
    expect(await queue()).toEqual({
      items: [
        {
          itemId: 'needs-attention',
          kind: 'needs-attention',
          journeyId: ids.broken,
          person: { name: broken.candidate.name },
          hr: broken.hr,
          since: '2026-11-24T01:00:00.000Z',
        },
      ],
      nextCursor: null,
      count: 1,
      countCapped: false,
    });
  });

  it('adds an alert as it is raised and a prep form as it closes unanswered, oldest first', async () => {
    await system.advanceTo('2026-11-25T10:00:00+09:00');
    const [check] = await system.mailTo(late.employee.email);
    expect((await system.submitForm(formLinkIn(check), { answer: 'stormy' })).status).toBe(200);
    await system.advanceTo('2026-12-01T18:00:00+09:00');

    const page = await queue();
    expect(page.items.map((item) => [item.kind, item.journeyId])).toEqual([
      ['needs-attention', ids.broken],
      ['alert', ids.late],
      ['prep-unanswered', ids.late],
    ]);
    expect(page.count).toBe(3);
    const [, alert, prep] = page.items;
    const raised = (await system.journey(ids.late ?? '')).timeline.find(
      (event) => event.type === 'alert.raised',
    );
    expect(alert).toEqual({
      itemId: `alert-${raised?.alertId}`,
      kind: 'alert',
      journeyId: ids.late,
      person: { name: late.employee.name },
      hr: late.hr,
      since: '2026-11-25T01:00:00.000Z',
      round: 1,
      alertId: expect.stringMatching(/^r1-pulse-f-[0-9a-f]{16}$/),
      reason: 'pulse',
      source: 'pulse',
      cause: 'stormy',
    });
    expect(raised?.alertId).toBe(alert?.alertId);
    expect(prep).toMatchObject({
      kind: 'prep-unanswered',
      round: 1,
      role: 'manager',
      since: '2026-12-01T09:00:00.000Z',
    });

    // One HR contact's items, a page at a time.
    const first = await queue(`?hr=${encodeURIComponent(late.hr.email.toUpperCase())}&limit=1`);
    expect([first.items.map((item) => item.kind), first.count]).toEqual([['alert'], 2]);
    const second = await queue(`?hr=${encodeURIComponent(late.hr.email)}&limit=1&cursor=${first.nextCursor}`);
    expect([second.items.map((item) => item.kind), second.nextCursor]).toEqual([['prep-unanswered'], null]);
    expect((await system.api('/attention?limit=0&cursor=nope')).status).toBe(400);
  });

  it('takes an alert out once HR marks it handled with a note, which the timeline keeps', async () => {
    const journeyId = ids.late ?? '';
    const alertId = (await queue()).items.find((item) => item.kind === 'alert')?.alertId ?? '';

    const empty = await handle(journeyId, alertId, { note: '   ' });
    expect([empty.status, ((await empty.json()) as { errors: unknown }).errors]).toEqual([
      400,
      { note: 'required' },
    ]);
    const notJson = await system.api(`/journeys/${journeyId}/alerts/${alertId}/handled`, {
      method: 'POST',
      body: 'done',
    });
    expect(notJson.status).toBe(400);
    expect((await handle(journeyId, 'r1-manager-worried', { note: NOTE })).status).toBe(404);
    expect((await handle(journeyId, '..%2Fcancel', { note: NOTE })).status).toBe(404);
    expect((await handle(ids.broken ?? '', alertId, { note: NOTE })).status).toBe(404);
    expect((await queue()).count).toBe(3);

    const handled = await handle(journeyId, alertId, { note: ` ${NOTE} ` });
    expect(handled.status).toBe(200);
    const answer = await handled.json();
    expect(answer).toEqual({ journeyId, alertId, status: 'handled', handledAt: '2026-12-01T09:00:00.000Z' });
    expect((await queue()).items.map((item) => item.kind)).toEqual(['needs-attention', 'prep-unanswered']);

    // The same call again answers the same and adds nothing; another note is refused.
    const retried = await handle(journeyId, alertId, { note: NOTE });
    expect([retried.status, await retried.json()]).toEqual([200, answer]);
    expect((await handle(journeyId, alertId, { note: '別のメモ' })).status).toBe(409);
    const timeline = (await system.journey(journeyId)).timeline.filter(
      (event) => event.type === 'alert.handled',
    );
    expect(timeline).toEqual([
      expect.objectContaining({ type: 'alert.handled', alertId, round: 1, by: 'hr-api', note: NOTE }),
    ]);
    for (const email of await system.emails())
      expect(`${email.text}${email.html}`).not.toContain('HANDLED-NOTE');
  });

  it('drops unanswered prep once the meeting is held, and lists an outcome left unrecorded', async () => {
    await system.advanceTo('2026-12-07T18:00:00+09:00');
    const items = (await queue()).items.filter((item) => item.journeyId === ids.late);
    expect(items.map((item) => item.kind)).not.toContain('prep-unanswered');
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'outcome-overdue', round: 1, since: '2026-12-07T09:00:00.000Z' }),
    );
  });

  it('empties as journeys are cancelled or erased', async () => {
    expect((await system.postJson(`/journeys/${ids.broken}/cancel`, { reason: 'resigned' })).status).toBe(
      200,
    );
    expect((await system.api(`/journeys/${ids.late}`, { method: 'DELETE' })).status).toBe(200);
    expect(await queue()).toEqual({ items: [], nextCursor: null, count: 0, countCapped: false });
  });
});
