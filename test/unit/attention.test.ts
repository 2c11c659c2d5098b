import { describe, expect, it } from 'vitest';
import type { AttentionRead, StoredAttention } from '#shared/data/attention.ts';
import {
  alertIdFor,
  attentionSortKey,
  isAlertId,
  isAttentionSortKey,
  leavesAsJourneyEnds,
} from '#shared/domain/attention.ts';
import { alertHandledSchema, attentionQuerySchema } from '#shared/domain/attention-requests.ts';
import { journeyIdFor } from '#shared/domain/ids.ts';
import { encodeCursor } from '#shared/domain/page-query.ts';
import { listAttention, MAX_READS_PER_PAGE } from '#shared/journeys/list-attention.ts';

const journeyId = (n: number) => journeyIdFor(`attention-${n}`, 'test-identifier-key');

describe('an alert’s id', () => {
  it('is derived from the key it is raised with, URL-safe, and the same every time', () => {
    expect(alertIdFor('r1#manager-worried')).toBe('r1-manager-worried');
    expect(alertIdFor('r2#pulse#f-0123456789abcdef')).toBe('r2-pulse-f-0123456789abcdef');
    for (const id of ['r1-manager-worried', 'r2-pulse-f-0123456789abcdef', 'r3-follow-up-alert']) {
      expect(isAlertId(id), id).toBe(true);
      expect(encodeURIComponent(id)).toBe(id);
    }
    for (const id of ['', 'r1#manager-worried', 'manager-worried', 'r1-../x', `r1-${'x'.repeat(61)}`]) {
      expect(isAlertId(id), id).toBe(false);
    }
  });
});

describe('GET /attention parameters', () => {
  const parse = (query: Record<string, string>) => attentionQuerySchema.safeParse(query);
  const errors = (query: Record<string, string>) => {
    const result = parse(query);
    return Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
  };

  it('takes an HR contact in any case, a limit, and only a cursor the queue gave out', () => {
    const position = attentionSortKey('2026-11-24T01:00:00.000Z', journeyId(1), 'alert-r1-manager-worried');
    expect(isAttentionSortKey(position)).toBe(true);
    expect(
      parse({ hr: ' Aya.Sato@Example.co.jp ', limit: '5', cursor: encodeCursor(position) }).data,
    ).toEqual({
      hr: 'aya.sato@example.co.jp',
      limit: 5,
      cursor: position,
    });
    expect(parse({}).data).toEqual({ limit: 25 });
    expect(errors({ hr: 'someone' }).hr).toBeDefined();
    expect(errors({ limit: '0' }).limit).toBe('must be at least 1');
    // A journey list's position is no queue position, and no table key passes.
    for (const forged of ['2027-04-01#j-0123456789abcdef0123', `JOURNEY#${journeyId(1)}`, `${position}#x`]) {
      expect(errors({ cursor: encodeCursor(forged) }).cursor, forged).toBe(
        'is not a cursor this list gave out',
      );
    }
  });
});

describe('a handled note', () => {
  it('is required, trimmed, and at most 500 characters', () => {
    expect(alertHandledSchema.safeParse({ note: '  電話で話を聞いた  ' }).data).toEqual({
      note: '電話で話を聞いた',
    });
    for (const body of [{}, { note: '' }, { note: '   ' }, { note: 'x'.repeat(501) }, { note: 3 }]) {
      expect(alertHandledSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    expect(alertHandledSchema.safeParse({ note: 'x'.repeat(500) }).success).toBe(true);
  });
});

describe('what leaves the queue as a journey ends', () => {
  it('keeps an alert through completion, and lets everything go on a cancellation', () => {
    expect(leavesAsJourneyEnds('alert', 'ended')).toBe(false);
    expect(leavesAsJourneyEnds('alert', 'cancelled')).toBe(true);
    for (const kind of ['needs-attention', 'outcome-overdue', 'prep-unanswered'] as const) {
      expect(leavesAsJourneyEnds(kind, 'ended'), kind).toBe(true);
    }
  });
});

describe('a page of the queue', () => {
  const stored = (n: number, hr = 'aya@example.co.jp'): StoredAttention => {
    const since = new Date(Date.UTC(2026, 10, 24, 0, n)).toISOString();
    return {
      pk: `JOURNEY#${journeyId(n)}`,
      sk: 'ATTENTION#needs-attention',
      itemId: 'needs-attention',
      kind: 'needs-attention',
      journeyId: journeyId(n),
      person: { name: `人 ${n}` },
      hr: { name: '人事', email: hr },
      since,
      attentionHr: hr,
      attentionQueue: 'OPEN',
      attentionSk: attentionSortKey(since, journeyId(n), 'needs-attention'),
    };
  };
  // An index in memory that reads as DynamoDB does: oldest first, `examine` entries at most, the filter after.
  const indexOf = (entries: StoredAttention[]) => {
    let reads = 0;
    const read = async (
      hr: string | undefined,
      after: string | undefined,
      examine: number,
      startKey?: Record<string, unknown>,
    ): Promise<AttentionRead> => {
      reads += 1;
      const from = String(startKey?.attentionSk ?? after ?? '');
      const examined = entries.filter((entry) => String(entry.attentionSk) > from).slice(0, examine);
      const last = examined.at(-1);
      return {
        items: examined.filter((entry) => !hr || entry.attentionHr === hr),
        next: examined.length === examine && last ? { attentionSk: last.attentionSk } : undefined,
      };
    };
    const count = async () => ({ count: entries.length, capped: false });
    return { read, count, reads: () => reads };
  };
  const query = (params: Record<string, string>) => attentionQuerySchema.parse(params);

  it('is oldest first, and the cursor goes on after the last item shown, to the end', async () => {
    const entries = Array.from({ length: 5 }, (_, n) => stored(n));
    const index = indexOf(entries);
    const first = await listAttention(query({ limit: '2' }), index.read, index.count);
    expect(first.items.map((item) => item.journeyId)).toEqual([journeyId(0), journeyId(1)]);
    expect(first.count).toBe(5);
    expect(first.items[0]).not.toHaveProperty('pk');
    expect(first.items[0]).not.toHaveProperty('attentionSk');
    expect(first.items[0]).not.toHaveProperty('attentionHr');
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listAttention(query({ limit: '2', cursor }), index.read, index.count);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((item) => item.journeyId)).toEqual(entries.map((entry) => entry.journeyId));
  });

  it("answers one HR contact's items, and stops short with a cursor when they are rare", async () => {
    const entries = Array.from({ length: 4_000 }, (_, n) =>
      stored(n, n === 3_500 ? 'rare@example.co.jp' : 'a@x.jp'),
    );
    const index = indexOf(entries);
    const page = await listAttention(query({ hr: 'rare@example.co.jp' }), index.read, index.count);
    expect(page.items).toEqual([]);
    expect(index.reads()).toBe(MAX_READS_PER_PAGE);
    const next = await listAttention(
      query({ hr: 'rare@example.co.jp', cursor: page.nextCursor ?? '' }),
      index.read,
      index.count,
    );
    expect(next.items.map((item) => item.journeyId)).toEqual([journeyId(3_500)]);
    expect(next.nextCursor).toBeNull();
  });
});
