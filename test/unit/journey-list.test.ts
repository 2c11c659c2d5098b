import { describe, expect, it } from 'vitest';
import type { ListFilters, ListRange, ListRead } from '#shared/data/journey-list.ts';
import type { JourneyStatus } from '#shared/data/journeys.ts';
import { journeyListQuerySchema } from '#shared/domain/journey-list-query.ts';
import {
  isListSortKey,
  type ListedJourney,
  listSearchTerm,
  listSortKey,
  nextStepOf,
} from '#shared/domain/journey-listing.ts';
import { decodeCursor, encodeCursor } from '#shared/domain/page-query.ts';
import { listJourneys, MAX_READS_PER_PAGE } from '#shared/journeys/list-journeys.ts';
import { tokyoHire } from '../support/sample-offer.ts';

const journeyId = (n: number) => `j-${n.toString(16).padStart(20, '0')}`;

describe('the list query', () => {
  const parse = (query: Record<string, string>) => journeyListQuerySchema.safeParse(query);
  const errors = (query: Record<string, string>) => {
    const result = parse(query);
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('defaults to 25 a page and takes the filters as given, the HR contact lower-cased', () => {
    expect(parse({}).data).toEqual({ limit: 25 });
    expect(
      parse({
        status: 'onboarding',
        hr: ' Aya.Sato@Example.co.jp ',
        startMonth: '2027-04',
        q: '山田',
        limit: '100',
      }).data,
    ).toEqual({
      status: 'onboarding',
      hr: 'aya.sato@example.co.jp',
      startMonth: '2027-04',
      q: '山田',
      limit: 100,
    });
  });

  it('refuses an unknown status, a month not YYYY-MM and a limit outside 1..100, naming each', () => {
    expect(errors({ status: 'paused' }).status).toMatch(/^must be one of offer-follow-up, awaiting-start/);
    for (const startMonth of ['2027-4', '2027-13', '202704', '2027-04-01']) {
      expect(errors({ startMonth }).startMonth, startMonth).toBe('must be a month like 2027-04');
    }
    expect(errors({ limit: '0' }).limit).toBe('must be at least 1');
    expect(errors({ limit: '101' }).limit).toBe('at most 100');
    for (const limit of ['-1', '2.5', 'ten', '']) expect(errors({ limit }).limit, limit).toBeDefined();
    expect(errors({ q: ' ' }).q).toBe('must not be empty');
  });

  it('takes back only a cursor it gave out: a list position, never a table key', () => {
    const position = listSortKey('2027-04-01', journeyId(7));
    const cursor = encodeCursor(position);
    expect(decodeCursor(cursor, isListSortKey)).toBe(position);
    expect(parse({ cursor }).data?.cursor).toBe(position);
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const forged of [
      encoded({ pk: `JOURNEY#${journeyId(7)}`, sk: 'JOURNEY' }),
      encoded({ v: 1, after: { status: 'completed', listSk: position } }),
      encoded({ v: 1, after: `2027-04-01#CLAIM#x` }),
      encoded({ v: 2, after: position }),
      'not base64!',
      `${cursor}=`,
      'x'.repeat(201),
    ]) {
      expect(decodeCursor(forged, isListSortKey), forged).toBeUndefined();
      expect(errors({ cursor: forged }).cursor).toBe('is not a cursor this list gave out');
    }
  });
});

describe('a listed journey', () => {
  const listed = (status: JourneyStatus, extra: Partial<ListedJourney> = {}): ListedJourney => ({
    journeyId: journeyId(1),
    phase: 'offer',
    status,
    hire: tokyoHire('2027-04-01'),
    listSk: listSortKey('2027-04-01', journeyId(1)),
    listName: 'x',
    listHr: 'x@example.com',
    listOffer: { offerMeetingAt: '2026-12-03T10:00:00+09:00', respondBy: '2026-12-15' },
    ...extra,
  });
  const rounds = [1, 2].map((round) => ({
    round,
    startsAt: `2027-0${round + 4}-01T10:00:00+09:00`,
    sessionAt: `2027-0${round + 4}-10T15:00:00+09:00`,
    prepDeadline: `2027-0${round + 4}-09T18:00:00+09:00`,
  }));

  it('comes next: the offer meeting, then the reply deadline, the start date, the next 1on1, or nothing', () => {
    expect(nextStepOf(listed('offer-follow-up'), new Date('2026-12-01T00:00:00Z'))).toEqual({
      kind: 'offer-meeting',
      at: '2026-12-03T10:00:00+09:00',
    });
    expect(nextStepOf(listed('offer-follow-up'), new Date('2026-12-04T00:00:00Z'))).toEqual({
      kind: 'offer-reply-due',
      at: '2026-12-15',
    });
    expect(nextStepOf(listed('awaiting-start'), new Date('2027-01-01T00:00:00Z'))).toEqual({
      kind: 'onboarding-start',
      at: '2027-04-01',
    });
    expect(nextStepOf(listed('onboarding', { rounds }), new Date('2027-05-20T00:00:00Z'))).toEqual({
      kind: 'round-session',
      round: 2,
      at: '2027-06-10T15:00:00+09:00',
    });
    expect(nextStepOf(listed('onboarding', { rounds }), new Date('2027-07-01T00:00:00Z'))).toBeNull();
    for (const status of ['cancelled', 'completed', 'needs-attention', 'declined'] as const) {
      expect(nextStepOf(listed(status, { rounds }), new Date('2026-12-01T00:00:00Z')), status).toBeNull();
    }
  });

  it('is found by name whatever the width, case or spacing', () => {
    expect(listSearchTerm('Emma  Brown')).toBe('emmabrown');
    expect(listSearchTerm('ＥＭＭＡ　ｂｒｏｗｎ')).toBe('emmabrown');
    expect(listSearchTerm('山田　花子')).toBe('山田花子');
  });
});

describe('a page of the list', () => {
  // An index in memory that reads as DynamoDB does: newest first, `examine` entries at most, filters after.
  const indexOf = (entries: ListedJourney[]) => {
    const reads: ListRange[] = [];
    const read = async (
      range: ListRange,
      filters: ListFilters,
      examine: number,
      startKey?: Record<string, unknown>,
    ): Promise<ListRead> => {
      reads.push(range);
      const inRange = entries
        .filter(
          (entry) => entry.status === range.status && entry.listSk >= range.from && entry.listSk <= range.to,
        )
        .filter((entry) => startKey === undefined || entry.listSk < String(startKey.listSk))
        .sort((a, b) => (a.listSk < b.listSk ? 1 : -1));
      const examined = inRange.slice(0, examine);
      const last = examined.at(-1);
      const next = examined.length === examine && last ? { listSk: last.listSk } : undefined;
      return {
        items: examined.filter(
          (entry) =>
            (!filters.hr || entry.listHr === filters.hr) &&
            (!filters.q || entry.listName.includes(filters.q)),
        ),
        next,
        examinedTo: next?.listSk,
      };
    };
    return { read, reads };
  };
  const statuses: JourneyStatus[] = ['offer-follow-up', 'awaiting-start', 'onboarding', 'completed'];
  const entry = (n: number, hr = 'a@example.com'): ListedJourney => {
    const startDate = `2027-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    return {
      journeyId: journeyId(n),
      phase: 'onboarding',
      status: statuses[n % statuses.length] ?? 'onboarding',
      hire: tokyoHire(startDate),
      listSk: listSortKey(startDate, journeyId(n)),
      listName: `name${n}`,
      listHr: hr,
    };
  };
  const query = (extra: Record<string, string> = {}) => journeyListQuerySchema.parse(extra);
  const everyPage = async (read: ReturnType<typeof indexOf>['read'], extra: Record<string, string>) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await listJourneys(query(cursor ? { ...extra, cursor } : extra), read);
      ids.push(...page.items.map((item) => item.journeyId));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return ids;
  };

  it('merges the statuses newest first and pages through every journey once', async () => {
    const entries = Array.from({ length: 200 }, (_, n) => entry(n));
    const { read } = indexOf(entries);
    const expected = [...entries].sort((a, b) => (a.listSk < b.listSk ? 1 : -1)).map((e) => e.journeyId);
    expect(await everyPage(read, { limit: '7' })).toEqual(expected);
    expect(await everyPage(read, { limit: '100', startMonth: '2027-03' })).toEqual(
      expected.filter((id) => entries.find((e) => e.journeyId === id)?.listSk.startsWith('2027-03-')),
    );
  });

  it('keeps reading until a filtered page is full', async () => {
    const entries = Array.from({ length: 2000 }, (_, n) =>
      entry(n, n % 150 === 0 ? 'rare@example.com' : undefined),
    );
    const { read } = indexOf(entries);
    const page = await listJourneys(query({ hr: 'rare@example.com', limit: '5' }), read);
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).not.toBeNull();
    expect(await everyPage(read, { hr: 'rare@example.com' })).toHaveLength(14);
  });

  it('stops at a bounded number of reads, answering short with a cursor that goes on from there', async () => {
    // The one match starts before all 5,000 others awaiting their start: a page cannot reach it.
    const rare = {
      ...entry(20_001, 'rare@example.com'),
      listSk: listSortKey('2026-01-05', journeyId(20_001)),
    };
    const entries = [...Array.from({ length: 20_000 }, (_, n) => entry(n)), rare];
    const { read, reads } = indexOf(entries);
    const first = await listJourneys(query({ hr: 'rare@example.com', status: 'awaiting-start' }), read);
    expect(reads).toHaveLength(MAX_READS_PER_PAGE);
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(await everyPage(read, { hr: 'rare@example.com', status: 'awaiting-start' })).toEqual([
      rare.journeyId,
    ]);
  });
});
