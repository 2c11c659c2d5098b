import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { JourneyStatus } from '#shared/data/journeys.ts';
import { documents, tableName } from '#shared/data/table.ts';
import { JOURNEY_LIST_INDEX, type ListedJourney } from '#shared/domain/journey-listing.ts';

/** Which stretch of one status's partition to read: sort keys from `from` to `to`, both inclusive. */
export interface ListRange {
  status: JourneyStatus;
  from: string;
  to: string;
}

/** Narrowing that the index's keys cannot serve, checked by DynamoDB on each item read. */
export interface ListFilters {
  hr?: string;
  /** Folded like `listName` (`listSearchTerm`). */
  q?: string;
}

export interface ListRead {
  items: ListedJourney[];
  /** Where the next read goes on; internal only, never handed to a client. */
  next?: Record<string, unknown>;
  /** The sort key of the last entry this read examined, matching or not. */
  examinedTo?: string;
}

/**
 * One Query on the list index, newest start date first: at most `examine` entries are read, fewer come back when
 * filters leave some out. Always Query, never Scan: the key range bounds what a read costs.
 */
export const readListRange = async (
  range: ListRange,
  filters: ListFilters,
  examine: number,
  startKey?: Record<string, unknown>,
): Promise<ListRead> => {
  const conditions = [
    ...(filters.hr ? ['listHr = :hr'] : []),
    ...(filters.q ? ['contains(listName, :q)'] : []),
  ];
  const page = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: JOURNEY_LIST_INDEX,
      KeyConditionExpression: '#status = :status AND listSk BETWEEN :from AND :to',
      FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': range.status,
        ':from': range.from,
        ':to': range.to,
        ...(filters.hr ? { ':hr': filters.hr } : {}),
        ...(filters.q ? { ':q': filters.q } : {}),
      },
      ScanIndexForward: false,
      Limit: examine,
      ExclusiveStartKey: startKey,
    }),
  );
  const next = page.LastEvaluatedKey;
  return {
    items: (page.Items ?? []) as ListedJourney[],
    next,
    examinedTo: typeof next?.listSk === 'string' ? next.listSk : undefined,
  };
};
