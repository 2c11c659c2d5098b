import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

interface ListItem {
  journeyId: string;
  person: { name: string };
  phase: string;
  status: string;
  hr: { name: string; email: string };
  startDate: string;
  nextStep: { kind: string; at: string; round?: number } | null;
}
interface ListPage {
  items: ListItem[];
  nextCursor: string | null;
}

const kimura = { name: '木村 誠', email: 'makoto.kimura@example.co.jp' };
// Two start months, two HR contacts, offers and direct hires; `cancelled` is cancelled by the last test.
const bodies = {
  offerApril: scenarioOffer('list-a'),
  offerMidApril: scenarioOffer('list-b', {
    candidate: { name: '佐々木 太郎', email: 'taro.sasaki@example.com' },
    hr: kimura,
    startDate: '2027-04-15',
  }),
  hireApril: scenarioHire('list-c', '2027-04-01'),
  hireMay: scenarioHire('list-d', '2027-05-10', {
    employee: { name: 'Emma Brown', email: 'emma.brown@example.com', locale: 'en' },
    hr: kimura,
  }),
  cancelled: scenarioHire('list-e', '2027-05-06'),
};
type Tag = keyof typeof bodies;

let system: LocalSystem;
const ids = {} as Record<Tag, string>;

const list = async (params: Record<string, string> = {}) => {
  const response = await system.api(`/journeys?${new URLSearchParams(params)}`);
  return { status: response.status, body: (await response.json()) as ListPage & { errors?: object } };
};
const tagsOf = (page: ListPage) =>
  page.items.map((item) => Object.entries(ids).find(([, id]) => id === item.journeyId)?.[0]);
const everyPage = async (params: Record<string, string>) => {
  const pages: ListPage[] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await list(cursor ? { ...params, cursor } : params);
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
};

beforeAll(async () => {
  system = await startLocalSystem();
  for (const [tag, body] of Object.entries(bodies)) ids[tag as Tag] = await system.startJourney(body);
  await system.runtime.idle();
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('GET /journeys', () => {
  // Within a start date, the later journey id comes first.
  const april1 = () => ['offerApril', 'hireApril'].sort((a, b) => (ids[a as Tag] < ids[b as Tag] ? 1 : -1));

  it('lists every journey, latest start date first, with who, where it stands and what comes next', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(tagsOf(body)).toEqual(['hireMay', 'cancelled', 'offerMidApril', ...april1()]);
    expect(body.nextCursor).toBeNull();
    const byTag = (tag: Tag) => body.items.find((item) => item.journeyId === ids[tag]);
    expect(byTag('offerApril')).toEqual({
      journeyId: ids.offerApril,
      person: { name: '山田 花子' },
      phase: 'offer',
      status: 'offer-follow-up',
      hr: { name: '佐藤 綾', email: 'aya.sato+list-a@example.co.jp' },
      startDate: '2027-04-01',
      timezone: 'Asia/Tokyo',
      nextStep: { kind: 'offer-meeting', at: '2026-12-03T10:00:00+09:00' },
    });
    expect(byTag('hireMay')).toMatchObject({
      phase: 'onboarding',
      status: 'awaiting-start',
      hr: kimura,
      nextStep: { kind: 'onboarding-start', at: '2027-05-10' },
    });
    // Names and dates only: no addresses of the people, no concerns from selection.
    const text = JSON.stringify(body);
    expect(text).not.toContain('hanako.yamada');
    expect(text).not.toContain(bodies.offerApril.selection.concerns[0]);
  });

  it('filters by status, start month, HR contact and name', async () => {
    const tags = async (params: Record<string, string>) => tagsOf((await list(params)).body);
    expect(await tags({ startMonth: '2027-04' })).toEqual(['offerMidApril', ...april1()]);
    expect(await tags({ status: 'awaiting-start' })).toEqual(['hireMay', 'cancelled', 'hireApril']);
    expect(await tags({ status: 'offer-follow-up', startMonth: '2027-04' })).toEqual([
      'offerMidApril',
      'offerApril',
    ]);
    expect(await tags({ startMonth: '2027-06' })).toEqual([]);
    expect(await tags({ hr: 'MAKOTO.KIMURA@example.co.jp' })).toEqual(['hireMay', 'offerMidApril']);
    expect(await tags({ q: '佐々木' })).toEqual(['offerMidApril']);
    expect(await tags({ q: 'ＥＭＭＡ brown' })).toEqual(['hireMay']);
    expect(await tags({ q: '山田花子', startMonth: '2027-05' })).toEqual(['cancelled']);
  });

  it('pages with the cursor to the end, each journey once', async () => {
    const all = await everyPage({ limit: '2' });
    expect(all.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(all.flatMap(tagsOf)).toEqual(['hireMay', 'cancelled', 'offerMidApril', ...april1()]);
    expect(all.at(-1)?.nextCursor).toBeNull();

    const filtered = await everyPage({ limit: '1', status: 'awaiting-start', startMonth: '2027-05' });
    expect(filtered.flatMap(tagsOf)).toEqual(['hireMay', 'cancelled']);
    expect(filtered.at(-1)?.nextCursor).toBeNull();
  });

  it('answers 400 naming each bad parameter, a cursor it never gave out included', async () => {
    const forged = Buffer.from(JSON.stringify({ pk: `JOURNEY#${ids.hireMay}`, sk: 'JOURNEY' })).toString(
      'base64url',
    );
    const refused = await list({ status: 'paused', startMonth: '2027-4', limit: '0', cursor: forged });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual({
      status: expect.stringMatching(/^must be one of offer-follow-up, /),
      startMonth: 'must be a month like 2027-04',
      limit: 'must be at least 1',
      cursor: 'is not a cursor this list gave out',
    });
    expect((await list({ limit: '101' })).body.errors).toEqual({ limit: 'at most 100' });
    expect((await list({ hr: 'someone' })).status).toBe(400);
  });

  it('follows a moved start date to its new month and place', async () => {
    const moved = await system.api(`/journeys/${ids.hireApril}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: '2027-05-20' }),
    });
    expect(moved.status).toBe(200);
    expect(tagsOf((await list({ startMonth: '2027-05' })).body)).toEqual([
      'hireApril',
      'hireMay',
      'cancelled',
    ]);
    expect(tagsOf((await list({ startMonth: '2027-04' })).body)).toEqual(['offerMidApril', 'offerApril']);
    expect((await list({ status: 'awaiting-start', limit: '1' })).body.items[0]).toMatchObject({
      journeyId: ids.hireApril,
      startDate: '2027-05-20',
      nextStep: { kind: 'onboarding-start', at: '2027-05-20' },
    });
  });

  it('shows a cancellation at once: the journey moves to the cancelled list, with nothing next', async () => {
    const cancel = await system.postJson(`/journeys/${ids.cancelled}/cancel`, { reason: 'resigned' });
    expect(cancel.status).toBe(200);
    expect(tagsOf((await list({ status: 'cancelled' })).body)).toEqual(['cancelled']);
    expect(tagsOf((await list({ status: 'awaiting-start' })).body)).toEqual(['hireApril', 'hireMay']);
    const listed = (await list({ startMonth: '2027-05' })).body.items;
    expect(listed.find((item) => item.journeyId === ids.cancelled)).toMatchObject({
      status: 'cancelled',
      nextStep: null,
    });
  });

  it('lists a journey saved before the list existed once its onboarding begins', async () => {
    const journeyId = await system.startJourney(scenarioHire('list-f', '2026-11-26'));
    await system.runtime.idle();
    // As a journey written before the index: no list attributes on its item.
    const client = new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
    await client.send(
      new UpdateItemCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: { S: `JOURNEY#${journeyId}` }, sk: { S: 'JOURNEY' } },
        UpdateExpression: 'REMOVE listSk, listName, listHr',
      }),
    );
    client.destroy();
    expect((await list({ startMonth: '2026-11' })).body.items).toEqual([]);

    await system.advanceTo('2026-11-26T10:00:00+09:00');
    const { items } = (await list({ startMonth: '2026-11' })).body;
    expect(items).toEqual([
      expect.objectContaining({
        journeyId,
        status: 'onboarding',
        nextStep: { kind: 'round-session', round: 1, at: expect.stringMatching(/^2026-12-28T15:00/) },
      }),
    ]);
  });
});
