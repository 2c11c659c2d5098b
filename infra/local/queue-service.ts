import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ActivityTracker } from '#infra/local/activity.ts';
import { listenAwsJson, ServiceError } from '#infra/local/aws-json-service.ts';
import {
  PLACEHOLDER_ACCOUNT,
  PLACEHOLDER_REGION,
  type QueueEventSource,
} from '#infra/synthesized-template.ts';

export interface QueuedMessage {
  queue: string;
  messageId: string;
  sentAt: string;
  body: unknown;
  attributes: Record<string, string>;
}

/** The SQS requests a message costs: its send, and the receive and delete of each batch Lambda's poller takes. */
export type QueueRequest = 'SendMessage' | 'ReceiveMessage' | 'DeleteMessage';

export interface QueueService {
  url: string;
  /** The URL of a queue, by the name it has locally (its logical id in the template). */
  queueUrl(name: string): string;
  /**
   * Puts a message on a queue, as a service delivering to it would (a rule's dead-letter queue); on a FIFO queue,
   * in a message group and with a deduplication id.
   */
  send(
    queue: string,
    body: string,
    attributes?: Record<string, string>,
    fifo?: { group: string; deduplicationId: string },
  ): void;
  /** What the queues nothing consumes hold: the dead-letter queues. */
  messages(): QueuedMessage[];
  close(): Promise<void>;
}

interface QueueConsumers {
  /** The Lambda event source mappings on the queues: a message sent to one of those goes to its function. */
  sources: QueueEventSource[];
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  tracker: ActivityTracker;
}

export type QueueServiceOptions = {
  now: () => number;
  /**
   * Called for every request SQS would bill, so a usage meter can count them, with the bytes of the message bodies
   * it carries (SQS bills a request per 64 KB of its payload).
   */
  onRequest?: (operation: QueueRequest, payloadBytes: number) => void;
} & (QueueConsumers | { sources?: undefined; invokeFunction?: undefined; tracker?: undefined });

interface MessageAttribute {
  dataType: string;
  stringValue: string;
}

/** What a FIFO queue's sender names a message by: the group it goes in order within, and its deduplication id. */
interface FifoSend {
  group?: unknown;
  deduplicationId?: unknown;
}

interface FifoPlace {
  group: string;
  deduplicationId: string;
  sequenceNumber: bigint;
}

interface Message {
  id: string;
  body: string;
  attributes: Record<string, MessageAttribute>;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
  /** Set on the messages of a FIFO queue only. */
  fifo?: FifoPlace;
}

/** What a send answers: a FIFO queue answers a duplicate with what it answered the message's first send. */
interface Sent {
  messageId: string;
  sequenceNumber?: bigint;
}

/**
 * A message received this many times is given up on when its queue has no dead-letter queue. SQS would keep it
 * until its retention period (four days by default) ran out; locally that would keep the system busy forever.
 */
const RECEIVES_WITHOUT_DEAD_LETTER_QUEUE = 5;

/**
 * How long a message that was not deleted stays invisible before it is received again. On AWS that is the queue's
 * visibility timeout (180 s for the mail queue); locally it is shortened so a test or the demo sees the retries
 * within a second or two, and it grows with each receive so a failing batch does not spin.
 */
const redeliveryDelayMs = (receiveCount: number) => Math.min(100 * receiveCount, 500);

/** How long a FIFO queue remembers a deduplication id, from the send that first carried it. */
const DEDUPLICATION_INTERVAL_MS = 5 * 60 * 1000;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** The messages of a batch a partial batch response reports as failed: all of them when it names one not in it. */
const failuresIn = (response: unknown, batch: Message[]): Message[] => {
  const failures = (response as Partial<SQSBatchResponse> | null)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return [];
  const identifiers = new Set(failures.map((failure) => failure?.itemIdentifier));
  const named = batch.filter((message) => identifiers.has(message.id));
  // Lambda reads a response naming a message not in the batch (or none at all) as the whole batch failing.
  return named.length === identifiers.size ? named : batch;
};

/**
 * What of a FIFO batch goes back to the queue: each failed message and its group's messages after it, which
 * Lambda returns unprocessed (the function is expected to name them too), so the group is received again in order.
 */
const withLaterOfTheirGroups = (failed: Message[], batch: Message[]): Message[] => {
  const failedGroups = new Set<string | undefined>();
  return batch.filter((message) => {
    if (failed.includes(message)) failedGroups.add(message.fifo?.group);
    return failedGroups.has(message.fifo?.group);
  });
};

const recordOf = (queue: string, message: Message, firstReceivedAt: number): SQSRecord => ({
  messageId: message.id,
  receiptHandle: randomUUID(),
  body: message.body,
  attributes: {
    ApproximateReceiveCount: String(message.receiveCount),
    SentTimestamp: String(message.sentAt),
    // Locally every sender is the account itself.
    SenderId: PLACEHOLDER_ACCOUNT,
    ApproximateFirstReceiveTimestamp: String(firstReceivedAt),
    ...(message.fifo
      ? {
          MessageGroupId: message.fifo.group,
          MessageDeduplicationId: message.fifo.deduplicationId,
          SequenceNumber: String(message.fifo.sequenceNumber),
        }
      : {}),
  },
  messageAttributes: Object.fromEntries(
    Object.entries(message.attributes).map(([name, { dataType, stringValue }]) => [
      name,
      { stringValue, stringListValues: [], binaryListValues: [], dataType },
    ]),
  ),
  md5OfBody: md5(message.body),
  eventSource: 'aws:sqs',
  eventSourceARN: `arn:aws:sqs:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:${queue}`,
  awsRegion: PLACEHOLDER_REGION,
});

/**
 * A local SQS speaking its AWS JSON protocol. A message sent to a queue with a Lambda event source mapping goes
 * to the mapping's function in batches, as Lambda's poller takes them: received again after a failed invocation
 * (or only the messages a partial batch response names), and moved to the queue's dead-letter queue once received
 * `maxReceiveCount` times. A FIFO queue's mapping delivers each message group in the order sent, one batch of it
 * at a time: a group's later messages wait while any of it is in a batch or waiting to be received again. Any
 * other queue (a dead-letter queue) keeps its messages, listed by `messages()` (`GET /local/dead-letters`): nobody
 * reads those but a person answering an alarm.
 */
export const startQueueService = async (options: QueueServiceOptions): Promise<QueueService> => {
  const held: QueuedMessage[] = [];
  // Each message a mapping has yet to see deleted, dead-lettered or dropped, with what ends its tracked life.
  const unsettled = new Map<Message, () => void>();
  const redeliveries = new Set<NodeJS.Timeout>();
  const fifoQueues = new Set(options.sources?.filter((source) => source.fifo).map((source) => source.queue));
  // Per FIFO queue, the deduplication ids sent within the interval, oldest first, with what their send answered.
  const deduplicationIds = new Map<string, Map<string, { sent: Sent; at: number }>>();
  // SQS's sequence numbers are 20-digit decimals rising within a group; one count for every queue rises in each.
  let lastSequenceNumber = 10n ** 19n;
  let closed = false;

  const settle = (message: Message) => {
    unsettled.get(message)?.();
    unsettled.delete(message);
  };

  const hold = (queue: string, message: Message) => {
    let body: unknown = message.body;
    try {
      body = JSON.parse(message.body);
    } catch {
      // A message body is any text; JSON is shown parsed only for the reader's convenience.
    }
    held.push({
      queue,
      messageId: message.id,
      sentAt: new Date(message.sentAt).toISOString(),
      body,
      attributes: Object.fromEntries(
        Object.entries(message.attributes).map(([name, { stringValue }]) => [name, stringValue]),
      ),
    });
  };

  const consume = (source: QueueEventSource, { invokeFunction, tracker }: QueueConsumers) => {
    let waiting: Message[] = [];
    // Per message group of a FIFO queue, how many of its messages are in a batch or waiting to be received again:
    // while any is, the group's later messages wait, so that they go in the order sent.
    const groupsHeldBack = new Map<string, number>();
    let running = 0;

    const holdBackGroup = ({ fifo }: Message) => {
      if (fifo) groupsHeldBack.set(fifo.group, (groupsHeldBack.get(fifo.group) ?? 0) + 1);
    };
    const releaseGroup = ({ fifo }: Message) => {
      if (!fifo) return;
      const count = (groupsHeldBack.get(fifo.group) ?? 0) - 1;
      if (count > 0) groupsHeldBack.set(fifo.group, count);
      else groupsHeldBack.delete(fifo.group);
    };
    const done = (message: Message) => {
      releaseGroup(message);
      settle(message);
    };

    // A FIFO message received again goes before the later messages of its group, whichever of their
    // redeliveries came back first.
    const requeue = (message: Message) => {
      const { fifo } = message;
      const later = fifo
        ? waiting.findIndex(
            (other) => other.fifo?.group === fifo.group && other.fifo.sequenceNumber > fifo.sequenceNumber,
          )
        : -1;
      if (later === -1) waiting.push(message);
      else waiting.splice(later, 0, message);
    };

    const receiveAgainLater = (message: Message) => {
      if (closed) return settle(message);
      if (message.receiveCount >= (source.maxReceiveCount ?? RECEIVES_WITHOUT_DEAD_LETTER_QUEUE)) {
        if (source.deadLetterQueue) hold(source.deadLetterQueue, message);
        else {
          console.error(
            `local SQS: dropped a message from ${source.queue} after ${message.receiveCount} receives: the queue has no dead-letter queue`,
          );
        }
        return done(message);
      }
      const timer = setTimeout(() => {
        redeliveries.delete(timer);
        releaseGroup(message);
        requeue(message);
        take();
      }, redeliveryDelayMs(message.receiveCount));
      redeliveries.add(timer);
    };

    const deliver = async (batch: Message[]) => {
      const receivedAt = options.now();
      const records = batch.map((message) => {
        message.receiveCount += 1;
        message.firstReceivedAt ??= receivedAt;
        return recordOf(source.queue, message, message.firstReceivedAt);
      });
      options.onRequest?.(
        'ReceiveMessage',
        batch.reduce((bytes, message) => bytes + Buffer.byteLength(message.body), 0),
      );
      let failed: Message[];
      try {
        const response = await invokeFunction(source.target, { Records: records } satisfies SQSEvent);
        failed = source.reportBatchItemFailures ? failuresIn(response, batch) : [];
      } catch {
        // The invocation logged its failure; none of the batch is deleted, so all of it is received again.
        failed = batch;
      }
      if (source.fifo) failed = withLaterOfTheirGroups(failed, batch);
      if (failed.length < batch.length) options.onRequest?.('DeleteMessage', 0);
      for (const message of batch) {
        if (failed.includes(message)) receiveAgainLater(message);
        else done(message);
      }
    };

    // A FIFO batch takes, in the order sent, the waiting messages of the groups none of whose messages is out.
    const nextBatch = (): Message[] => {
      if (!source.fifo) return waiting.splice(0, source.batchSize);
      const batch: Message[] = [];
      waiting = waiting.filter((message) => {
        if (batch.length === source.batchSize || (message.fifo && groupsHeldBack.has(message.fifo.group))) {
          return true;
        }
        batch.push(message);
        return false;
      });
      for (const message of batch) holdBackGroup(message);
      return batch;
    };

    // Lambda waits up to the mapping's batching window to fill a batch; locally a batch goes as soon as an
    // invocation may start, with whatever is waiting, so tests and the demo never idle out the window.
    const take = () => {
      while (!closed && running < source.maxConcurrency) {
        const batch = nextBatch();
        if (batch.length === 0) return;
        running += 1;
        void deliver(batch).finally(() => {
          running -= 1;
          take();
        });
      }
    };

    return (message: Message) => {
      tracker.track(new Promise<void>((resolve) => unsettled.set(message, resolve)));
      waiting.push(message);
      take();
    };
  };

  const consumers = new Map(
    options.sources ? options.sources.map((source) => [source.queue, consume(source, options)] as const) : [],
  );

  // Content-based deduplication is off on every queue of the stack, so a FIFO send names its deduplication id.
  const fifoSend = ({ group, deduplicationId }: FifoSend) => {
    if (typeof group !== 'string' || group.length === 0) {
      throw new ServiceError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
    }
    if (typeof deduplicationId !== 'string' || deduplicationId.length === 0) {
      throw new ServiceError(
        'InvalidParameterValue',
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      );
    }
    return { group, deduplicationId };
  };

  // On the wall clock, not `now()`: deduplication guards against a sender's retries, seconds apart in real time
  // whatever the virtual clock does (it stands still between advances, and leaps over days).
  const recentlySent = (queue: string) => {
    const sent = deduplicationIds.get(queue) ?? new Map<string, { sent: Sent; at: number }>();
    deduplicationIds.set(queue, sent);
    const now = Date.now();
    for (const [deduplicationId, { at }] of sent) {
      if (now - at < DEDUPLICATION_INTERVAL_MS) break;
      sent.delete(deduplicationId);
    }
    return sent;
  };

  const send = (
    queue: string,
    body: string,
    attributes: Record<string, MessageAttribute>,
    order: FifoSend = {},
  ): Sent => {
    const fifo = fifoQueues.has(queue) ? fifoSend(order) : undefined;
    options.onRequest?.('SendMessage', Buffer.byteLength(body));
    const recent = fifo ? recentlySent(queue) : undefined;
    const duplicate = fifo && recent?.get(fifo.deduplicationId);
    if (duplicate) return duplicate.sent;
    const message: Message = {
      id: randomUUID(),
      body,
      attributes,
      sentAt: options.now(),
      receiveCount: 0,
      ...(fifo ? { fifo: { ...fifo, sequenceNumber: ++lastSequenceNumber } } : {}),
    };
    const answer: Sent = { messageId: message.id, sequenceNumber: message.fifo?.sequenceNumber };
    if (fifo) recent?.set(fifo.deduplicationId, { sent: answer, at: Date.now() });
    const enqueue = consumers.get(queue);
    if (enqueue) enqueue(message);
    else hold(queue, message);
    return answer;
  };

  const queueName = (queueUrl: unknown): string => {
    const name = typeof queueUrl === 'string' ? queueUrl.split('/').pop() : undefined;
    if (!name) throw new ServiceError('AWS.SimpleQueueService.NonExistentQueue', 'The queue does not exist');
    return name;
  };
  const server = await listenAwsJson({
    service: 'SQS',
    targetPrefix: 'AmazonSQS.',
    jsonVersion: '1.0',
    internalErrorType: 'InternalError',
    operations: new Map([
      [
        'SendMessage',
        (request) => {
          const body = request.MessageBody;
          if (typeof body !== 'string' || body.length === 0) {
            throw new ServiceError('InvalidParameterValue', 'MessageBody is required');
          }
          const attributes = Object.fromEntries(
            Object.entries(
              (request.MessageAttributes ?? {}) as Record<
                string,
                { DataType?: unknown; StringValue?: unknown }
              >,
            ).map(([name, value]) => [
              name,
              {
                dataType: typeof value.DataType === 'string' ? value.DataType : 'String',
                stringValue: String(value.StringValue ?? ''),
              },
            ]),
          );
          const { messageId, sequenceNumber } = send(queueName(request.QueueUrl), body, attributes, {
            group: request.MessageGroupId,
            deduplicationId: request.MessageDeduplicationId,
          });
          return {
            MessageId: messageId,
            MD5OfMessageBody: md5(body),
            ...(sequenceNumber === undefined ? {} : { SequenceNumber: String(sequenceNumber) }),
          };
        },
      ],
    ]),
  });
  return {
    url: server.url,
    queueUrl: (name) => `${server.url}/${PLACEHOLDER_ACCOUNT}/${name}`,
    send: (queue, body, attributes = {}, fifo) => {
      send(
        queue,
        body,
        Object.fromEntries(
          Object.entries(attributes).map(([name, stringValue]) => [
            name,
            { dataType: 'String', stringValue },
          ]),
        ),
        fifo,
      );
    },
    messages: () => held.map((message) => structuredClone(message)),
    // What is still waiting is abandoned, not left to hold the tracker (and whoever waits for idle) forever.
    close: () => {
      closed = true;
      for (const timer of redeliveries) clearTimeout(timer);
      redeliveries.clear();
      for (const message of [...unsettled.keys()]) settle(message);
      return server.close();
    },
  };
};
