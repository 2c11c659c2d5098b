import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';
import { type QueueRequest, type QueueService, startQueueService } from '#infra/local/queue-service.ts';
import {
  placeholderFunctionArn,
  type QueueEventSource,
  queueEventSources,
  streamEventSources,
} from '#infra/synthesized-template.ts';
import { localClientConfig } from './local-clients.ts';

describe('queueEventSources', () => {
  const template = {
    Resources: {
      MailQueue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          FifoQueue: true,
          VisibilityTimeout: 180,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': ['MailDeadLetters', 'Arn'] },
            maxReceiveCount: 5,
          },
        },
      },
      MailDeadLetters: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } },
      PlainQueue: { Type: 'AWS::SQS::Queue' },
      Table: { Type: 'AWS::DynamoDB::Table' },
      SendMail: { Type: 'AWS::Lambda::Function' },
      Projector: { Type: 'AWS::Lambda::Function' },
      MailMapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'SendMail' },
          EventSourceArn: { 'Fn::GetAtt': ['MailQueue', 'Arn'] },
          BatchSize: 10,
          ScalingConfig: { MaximumConcurrency: 2 },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        },
      },
      PlainMapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'SendMail' },
          EventSourceArn: { 'Fn::GetAtt': ['PlainQueue', 'Arn'] },
        },
      },
      StreamMapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'Projector' },
          EventSourceArn: { 'Fn::GetAtt': ['Table', 'StreamArn'] },
          StartingPosition: 'LATEST',
        },
      },
    },
  };

  it("reads each SQS mapping with its queue's redrive policy, and Lambda's defaults where unset", () => {
    expect(queueEventSources(template)).toEqual([
      {
        queue: 'MailQueue',
        target: placeholderFunctionArn('SendMail'),
        batchSize: 10,
        maxConcurrency: 2,
        reportBatchItemFailures: true,
        deadLetterQueue: 'MailDeadLetters',
        maxReceiveCount: 5,
        fifo: true,
      },
      {
        queue: 'PlainQueue',
        target: placeholderFunctionArn('SendMail'),
        batchSize: 10,
        maxConcurrency: 5,
        reportBatchItemFailures: false,
        fifo: false,
      },
    ]);
  });

  it('leaves the stream mappings to streamEventSources, which takes none of the queue mappings', () => {
    expect(streamEventSources(template)).toEqual([
      {
        target: placeholderFunctionArn('Projector'),
        filters: [],
        batchSize: 100,
        reportBatchItemFailures: false,
      },
    ]);
  });
});

describe('the local SQS with an event source mapping', () => {
  const SEND_MAIL = placeholderFunctionArn('SendMail');
  const NOW = Date.parse('2026-11-24T01:00:00Z');
  const mapping: QueueEventSource = {
    queue: 'MailQueue',
    target: SEND_MAIL,
    batchSize: 3,
    maxConcurrency: 2,
    reportBatchItemFailures: true,
    deadLetterQueue: 'MailDeadLetters',
    maxReceiveCount: 3,
    fifo: false,
  };

  interface Invocation {
    arn: string;
    records: SQSRecord[];
    at: number;
    /** When the invocation answered. */
    until?: number;
  }

  let service: QueueService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  /** Starts the service with a send-mail stand-in answering each batch with `answer`, after a short while. */
  const start = async (answer: (records: SQSRecord[]) => unknown, source: QueueEventSource = mapping) => {
    const tracker = new ActivityTracker();
    const invocations: Invocation[] = [];
    const requests: QueueRequest[] = [];
    let running = 0;
    let mostRunning = 0;
    service = await startQueueService({
      now: () => NOW,
      sources: [source],
      tracker,
      onRequest: (operation) => requests.push(operation),
      invokeFunction: async (arn, payload) => {
        const { Records } = payload as SQSEvent;
        const invocation: Invocation = { arn, records: Records, at: performance.now() };
        invocations.push(invocation);
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        try {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return answer(Records);
        } finally {
          running -= 1;
          invocation.until = performance.now();
        }
      },
    });
    const receivesOf = (body: string) =>
      invocations.flatMap(({ records }) =>
        records
          .filter((record) => record.body === body)
          .map((record) => record.attributes.ApproximateReceiveCount),
      );
    return { service, tracker, invocations, requests, receivesOf, mostRunning: () => mostRunning };
  };

  it('hands messages to the function in batches of at most batchSize, at most maxConcurrency at once', async () => {
    const { service, tracker, invocations, receivesOf, mostRunning } = await start(() => null);
    const bodies = Array.from({ length: 10 }, (_, index) => `mail ${index}`);
    for (const body of bodies) service.send('MailQueue', body);
    await tracker.whenIdle();

    expect(invocations.map(({ records }) => records.length)).toEqual([1, 1, 3, 3, 2]);
    expect(new Set(invocations.map(({ arn }) => arn))).toEqual(new Set([SEND_MAIL]));
    expect(mostRunning()).toBe(2);
    for (const body of bodies) expect(receivesOf(body)).toEqual(['1']);
    expect(service.messages()).toEqual([]);
  });

  it('takes SendMessage from the SDK and hands the record over as Lambda shapes it', async () => {
    const { service, tracker, invocations } = await start(() => null);
    const client = new SQSClient(localClientConfig(service.url));
    const answer = await client.send(
      new SendMessageCommand({
        QueueUrl: service.queueUrl('MailQueue'),
        MessageBody: '{"to":"someone@example.com"}',
        MessageAttributes: {
          journeyId: { DataType: 'String', StringValue: 'J-1' },
          attempt: { DataType: 'Number', StringValue: '2' },
        },
      }),
    );
    await tracker.whenIdle();
    client.destroy();

    expect(invocations).toHaveLength(1);
    expect(invocations[0]?.records).toEqual([
      {
        messageId: answer.MessageId,
        receiptHandle: expect.any(String),
        body: '{"to":"someone@example.com"}',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(NOW),
          SenderId: '000000000000',
          ApproximateFirstReceiveTimestamp: String(NOW),
        },
        messageAttributes: {
          journeyId: { stringValue: 'J-1', stringListValues: [], binaryListValues: [], dataType: 'String' },
          attempt: { stringValue: '2', stringListValues: [], binaryListValues: [], dataType: 'Number' },
        },
        md5OfBody: answer.MD5OfMessageBody,
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-northeast-1:000000000000:MailQueue',
        awsRegion: 'ap-northeast-1',
      },
    ]);
  });

  it('receives the whole batch again after the invocation throws, a while later, its receive count rising', async () => {
    const { service, tracker, invocations, receivesOf } = await start(
      (records) => {
        const failing = records.some(
          (record) => record.body === 'a' && record.attributes.ApproximateReceiveCount !== '3',
        );
        if (failing) throw new Error('failed');
        return null;
      },
      { ...mapping, maxConcurrency: 1 },
    );
    service.send('MailQueue', 'first');
    service.send('MailQueue', 'a');
    service.send('MailQueue', 'b');
    await tracker.whenIdle();

    expect(invocations[1]?.records.map((record) => record.body)).toEqual(['a', 'b']);
    expect(receivesOf('a')).toEqual(['1', '2', '3']);
    expect(receivesOf('b')).toEqual(['1', '2']);
    const [first, second] = invocations
      .filter(({ records }) => records.some((record) => record.body === 'a'))
      .map(({ at }) => at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(90);
    expect(service.messages()).toEqual([]);
  });

  it('receives again only the messages a partial batch response names, and bills the deletes of the rest', async () => {
    const { service, tracker, invocations, requests, receivesOf } = await start(
      (records) => ({
        batchItemFailures: records
          .filter((record) => record.body === 'b' && record.attributes.ApproximateReceiveCount === '1')
          .map((record) => ({ itemIdentifier: record.messageId })),
      }),
      { ...mapping, maxConcurrency: 1 },
    );
    service.send('MailQueue', 'first');
    for (const body of ['a', 'b', 'c']) service.send('MailQueue', body);
    await tracker.whenIdle();

    expect(invocations.map(({ records }) => records.map((record) => record.body))).toEqual([
      ['first'],
      ['a', 'b', 'c'],
      ['b'],
    ]);
    expect(receivesOf('a')).toEqual(['1']);
    expect(receivesOf('b')).toEqual(['1', '2']);
    expect(requests.filter((request) => request === 'SendMessage')).toHaveLength(4);
    expect(requests.filter((request) => request === 'ReceiveMessage')).toHaveLength(3);
    expect(requests.filter((request) => request === 'DeleteMessage')).toHaveLength(3);
  });

  it('receives the whole batch again when a partial batch response names a message not in it', async () => {
    const { service, tracker, receivesOf } = await start((records) =>
      records[0]?.attributes.ApproximateReceiveCount === '1'
        ? { batchItemFailures: [{ itemIdentifier: 'not-in-the-batch' }] }
        : null,
    );
    service.send('MailQueue', 'a');
    await tracker.whenIdle();

    expect(receivesOf('a')).toEqual(['1', '2']);
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue, and idles only then', async () => {
    const { service, tracker, invocations, requests, receivesOf } = await start((records) => ({
      batchItemFailures: records
        .filter((record) => record.body.includes('poison'))
        .map((record) => ({ itemIdentifier: record.messageId })),
    }));
    service.send('MailQueue', '{"poison":true}', { journeyId: 'J-1' });
    service.send('MailQueue', 'fine');
    await tracker.whenIdle();

    expect(receivesOf('{"poison":true}')).toEqual(['1', '2', '3']);
    expect(receivesOf('fine')).toEqual(['1']);
    const poison = invocations[0]?.records[0];
    expect(service.messages()).toEqual([
      {
        queue: 'MailDeadLetters',
        messageId: poison?.messageId,
        sentAt: new Date(NOW).toISOString(),
        body: { poison: true },
        attributes: { journeyId: 'J-1' },
      },
    ]);
    expect(requests.filter((request) => request === 'DeleteMessage')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(invocations).toHaveLength(4);
  });

  it('drops a message of a queue without a dead-letter queue after its local bound of receives, saying where', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { queue, target, batchSize, maxConcurrency, reportBatchItemFailures, fifo } = mapping;
    const { service, tracker, receivesOf } = await start(
      () => {
        throw new Error('failed');
      },
      { queue, target, batchSize, maxConcurrency, reportBatchItemFailures, fifo },
    );
    service.send('MailQueue', 'secret body');
    await tracker.whenIdle();

    expect(receivesOf('secret body')).toEqual(['1', '2', '3', '4', '5']);
    expect(service.messages()).toEqual([]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0])).toContain('MailQueue');
    expect(String(errors.mock.calls[0])).not.toContain('secret body');
    errors.mockRestore();
  });

  it('keeps the messages of a queue without a mapping, as before', async () => {
    const { service, invocations } = await start(() => null);
    service.send('MailDeadLetters', 'not json', { reason: 'why' });

    expect(invocations).toEqual([]);
    expect(service.messages()).toEqual([
      expect.objectContaining({ queue: 'MailDeadLetters', body: 'not json', attributes: { reason: 'why' } }),
    ]);
  });

  it('on close, abandons a message waiting to be received again: no timer fires, and the tracker idles', async () => {
    const started = await start(() => {
      throw new Error('failed');
    });
    const { tracker, invocations } = started;
    started.service.send('MailQueue', 'a');
    await vi.waitFor(() => expect(invocations).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    service = undefined;
    await started.service.close();
    await tracker.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(invocations).toHaveLength(1);
  });

  describe('on a FIFO queue', () => {
    const fifoMapping: QueueEventSource = { ...mapping, fifo: true };

    /** Sends each body in turn, in the group its first word names, the body its deduplication id. */
    const sendInGroups = (service: QueueService, bodies: string[]) => {
      for (const body of bodies) {
        service.send('MailQueue', body, {}, { group: body.split(' ')[0] ?? '', deduplicationId: body });
      }
    };
    const batchesOf = (invocations: Invocation[]) =>
      invocations.map(({ records }) => records.map((record) => record.body));
    const deliveredOf = (invocations: Invocation[], group: string) =>
      invocations.filter(({ records }) =>
        records.some((record) => record.attributes.MessageGroupId === group),
      );

    /** Sends to the mail queue through the SDK, leaving out the parameters not given. */
    const sdkSender = (service: QueueService) => {
      const client = new SQSClient(localClientConfig(service.url));
      const send = (body: string, group?: string, deduplicationId?: string) =>
        client.send(
          new SendMessageCommand({
            QueueUrl: service.queueUrl('MailQueue'),
            MessageBody: body,
            MessageGroupId: group,
            MessageDeduplicationId: deduplicationId,
          }),
        );
      return { send, destroy: () => client.destroy() };
    };

    it('delivers each group in the order sent, groups in parallel, never two batches of a group at once', async () => {
      const { service, tracker, invocations, mostRunning } = await start(() => null, {
        ...fifoMapping,
        batchSize: 2,
      });
      sendInGroups(service, Array.from({ length: 6 }, (_, index) => [`A ${index}`, `B ${index}`]).flat());
      await tracker.whenIdle();

      expect(batchesOf(invocations)).toEqual([
        ['A 0'],
        ['B 0'],
        ['A 1', 'A 2'],
        ['B 1', 'B 2'],
        ['A 3', 'A 4'],
        ['B 3', 'B 4'],
        ['A 5'],
        ['B 5'],
      ]);
      expect(mostRunning()).toBe(2);
      for (const group of ['A', 'B']) {
        const delivered = deliveredOf(invocations, group);
        for (const [index, invocation] of delivered.entries()) {
          expect(invocation.at).toBeGreaterThanOrEqual(delivered[index - 1]?.until ?? 0);
        }
      }
    });

    it("holds a group's later messages back while a failed one waits, and delivers them in order after it", async () => {
      const { service, tracker, invocations, receivesOf } = await start(
        (records) => ({
          // Only A 2 is named: A 3, after it in its group and batch, goes back to the queue with it all the same.
          batchItemFailures: records
            .filter((record) => record.body === 'A 2' && record.attributes.ApproximateReceiveCount === '1')
            .map((record) => ({ itemIdentifier: record.messageId })),
        }),
        { ...fifoMapping, batchSize: 2 },
      );
      sendInGroups(service, ['A 1', 'B 1', 'A 2', 'A 3', 'A 4', 'B 2']);
      await tracker.whenIdle();

      expect(batchesOf(invocations)).toEqual([
        ['A 1'],
        ['B 1'],
        ['A 2', 'A 3'],
        ['B 2'],
        ['A 2', 'A 3'],
        ['A 4'],
      ]);
      expect(receivesOf('A 2')).toEqual(['1', '2']);
      expect(receivesOf('A 3')).toEqual(['1', '2']);
      expect(receivesOf('A 4')).toEqual(['1']);
      expect(service.messages()).toEqual([]);
    });

    it('takes the next messages of a group once its failing one moves to the dead-letter queue', async () => {
      const { service, tracker, invocations, receivesOf } = await start(
        (records) => ({
          batchItemFailures: records
            .filter((record) => record.body.includes('poison'))
            .map((record) => ({ itemIdentifier: record.messageId })),
        }),
        { ...fifoMapping, batchSize: 1 },
      );
      sendInGroups(service, ['A poison', 'A after', 'B other']);
      await tracker.whenIdle();

      expect(batchesOf(invocations)).toEqual([
        ['A poison'],
        ['B other'],
        ['A poison'],
        ['A poison'],
        ['A after'],
      ]);
      expect(receivesOf('A after')).toEqual(['1']);
      expect(service.messages()).toEqual([
        expect.objectContaining({ queue: 'MailDeadLetters', body: 'A poison' }),
      ]);
    });

    it('answers a deduplication id sent again within five minutes with the first message, queued once', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        const { service, tracker, invocations } = await start(() => null, fifoMapping);
        const sender = sdkSender(service);
        const first = await sender.send('mail', 'J-1', 'M-1');
        vi.setSystemTime(Date.now() + 5 * 60 * 1000 - 1);
        const again = await sender.send('mail again', 'J-1', 'M-1');
        const other = await sender.send('other mail', 'J-1', 'M-2');
        vi.setSystemTime(Date.now() + 1);
        const later = await sender.send('mail later', 'J-1', 'M-1');
        sender.destroy();
        await tracker.whenIdle();

        expect(again.MessageId).toBe(first.MessageId);
        expect(again.SequenceNumber).toBe(first.SequenceNumber);
        expect(new Set([first.MessageId, other.MessageId, later.MessageId]).size).toBe(3);
        expect(batchesOf(invocations).flat()).toEqual(['mail', 'other mail', 'mail later']);
      } finally {
        vi.useRealTimers();
      }
    });

    it('refuses a send without MessageGroupId or MessageDeduplicationId, as SQS does', async () => {
      const { service, tracker, invocations, requests } = await start(() => null, fifoMapping);
      const sender = sdkSender(service);
      await expect(sender.send('mail', undefined, 'M-1')).rejects.toMatchObject({ name: 'MissingParameter' });
      await expect(sender.send('mail', 'J-1')).rejects.toMatchObject({ name: 'InvalidParameterValue' });
      sender.destroy();
      await tracker.whenIdle();

      expect(invocations).toEqual([]);
      expect(requests).toEqual([]);
    });

    it('hands each record over with its group, deduplication id and rising sequence number, as Lambda does', async () => {
      const { service, tracker, invocations } = await start(() => null, fifoMapping);
      const sender = sdkSender(service);
      const first = await sender.send('mail', 'J-1', 'M-1');
      const second = await sender.send('other mail', 'J-2', 'M-2');
      sender.destroy();
      await tracker.whenIdle();

      const records = invocations.flatMap((invocation) => invocation.records);
      expect(records.map((record) => record.attributes)).toEqual([
        {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(NOW),
          SenderId: '000000000000',
          ApproximateFirstReceiveTimestamp: String(NOW),
          MessageGroupId: 'J-1',
          MessageDeduplicationId: 'M-1',
          SequenceNumber: first.SequenceNumber,
        },
        expect.objectContaining({
          MessageGroupId: 'J-2',
          MessageDeduplicationId: 'M-2',
          SequenceNumber: second.SequenceNumber,
        }),
      ]);
      expect(first.SequenceNumber).toMatch(/^\d{20}$/);
      expect(BigInt(second.SequenceNumber ?? 0)).toBeGreaterThan(BigInt(first.SequenceNumber ?? 0));
    });
  });
});
