/**
 * `npm run bench:list`: one page of HR's journey list and one of the attention queue at 1,000 and at 50,000
 * journeys, read through the use cases from the local table (dynalite, the indexes as the template defines them).
 * The journeys are written straight into the table with BatchWrite, in the item shape the data access writes, so
 * filling takes seconds, not hours. A few per cent of them have open attention items, as a table that has run for
 * years would (open alerts, overdue outcomes, unanswered prep); many more have items already dealt with, which the
 * queue's sparse index never holds.
 */
import { performance } from 'node:perf_hooks';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import type { Journey, JourneyStatus } from '#shared/data/journeys.ts';

const SIZES = [1_000, 50_000];
const RUNS = 7;
const HR_CONTACTS = 20;
/** One journey in this many has an open item in HR's queue (3 %); one in `CLOSED_EVERY` one that was dealt with. */
const OPEN_EVERY = 33;
const CLOSED_EVERY = 4;
// Most journeys in a table that has run for a few years have ended; a few wait on a person.
const STATUS_SHARES: [JourneyStatus, number][] = [
  ['completed', 0.6],
  ['awaiting-start', 0.15],
  ['onboarding', 0.1],
  ['offer-follow-up', 0.08],
  ['cancelled', 0.03],
  ['declined', 0.02],
  ['lapsed', 0.015],
  ['needs-attention', 0.005],
];

const statusOf = (index: number): JourneyStatus => {
  let share = (index * 0.618_033_988_75) % 1;
  for (const [status, part] of STATUS_SHARES) {
    if (share < part) return status;
    share -= part;
  }
  return 'completed';
};

/** Start dates over four years, April the largest month (new graduates join together). */
const startDateOf = (index: number): string => {
  const year = 2025 + (index % 4);
  const month = index % 3 === 0 ? 4 : (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
};

const runtime = await startLocalRuntime({ port: 0, start: new Date('2026-11-24T10:00:00+09:00') });
try {
  // Loaded once the runtime has pointed the SDK at the local table.
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documents, tableName } = await import('#shared/data/table.ts');
  const { journeyItem } = await import('#shared/data/journeys.ts');
  const { attentionSortKey, OPEN_QUEUE } = await import('#shared/domain/attention.ts');
  const { attentionQuerySchema } = await import('#shared/domain/attention-requests.ts');
  const { listAttention, MAX_COUNTED } = await import('#shared/journeys/list-attention.ts');
  const { countAttention, readAttentionRange } = await import('#shared/data/attention.ts');
  const { journeyIdFor } = await import('#shared/domain/ids.ts');
  const { journeyListQuerySchema } = await import('#shared/domain/journey-list-query.ts');
  const { listJourneys } = await import('#shared/journeys/list-journeys.ts');
  const { onboardingSettingsSchema } = await import('#shared/domain/onboarding-settings-schema.ts');
  const settings = onboardingSettingsSchema.parse(undefined);

  const journeyOf = (index: number): Journey => {
    const startDate = startDateOf(index);
    const person = (name: string, email: string) => ({ name, email, locale: 'ja' as const });
    const hr = index % HR_CONTACTS;
    return {
      journeyId: journeyIdFor(`BENCH-${index}`, 'bench'),
      key: `hire:BENCH-${index}`,
      requestHash: 'bench',
      hireId: `BENCH-${index}`,
      phase: 'onboarding',
      status: statusOf(index),
      hire: {
        employee: person(`新入社員 ${index}`, `hire${index}@example.com`),
        hr: person(`人事 ${hr}`, `hr${hr}@example.co.jp`),
        manager: person(`上司 ${index}`, `manager${index}@example.co.jp`),
        startDate,
        timezone: 'Asia/Tokyo',
      },
      onboarding: settings,
      rounds: [1, 2, 3].map((round) => ({
        round,
        startsAt: `${startDate}T10:00:00+09:00`,
        sessionAt: `${startDate}T15:00:00+09:00`,
        prepDeadline: `${startDate}T18:00:00+09:00`,
      })),
      createdAt: '2026-11-24T01:00:00.000Z',
      updatedAt: '2026-11-24T01:00:00.000Z',
    };
  };

  /** An attention item as `openAttention` writes it, open or (index keys removed) closed. */
  const attentionItemOf = (index: number, open: boolean): Record<string, unknown> => {
    const journey = journeyOf(index);
    const kinds = ['alert', 'outcome-overdue', 'prep-unanswered', 'needs-attention'] as const;
    const kind = kinds[index % kinds.length] ?? 'alert';
    const itemId = open ? `${kind}-${index}` : `${kind}-${index}-dealt-with`;
    const since = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
    return {
      pk: `JOURNEY#${journey.journeyId}`,
      sk: `ATTENTION#${itemId}`,
      type: 'attention',
      itemId,
      kind,
      journeyId: journey.journeyId,
      person: { name: journey.hire.employee.name },
      hr: { name: journey.hire.hr.name, email: journey.hire.hr.email },
      since,
      round: 1,
      attentionHr: journey.hire.hr.email,
      ...(open
        ? { attentionQueue: OPEN_QUEUE, attentionSk: attentionSortKey(since, journey.journeyId, itemId) }
        : { closedAt: since, closedBy: 'handled' }),
    };
  };
  const itemsOf = (index: number): Record<string, unknown>[] => [
    journeyItem(journeyOf(index)),
    ...(index % OPEN_EVERY === 0 ? [attentionItemOf(index, true)] : []),
    ...(index % CLOSED_EVERY === 1 ? [attentionItemOf(index, false)] : []),
  ];

  const fill = async (from: number, to: number) => {
    const items = Array.from({ length: to - from }, (_, offset) => from + offset).flatMap(itemsOf);
    const batches: Record<string, unknown>[][] = [];
    for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
    // A few batches at a time, each retried for what DynamoDB left unprocessed.
    for (let next = 0; next < batches.length; next += 8) {
      await Promise.all(
        batches.slice(next, next + 8).map(async (batch) => {
          let requests = batch.map((Item) => ({ PutRequest: { Item } }));
          while (requests.length > 0) {
            const result = await documents.send(
              new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
            );
            requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
          }
        }),
      );
    }
  };

  type Page = () => Promise<{ items: unknown[] }>;
  const listPage =
    (params: Record<string, string>): Page =>
    () =>
      listJourneys(journeyListQuerySchema.parse(params));
  // The queue's page and its count apart, then together as `GET /attention` serves them: the page reads the same
  // at any size, the count reads every open item up to MAX_COUNTED, so it grows with open items, not journeys.
  const uncounted = async () => ({ count: 0, capped: false });
  const attentionPage =
    (params: Record<string, string>, counted = false): Page =>
    () =>
      listAttention(
        attentionQuerySchema.parse(params),
        readAttentionRange,
        counted ? countAttention : uncounted,
      );
  const attentionCount: Page = async () => {
    const { count } = await countAttention(undefined, MAX_COUNTED);
    return { items: Array.from({ length: count }) };
  };
  const queries: [string, Page][] = [
    ['all, default limit', listPage({})],
    ['status=onboarding', listPage({ status: 'onboarding' })],
    ['startMonth=2027-04', listPage({ startMonth: '2027-04' })],
    ['hr + startMonth', listPage({ hr: 'hr2@example.co.jp', startMonth: '2027-04' })],
    ['attention page, default limit', attentionPage({})],
    ['attention page, hr', attentionPage({ hr: 'hr2@example.co.jp' })],
    [`attention count (at most ${MAX_COUNTED})`, attentionCount],
    ['GET /attention (page + count)', attentionPage({}, true)],
  ];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const timeQuery = async (page: Page) => {
    await page();
    const times: number[] = [];
    let items = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      items = (await page()).items.length;
      times.push(performance.now() - started);
    }
    return { ms: median(times), items };
  };

  const results = new Map(queries.map(([name]) => [name, [] as { ms: number; items: number }[]]));
  let filled = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await fill(filled, size);
    console.log(
      `filled ${size} journeys (+${size - filled} in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    filled = size;
    // A pass over every query first, so the first size measured does not pay for warming up.
    for (const [, page] of queries) await page();
    for (const [name, page] of queries) results.get(name)?.push(await timeQuery(page));
  }

  console.log(`\none page through the use case, median of ${RUNS} (ms); target: 50,000 within 1.5x of 1,000`);
  console.log(`${'query'.padEnd(34)}${SIZES.map((size) => `${size}`.padStart(14)).join('')}     ratio`);
  for (const [name] of queries) {
    const [small, large] = results.get(name) ?? [];
    if (!small || !large) continue;
    const cells = [small, large].map((result) => `${result.ms.toFixed(1)} (${result.items})`.padStart(14));
    console.log(`${name.padEnd(34)}${cells.join('')}  ${(large.ms / small.ms).toFixed(2)}x`);
  }
  console.log(
    `(items on the page, or counted, in brackets; one journey in ${OPEN_EVERY} has an open item in the queue)`,
  );
} finally {
  await runtime.stop();
}
