import { type ListFilters, type ListRange, readListRange } from '#shared/data/journey-list.ts';
import { journeyStatuses } from '#shared/data/journeys.ts';
import type { JourneyListQuery } from '#shared/domain/journey-list-query.ts';
import {
  type JourneyListItem,
  type ListedJourney,
  listItemOf,
  listSearchTerm,
} from '#shared/domain/journey-listing.ts';
import { encodeCursor } from '#shared/domain/page-query.ts';
import { now } from '#shared/time/clock.ts';

/** With `hr` or `q`, each read examines this many entries, so a rare match still fills a page in few reads. */
const EXAMINE_WHEN_FILTERED = 100;
/**
 * Reads one page may make, the first one per status included: a page examines at most about 3,000 entries
 * (8 statuses, filters that match almost nothing), then answers with what it found and a cursor to go on.
 */
export const MAX_READS_PER_PAGE = 30;

export interface JourneyListPage {
  items: JourneyListItem[];
  nextCursor: string | null;
}

interface Stream {
  range: ListRange;
  items: ListedJourney[];
  next?: Record<string, unknown>;
  examinedTo?: string;
  done: boolean;
}

/** The start dates a page may show, as a sort key range: a start month's, and only after the cursor. */
const sortKeyRange = (startMonth: string | undefined, after: string | undefined) => {
  const from = startMonth ? `${startMonth}-01` : '0000';
  const end = startMonth ? `${startMonth}-32` : '9999';
  return { from, to: after !== undefined && after < end ? after : end };
};

const newestFirst = (a: ListedJourney, b: ListedJourney) => (a.listSk < b.listSk ? 1 : -1);

/**
 * HR's list of journeys, latest start date first, `limit` at a time. Each status is a partition of the list
 * index, read with Query over the start dates asked for; without a status filter the eight are read side by
 * side and merged. A page keeps reading until it is full, up to `MAX_READS_PER_PAGE`: past that it answers
 * short, with a cursor from where it stopped. The cursor is the position of the last entry settled, so a
 * journey whose status changes between pages is shown once at most.
 */
export const listJourneys = async (
  query: JourneyListQuery,
  read: typeof readListRange = readListRange,
): Promise<JourneyListPage> => {
  const at = now();
  const { from, to } = sortKeyRange(query.startMonth, query.cursor);
  if (to < from) return { items: [], nextCursor: null };
  const filters: ListFilters = {
    hr: query.hr,
    q: query.q === undefined ? undefined : listSearchTerm(query.q),
  };
  // One more than a page tells a full last page from one with more after it.
  const examine =
    filters.hr || filters.q ? Math.max(EXAMINE_WHEN_FILTERED, query.limit + 1) : query.limit + 1;
  const streams: Stream[] = (query.status ? [query.status] : journeyStatuses).map((status) => ({
    range: { status, from, to },
    items: [],
    done: false,
  }));
  const advance = async (stream: Stream) => {
    const page = await read(stream.range, filters, examine, stream.next);
    // The range is inclusive: the entry the cursor names was on the page before.
    stream.items.push(...page.items.filter((item) => item.listSk !== query.cursor));
    stream.next = page.next;
    stream.examinedTo = page.examinedTo;
    stream.done = page.next === undefined;
  };

  await Promise.all(streams.map(advance));
  let reads = streams.length;
  for (;;) {
    const open = streams.filter((stream) => !stream.done);
    // Every partition has been read down to here: entries at or above it are final, in order.
    const frontier =
      open
        .map((stream) => stream.examinedTo ?? '')
        .sort()
        .at(-1) ?? '';
    const settled = streams
      .flatMap((stream) => stream.items)
      .filter((item) => item.listSk >= frontier)
      .sort(newestFirst);
    if (settled.length >= query.limit || open.length === 0) {
      const page = settled.slice(0, query.limit);
      const more = open.length > 0 || settled.length > page.length;
      const last = page.at(-1);
      return {
        items: page.map((item) => listItemOf(item, at)),
        nextCursor: more && last ? encodeCursor(last.listSk) : null,
      };
    }
    if (reads >= MAX_READS_PER_PAGE) {
      return { items: settled.map((item) => listItemOf(item, at)), nextCursor: encodeCursor(frontier) };
    }
    const furthest = open.find((stream) => stream.examinedTo === frontier);
    if (furthest) await advance(furthest);
    reads += 1;
  }
};
