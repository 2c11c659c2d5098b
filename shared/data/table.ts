import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

export const journeyPk = (journeyId: string): string => `JOURNEY#${journeyId}`;

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * Whether a conditional write was made: `false` when its condition did not hold, which for the idempotent
 * writes of this table usually means an earlier attempt made it already.
 */
export const wasWritten = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Every item of a journey's partition, page after page, or those whose sort key starts with `prefix`: the one
 * read path for its timeline, forms, timers, invitations and notes.
 */
export const queryJourneyPartition = async (
  journeyId: string,
  options: { prefix?: string; projection?: string } = {},
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: options.prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': journeyPk(journeyId),
          ...(options.prefix ? { ':prefix': options.prefix } : {}),
        },
        ProjectionExpression: options.projection,
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** An item as the domain sees it: the table's key and type attributes taken off. */
export const withoutKeys = <T>({ pk: _pk, sk: _sk, type: _type, ...item }: Record<string, unknown>): T =>
  item as T;
