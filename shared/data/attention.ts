import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { documents, journeyPk, queryJourneyPartition, tableName, wasWritten } from '#shared/data/table.ts';
import {
  ATTENTION_INDEX,
  type AttentionItem,
  type AttentionKind,
  attentionSortKey,
  OPEN_QUEUE,
} from '#shared/domain/attention.ts';
import { now } from '#shared/time/clock.ts';

/** An attention item as its journey's partition keeps it: open while it carries the index's keys. */
export interface StoredAttention extends AttentionItem {
  pk?: string;
  sk?: string;
  type?: string;
  attentionQueue?: string;
  attentionSk?: string;
  /** The HR contact's address, lower-cased: the `hr` filter matches it exactly. */
  attentionHr: string;
  closedAt?: string;
  closedBy?: string;
}

const attentionKey = (journeyId: string, itemId: string) => ({
  pk: journeyPk(journeyId),
  sk: `ATTENTION#${itemId}`,
});

/** What the queue shows of a stored item: the table's keys and the index's bookkeeping taken off. */
export const attentionItemOf = ({
  pk: _pk,
  sk: _sk,
  type: _type,
  attentionQueue: _queue,
  attentionSk: _position,
  attentionHr: _hr,
  closedAt: _closedAt,
  closedBy: _closedBy,
  ...item
}: StoredAttention): AttentionItem => item;

/**
 * Puts a fact HR must act on into the queue, once: a retried step finds the item (open or already dealt with)
 * and changes nothing, so a handled alert is never reopened by a retry of the step that raised it.
 */
export const openAttention = async (
  journey: Journey,
  item: { itemId: string; kind: AttentionKind } & Partial<AttentionItem>,
): Promise<void> => {
  const since = now().toISOString();
  const key = attentionKey(journey.journeyId, item.itemId);
  const { hire } = journey;
  const opened = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...key,
          type: 'attention',
          journeyId: journey.journeyId,
          person: { name: hire.employee.name },
          hr: { name: hire.hr.name, email: hire.hr.email },
          since,
          ...item,
          attentionHr: hire.hr.email.toLowerCase(),
          attentionQueue: OPEN_QUEUE,
          attentionSk: attentionSortKey(since, journey.journeyId, item.itemId),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (opened) await keepUnlessErased(journey.journeyId, key);
};

export const getAttention = async (
  journeyId: string,
  itemId: string,
): Promise<StoredAttention | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: attentionKey(journeyId, itemId), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...item } = result.Item;
  return item as StoredAttention;
};

export const isStillOpen = (item: StoredAttention): boolean => item.attentionQueue !== undefined;

/**
 * Takes an item out of the queue: its index keys go, the item stays in the journey's partition (so a retried
 * step does not open it again) until the journey is erased. False when it was not open.
 */
export const closeAttention = async (journeyId: string, itemId: string, closedBy: string): Promise<boolean> =>
  wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: attentionKey(journeyId, itemId),
        UpdateExpression: 'REMOVE attentionQueue, attentionSk SET closedAt = :at, closedBy = :by',
        ConditionExpression: 'attribute_exists(attentionQueue)',
        ExpressionAttributeValues: { ':at': now().toISOString(), ':by': closedBy },
      }),
    ),
  );

/** Closes a journey's open items that `leaves` picks, for the reason given. */
export const closeAttentionWhere = async (
  journeyId: string,
  leaves: (item: StoredAttention) => boolean,
  closedBy: string,
): Promise<void> => {
  const items = (await queryJourneyPartition(journeyId, {
    prefix: 'ATTENTION#',
  })) as unknown as StoredAttention[];
  for (const item of items.filter((candidate) => isStillOpen(candidate) && leaves(candidate))) {
    await closeAttention(journeyId, item.itemId, closedBy);
  }
};

export interface AttentionRead {
  items: StoredAttention[];
  /** Where the next read goes on; internal only, never handed to a client. */
  next?: Record<string, unknown>;
}

/** The queue's index from the position given (the start without one), and one HR contact's items with `hr`. */
const queueQuery = (hr: string | undefined, after: string | undefined) => ({
  TableName: tableName(),
  IndexName: ATTENTION_INDEX,
  KeyConditionExpression:
    after === undefined ? 'attentionQueue = :open' : 'attentionQueue = :open AND attentionSk > :after',
  FilterExpression: hr ? 'attentionHr = :hr' : undefined,
  ExpressionAttributeValues: {
    ':open': OPEN_QUEUE,
    ...(after === undefined ? {} : { ':after': after }),
    ...(hr ? { ':hr': hr } : {}),
  },
});

/**
 * One Query on the queue's index, oldest first, after the position given: at most `examine` entries are read,
 * fewer come back when the `hr` filter leaves some out. Never Scan: the index holds open items only.
 */
export const readAttentionRange = async (
  hr: string | undefined,
  after: string | undefined,
  examine: number,
  startKey?: Record<string, unknown>,
): Promise<AttentionRead> => {
  const page = await documents.send(
    new QueryCommand({
      ...queueQuery(hr, after),
      Limit: examine,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: (page.Items ?? []) as StoredAttention[], next: page.LastEvaluatedKey };
};

/**
 * How many items are open (for `hr`, that contact's), counted with `Select: COUNT` on the same key range and at
 * most `examine` entries read: `capped` when there were more to read.
 */
export const countAttention = async (
  hr: string | undefined,
  examine: number,
): Promise<{ count: number; capped: boolean }> => {
  let count = 0;
  let examined = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        ...queueQuery(hr, undefined),
        Select: 'COUNT',
        Limit: examine - examined,
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    examined += page.ScannedCount ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && examined < examine);
  return { count, capped: startKey !== undefined };
};
