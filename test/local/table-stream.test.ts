import type { RequestListener } from 'node:http';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';
import { type StreamRecord, startTableStream, type TableStream } from '#infra/local/table-stream.ts';
import type { StreamEventSource } from '#infra/synthesized-template.ts';
import { localClientConfig } from './local-clients.ts';

const PUBLISHER = 'arn:aws:lambda:ap-northeast-1:000000000000:function:Publisher';
const TABLE = 'Journeys';

/** The publisher's mapping as the stack synthesizes it: new timeline events only. */
const mapping = (overrides: Partial<StreamEventSource> = {}): StreamEventSource => ({
  target: PUBLISHER,
  filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'EVENT#' }] } } } }],
  onFailureQueue: 'Unpublished',
  batchSize: 3,
  reportBatchItemFailures: true,
  ...overrides,
});

type Answer = (records: StreamRecord[]) => Promise<unknown>;

describe('the local table stream', () => {
  let dynamo: ReturnType<typeof dynalite>;
  let stream: TableStream;
  let client: DynamoDBClient;
  let tracker: ActivityTracker;
  let batches: string[][];
  let failed: string[][];
  let answer: Answer;

  const start = async (source: StreamEventSource) => {
    stream = await startTableStream({
      target: dynamo.listeners('request')[0] as RequestListener,
      keyNames: ['pk', 'sk'],
      sources: [source],
      invokeFunction: async (_arn, payload) => {
        const records = (payload as { Records: StreamRecord[] }).Records;
        batches.push(records.map((record) => String((record.dynamodb.Keys.sk as { S: string }).S)));
        return answer(records);
      },
      onFailure: (_source, records) =>
        failed.push(records.map((record) => String((record.dynamodb.Keys.sk as { S: string }).S))),
      tracker,
      now: () => Date.parse('2026-12-03T01:00:00Z'),
    });
    client = new DynamoDBClient(localClientConfig(stream.url));
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  };

  /** Writes a new item as the table's writers do, conditioned on its absence. */
  const insert = (sk: string) =>
    client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: 'JOURNEY#j1' }, sk: { S: sk } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );

  /** The function holds the first batch until `release` is called: what is written meanwhile waits behind it. */
  const holdFirstBatch = (then: Answer) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    answer = async (records) => {
      if (first) {
        first = false;
        await held;
        return { batchItemFailures: [] };
      }
      return then(records);
    };
    return () => release();
  };

  beforeEach(() => {
    dynamo = dynalite({ createTableMs: 0 });
    tracker = new ActivityTracker();
    batches = [];
    failed = [];
    answer = async () => ({ batchItemFailures: [] });
  });

  afterEach(async () => {
    client.destroy();
    await stream.close();
  });

  it('hands what is written while a batch is out to the function in the next batches, in order, up to the batch size', async () => {
    await start(mapping());
    const release = holdFirstBatch(async () => ({ batchItemFailures: [] }));
    await insert('EVENT#1');
    for (const sk of ['EVENT#2', 'EVENT#3', 'EVENT#4', 'EVENT#5', 'EVENT#6']) await insert(sk);
    release();
    await tracker.whenIdle();

    expect(batches).toEqual([['EVENT#1'], ['EVENT#2', 'EVENT#3', 'EVENT#4'], ['EVENT#5', 'EVENT#6']]);
    expect(failed).toEqual([]);
  });

  it('hands only what its filter lets through: no other item, and no put that replaces one', async () => {
    await start(mapping());
    await insert('JOURNEY');
    await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'JOURNEY#j1' }, sk: { S: 'EVENT#7' } } }),
    );
    await insert('EVENT#8');
    await tracker.whenIdle();

    expect(batches.flat()).toEqual(['EVENT#8']);
  });

  it('hands a batch again from the first record the function reports failed, then reports those left to the on-failure queue', async () => {
    await start(mapping());
    const release = holdFirstBatch(async (records) => ({
      batchItemFailures: records
        .filter((record) => (record.dynamodb.Keys.sk as { S: string }).S === 'EVENT#3')
        .map((record) => ({ itemIdentifier: record.dynamodb.SequenceNumber })),
    }));
    await insert('EVENT#1');
    for (const sk of ['EVENT#2', 'EVENT#3', 'EVENT#4']) await insert(sk);
    release();
    await tracker.whenIdle();

    expect(batches).toEqual([
      ['EVENT#1'],
      ['EVENT#2', 'EVENT#3', 'EVENT#4'],
      ['EVENT#3', 'EVENT#4'],
      ['EVENT#3', 'EVENT#4'],
    ]);
    expect(failed).toEqual([['EVENT#3', 'EVENT#4']]);
  });

  it('tries a batch whose invocation failed again whole, and goes on with the next once it is reported', async () => {
    await start(mapping());
    let calls = 0;
    const release = holdFirstBatch(async () => {
      calls += 1;
      if (calls <= 3) throw new Error('EventBridge unavailable');
      return { batchItemFailures: [] };
    });
    await insert('EVENT#1');
    for (const sk of ['EVENT#2', 'EVENT#3', 'EVENT#4', 'EVENT#5']) await insert(sk);
    release();
    await tracker.whenIdle();

    expect(batches).toEqual([
      ['EVENT#1'],
      ['EVENT#2', 'EVENT#3', 'EVENT#4'],
      ['EVENT#2', 'EVENT#3', 'EVENT#4'],
      ['EVENT#2', 'EVENT#3', 'EVENT#4'],
      ['EVENT#5'],
    ]);
    expect(failed).toEqual([['EVENT#2', 'EVENT#3', 'EVENT#4']]);
  });

  it('takes a batch as delivered whatever the function answers when the mapping does not report item failures', async () => {
    await start(mapping({ reportBatchItemFailures: false }));
    answer = async (records) => ({
      batchItemFailures: [{ itemIdentifier: records[0]?.dynamodb.SequenceNumber }],
    });
    await insert('EVENT#1');
    await tracker.whenIdle();

    expect(batches).toEqual([['EVENT#1']]);
    expect(failed).toEqual([]);
  });
});
