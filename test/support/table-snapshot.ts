import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';

// Keys in a fixed order at every depth, so equal items always read the same.
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
};

/**
 * Every item in the local table as JSON text, sorted: two snapshots are equal exactly when nothing was written
 * between them. Take it only while the system is idle.
 */
export const tableSnapshot = async (): Promise<string[]> => {
  const client = new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
  const items: string[] = [];
  try {
    for await (const page of paginateScan(
      { client },
      { TableName: process.env.TABLE_NAME, ConsistentRead: true },
    )) {
      for (const item of page.Items ?? []) items.push(JSON.stringify(canonical(item)));
    }
  } finally {
    client.destroy();
  }
  return items.sort();
};
