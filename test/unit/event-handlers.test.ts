import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useClock } from '#shared/time/clock.ts';
import { sampleOffer } from '../support/sample-offer.ts';

process.env.TABLE_NAME = 'journeys-test';
process.env.EVENT_DEAD_LETTERS_URL = 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/dead-letters';
process.env.EVENT_BUS_NAME = 'journeys-bus';

const dynamo = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const eventBridge = mockClient(EventBridgeClient);
let receive: typeof import('#functions/receive-event/handler.ts')['handler'];
let publish: typeof import('#functions/publish-events/handler.ts')['handler'];

beforeAll(async () => {
  useClock(() => Date.parse('2026-11-24T10:00:00+09:00'));
  ({ handler: receive } = await import('#functions/receive-event/handler.ts'));
  ({ handler: publish } = await import('#functions/publish-events/handler.ts'));
});
afterEach(() => {
  dynamo.reset();
  sqs.reset();
  eventBridge.reset();
});

const incoming = (detailType: string, detail: unknown) =>
  ({ id: 'e-1', source: 'hris.example', 'detail-type': detailType, detail }) as EventBridgeEvent<
    string,
    unknown
  >;

describe('receive-event handler', () => {
  it('dead-letters an invalid event at once with its field messages, reading and writing nothing', async () => {
    const bad = { ...sampleOffer(), candidate: { name: '山田 花子', email: 'hanako' } };
    await receive(incoming('OfferIssued', bad));
    expect(dynamo.calls()).toHaveLength(0);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageCommand, 1);
    const sent = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(JSON.parse(sent?.MessageBody ?? '{}')).toEqual(incoming('OfferIssued', bad));
    expect(sent?.MessageAttributes).toEqual({
      status: { DataType: 'Number', StringValue: '400' },
      message: { DataType: 'String', StringValue: 'The request has invalid fields.' },
      errors: {
        DataType: 'String',
        StringValue: JSON.stringify({ 'candidate.email': 'must be an email address' }),
      },
      detailType: { DataType: 'String', StringValue: 'OfferIssued' },
      eventId: { DataType: 'String', StringValue: 'e-1' },
    });
  });

  it('dead-letters an event naming an offerId no journey was started for, as a 404', async () => {
    dynamo.on(GetCommand).resolves({});
    await receive(incoming('OfferWithdrawn', { offerId: 'OFR-unknown' }));
    expect(
      sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageAttributes?.status?.StringValue,
    ).toBe('404');
  });

  it('throws a failure it cannot judge (the table throttled), so Lambda retries it, and dead-letters nothing itself', async () => {
    dynamo
      .on(GetCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(receive(incoming('HireCancelled', { hireId: 'HIRE-1' }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
    expect(sqs.calls()).toHaveLength(0);
  });
});

const record = (sequence: string, image: Record<string, unknown>) => ({
  eventName: 'INSERT' as const,
  dynamodb: { SequenceNumber: sequence, NewImage: image },
});
const timelineImage = (key: string, fields: Record<string, unknown>) => ({
  pk: { S: 'JOURNEY#j-1' },
  sk: { S: `EVENT#${key}` },
  at: { S: '2026-11-24T01:00:00.000Z' },
  ...fields,
});

describe('publish-events handler', () => {
  it('publishes each timeline event to the bus with its type as detail-type and only its published fields', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    const result = await publish({
      Records: [
        record(
          '1',
          timelineImage('journey.cancelled', {
            type: { S: 'journey.cancelled' },
            reason: { S: '家族の事情で辞退' },
          }),
        ),
        record('2', { pk: { S: 'JOURNEY#j-1' }, sk: { S: 'FORM#f-1' }, type: { S: 'prep' } }),
      ],
    } as DynamoDBStreamEvent);
    expect(result).toEqual({ batchItemFailures: [] });
    const entries = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      EventBusName: 'journeys-bus',
      Source: 'follow-up-journeys',
      DetailType: 'journey.cancelled',
    });
    expect(JSON.parse(entries[0]?.Detail ?? '{}')).toEqual({
      eventId: expect.any(String),
      journeyId: 'j-1',
      type: 'journey.cancelled',
      at: '2026-11-24T01:00:00.000Z',
      reason: 'other',
    });
  });

  it('reports a record EventBridge did not take, by its sequence number, for the stream to hand again', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'x' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });
    const result = await publish({
      Records: [
        record('7', timelineImage('round.started#1', { type: { S: 'round.started' }, round: { N: '1' } })),
        record('8', timelineImage('round.started#2', { type: { S: 'round.started' }, round: { N: '2' } })),
      ],
    } as DynamoDBStreamEvent);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '8' }] });
  });

  it('fails the batch when PutEvents fails, so the stream retries and bisects it', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(
      publish({
        Records: [record('9', timelineImage('journey.started', { type: { S: 'journey.started' } }))],
      } as DynamoDBStreamEvent),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
