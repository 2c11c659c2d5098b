import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documents, journeyPk, queryJourneyPartition, tableName, wasWritten } from '#shared/data/table.ts';

/**
 * The one item an erased journey leaves behind (`JOURNEY#<id>`/`ERASED`): that an erasure happened, and when.
 * It holds no personal data, not even the offerId or hireId (the journey id is a one-way hash of it).
 */
export interface ErasureRecord {
  journeyId: string;
  erasedAt: string;
}

/** The sort key of the erasure record, which an erasure keeps while it deletes the rest of the partition. */
export const ERASURE_SORT_KEY = 'ERASED';

type ItemKey = { pk: string; sk: string };

const erasureKey = (journeyId: string) => ({ pk: journeyPk(journeyId), sk: ERASURE_SORT_KEY });

/** Records the erasure once: a repeated or retried erasure keeps the time of the first one. */
export const recordErasure = async (journeyId: string, at: Date): Promise<ErasureRecord> => {
  const recorded = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...erasureKey(journeyId), type: 'erasure', journeyId, erasedAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (recorded) return { journeyId, erasedAt: at.toISOString() };
  const earlier = await getErasure(journeyId);
  if (!earlier) throw new Error('erasure record vanished after it was found');
  return earlier;
};

export const getErasure = async (journeyId: string): Promise<ErasureRecord | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: erasureKey(journeyId), ConsistentRead: true }),
  );
  // Only a record with its time counts: anything else at that key is not an erasure.
  if (typeof result.Item?.erasedAt !== 'string') return undefined;
  return { journeyId, erasedAt: result.Item.erasedAt };
};

/** A step found its journey erased: it stops there, and what it had just written is taken back out. */
export class JourneyErased extends Error {
  override name = 'JourneyErased';
  constructor(readonly journeyId: string) {
    super(`journey ${journeyId} was erased`);
  }
}

/**
 * Keeps an item a step has just written to a journey's partition only while the journey is not erased. A write
 * cannot be made conditional on another item (and dynalite has no transactions), so the check comes after the
 * write: an erasure records itself before it sweeps the partition, so an item checked before the record is
 * found by the sweep, and one checked after it is deleted here and the step stops with JourneyErased.
 */
export const keepUnlessErased = async (journeyId: string, key: ItemKey): Promise<void> => {
  if (!(await getErasure(journeyId))) return;
  await documents.send(new DeleteCommand({ TableName: tableName(), Key: key }));
  throw new JourneyErased(journeyId);
};

const BATCH_SIZE = 25;
const MAX_BATCH_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes up to 25 items, retrying what DynamoDB left unprocessed (throttling) with backoff and jitter. */
const deleteBatch = async (keys: ItemKey[]): Promise<void> => {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; requests.length > 0; attempt += 1) {
    if (attempt > MAX_BATCH_ATTEMPTS) throw new Error(`${requests.length} items were left after retries`);
    if (attempt > 1) await sleep(Math.random() * Math.min(2_000, 50 * 2 ** attempt));
    const result = await documents.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
    requests = (result.UnprocessedItems?.[tableName()] ?? []).flatMap((request) =>
      request.DeleteRequest?.Key ? [{ DeleteRequest: { Key: request.DeleteRequest.Key as ItemKey } }] : [],
    );
  }
};

/**
 * Deletes every item of a journey's partition except its erasure record: timeline, forms, private notes,
 * timers, email claims, invitations, and the journey item itself last, so an erasure that fails half-way still
 * finds the journey (and with it the claim to delete) when it is run again. Returns how many items went.
 */
export const deleteJourneyItems = async (journeyId: string): Promise<number> => {
  const keys = (await queryJourneyPartition(journeyId, { projection: 'pk, sk' })) as ItemKey[];
  const rest = keys.filter((key) => key.sk !== ERASURE_SORT_KEY && key.sk !== 'JOURNEY');
  for (let index = 0; index < rest.length; index += BATCH_SIZE) {
    await deleteBatch(rest.slice(index, index + BATCH_SIZE));
  }
  const journey = keys.filter((key) => key.sk === 'JOURNEY');
  if (journey.length > 0) await deleteBatch(journey);
  return rest.length + journey.length;
};
