import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import { documents, journeyPk, tableName, wasWritten } from '#shared/data/table.ts';

const executionKey = (journeyId: string, name: string) => ({
  pk: journeyPk(journeyId),
  sk: `EXECUTION#${name}`,
});

/** Whether the journey's execution of that name was ever started (and recorded). */
export const wasExecutionStarted = async (journeyId: string, name: string): Promise<boolean> => {
  const result = await documents.send(
    new GetCommand({
      TableName: tableName(),
      Key: executionKey(journeyId, name),
      ProjectionExpression: 'pk',
      ConsistentRead: true,
    }),
  );
  return result.Item !== undefined;
};

/** Records that the execution started; a retry finds the record there and leaves it. */
export const recordExecutionStarted = async (journeyId: string, name: string, at: Date): Promise<void> => {
  const key = executionKey(journeyId, name);
  const written = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: 'execution', name, startedAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (written) await keepUnlessErased(journeyId, key);
};
