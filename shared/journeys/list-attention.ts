import {
  attentionItemOf,
  countAttention,
  readAttentionRange,
  type StoredAttention,
} from '#shared/data/attention.ts';
import type { AttentionItem } from '#shared/domain/attention.ts';
import type { AttentionQuery } from '#shared/domain/attention-requests.ts';
import { encodeCursor } from '#shared/domain/page-query.ts';

/** With `hr`, each read examines this many entries, so one contact's items fill a page in few reads. */
const EXAMINE_WHEN_FILTERED = 100;
/** Reads one page may make: past them it answers short, with a cursor from where it stopped. */
export const MAX_READS_PER_PAGE = 30;
/**
 * The count reads at most this many open items; beyond it the count is "at least" (shown as "99+"). A title
 * needs no more, and the count then costs the same whether the queue holds a hundred items or thousands.
 */
export const MAX_COUNTED = 99;

export interface AttentionPage {
  items: AttentionItem[];
  nextCursor: string | null;
  /** Open items (for `hr`, that contact's), counted up to `MAX_COUNTED`. */
  count: number;
  /** There were more open items than were counted. */
  countCapped: boolean;
}

/**
 * HR's attention queue, oldest first, `limit` at a time: one partition of open items in the queue's index, read
 * with Query after the cursor's position. A page keeps reading while the `hr` filter leaves it short, up to
 * `MAX_READS_PER_PAGE`. The cursor is the last item's position, so an item handled between two pages is not
 * skipped over, and one opened meanwhile shows on a later page or the next visit.
 */
export const listAttention = async (
  query: AttentionQuery,
  read: typeof readAttentionRange = readAttentionRange,
  count: typeof countAttention = countAttention,
): Promise<AttentionPage> => {
  const [page, counted] = await Promise.all([readPage(query, read), count(query.hr, MAX_COUNTED)]);
  return { ...page, count: counted.count, countCapped: counted.capped };
};

const readPage = async (
  query: AttentionQuery,
  read: typeof readAttentionRange,
): Promise<Pick<AttentionPage, 'items' | 'nextCursor'>> => {
  const examine = query.hr ? Math.max(EXAMINE_WHEN_FILTERED, query.limit + 1) : query.limit + 1;
  const found: StoredAttention[] = [];
  let next: Record<string, unknown> | undefined;
  let reads = 0;
  // One more than a page tells a full last page from one with more after it.
  do {
    const page = await read(query.hr, query.cursor, examine, next);
    reads += 1;
    found.push(...page.items);
    next = page.next;
  } while (next && found.length <= query.limit && reads < MAX_READS_PER_PAGE);
  const shown = found.slice(0, query.limit);
  // Past the page: from its last item; a page cut short by the read limit goes on from what it examined.
  const position =
    found.length > query.limit ? shown.at(-1)?.attentionSk : (next?.attentionSk as string | undefined);
  return {
    items: shown.map(attentionItemOf),
    nextCursor: position === undefined ? null : encodeCursor(position),
  };
};
