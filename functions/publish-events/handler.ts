import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { fromImage } from '#shared/data/stream-image.ts';
import { type PublishedJourneyEvent, publishedEventOf } from '#shared/domain/published-events.ts';
import { publishJourneyEvents } from '#shared/events/publish-journey-events.ts';
import { logger } from '#shared/observability/logger.ts';
import { redactError } from '#shared/observability/redact-error.ts';

/**
 * The table's stream, filtered to new timeline events: each is published to the journeys bus with the fields
 * its type may show. The outbox is the table itself, so an event recorded is an event published, at least once;
 * a record not published is reported, and the stream hands it again (bisecting a failing batch), then to the
 * on-failure queue.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const published: { sequenceNumber: string; event: PublishedJourneyEvent }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    const detail = image && publishedEventOf(fromImage(image as Record<string, AttributeValue>));
    if (detail) published.push({ sequenceNumber, event: detail });
  }
  try {
    const failed = await publishJourneyEvents(published.map((entry) => entry.event));
    if (failed.length > 0) logger.warn('events not taken by EventBridge', { count: failed.length });
    logger.info('events published', { count: published.length - failed.length });
    return {
      batchItemFailures: failed.map((index) => ({ itemIdentifier: published[index]?.sequenceNumber ?? '' })),
    };
  } catch (error) {
    logger.error('events not published', { errorName: (error as Error).name });
    throw redactError(error);
  }
};
