import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { ActivityTracker } from '#infra/local/activity.ts';
import { matchesPattern } from '#infra/local/event-pattern.ts';
import { forwardRequest } from '#infra/local/forward-request.ts';
import { serveLocally } from '#infra/local/local-server.ts';
import { PLACEHOLDER_REGION, type StreamEventSource } from '#infra/synthesized-template.ts';

export interface TableStreamOptions {
  /**
   * The local DynamoDB the stream stands in front of: its URL, or the request listener of a server in this process,
   * handed each request directly (every table call then costs one HTTP exchange, not two).
   */
  target: string | RequestListener;
  /** The names of the table's key attributes (`pk`, `sk`): a record's `Keys`. */
  keyNames: string[];
  sources: StreamEventSource[];
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  /** Records still not taken after the mapping's retries, in order, as Lambda reports them to its on-failure queue. */
  onFailure: (source: StreamEventSource, records: StreamRecord[]) => void;
  tracker: ActivityTracker;
  now: () => number;
}

export interface StreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Record<string, unknown>;
    NewImage: Record<string, unknown>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: 'NEW_IMAGE';
  };
}

export interface TableStream {
  url: string;
  close(): Promise<void>;
}

/** An event source mapping tries a batch again this many times before its on-failure destination gets it. */
const ATTEMPTS = 3;

/** A DynamoDB request's JSON; anything else (never sent by the SDK) makes no record. */
const requestOf = (body: Buffer): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/**
 * The table's stream, which dynalite lacks: a proxy in front of it turns each successful `PutItem` into a
 * stream record (`NEW_IMAGE`) and hands it, when the mapping's filter criteria (as synthesized) let it through,
 * to the mapping's function, as Lambda's event source mapping would. Each mapping reads the stream as one shard:
 * one batch at a time, in order, and what is written while a batch is out goes together in the next, up to the
 * mapping's batch size (on AWS a batching window gathers them as well; locally a batch goes as soon as the one
 * before it is done, so nothing waits). A batch that fails is handed again, from the first record the function
 * reported failed, then reported to the on-failure queue. A put is an `INSERT` when it was conditioned on the
 * item not existing (as the table's writers put new items, timeline events among them), a `MODIFY` otherwise;
 * updates and deletes make no records here.
 */
export const startTableStream = async (options: TableStreamOptions): Promise<TableStream> => {
  let sequence = 0;

  /** What a batch left undelivered: nothing, or the records from the first the function reported failed. */
  const undelivered = (source: StreamEventSource, batch: StreamRecord[], result: unknown): StreamRecord[] => {
    const failures = (result as { batchItemFailures?: { itemIdentifier?: unknown }[] } | null)
      ?.batchItemFailures;
    if (!source.reportBatchItemFailures || !failures?.length) return [];
    const failed = new Set(failures.map((failure) => failure.itemIdentifier));
    const first = batch.findIndex((record) => failed.has(record.dynamodb.SequenceNumber));
    // A failure naming no record of the batch fails all of it, as Lambda takes it.
    return first < 0 ? batch : batch.slice(first);
  };

  const deliver = async (source: StreamEventSource, batch: StreamRecord[]) => {
    let left = batch;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      try {
        left = undelivered(source, left, await options.invokeFunction(source.target, { Records: left }));
        if (left.length === 0) return;
      } catch {
        // The invocation logged its failure; the mapping tries the batch again.
      }
    }
    options.onFailure(source, left);
  };

  const waiting = new Map<StreamEventSource, StreamRecord[]>();
  const reading = new Set<StreamEventSource>();

  const readShard = async (source: StreamEventSource) => {
    reading.add(source);
    try {
      // Records answered in the same turn of the event loop go in one batch.
      await new Promise((resolve) => setImmediate(resolve));
      for (let records = waiting.get(source) ?? []; records.length > 0; records = waiting.get(source) ?? []) {
        await deliver(source, records.splice(0, source.batchSize));
      }
    } finally {
      reading.delete(source);
    }
  };

  const append = (source: StreamEventSource, record: StreamRecord) => {
    const records = waiting.get(source) ?? [];
    records.push(record);
    waiting.set(source, records);
    if (!reading.has(source)) options.tracker.track(readShard(source));
  };

  const recordOf = (request: Record<string, unknown>): StreamRecord | undefined => {
    const item = request.Item as Record<string, unknown> | undefined;
    if (!item) return undefined;
    sequence += 1;
    const condition = String(request.ConditionExpression ?? '');
    return {
      eventID: crypto.randomUUID(),
      eventName: /attribute_not_exists\s*\(/.test(condition) ? 'INSERT' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: PLACEHOLDER_REGION,
      eventSourceARN: `arn:aws:dynamodb:${PLACEHOLDER_REGION}:000000000000:table/${String(request.TableName)}/stream/local`,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(options.now() / 1000),
        Keys: Object.fromEntries(options.keyNames.map((name) => [name, item[name]])),
        NewImage: item,
        SequenceNumber: String(sequence).padStart(21, '0'),
        SizeBytes: Buffer.byteLength(JSON.stringify(item)),
        StreamViewType: 'NEW_IMAGE',
      },
    };
  };

  const answered = (operation: string, status: number, body: Buffer) => {
    if (status !== 200 || !operation.endsWith('.PutItem')) return;
    const record = recordOf(requestOf(body));
    if (!record) return;
    for (const source of options.sources) {
      const passes =
        source.filters.length === 0 || source.filters.some((filter) => matchesPattern(filter, record));
      if (passes) append(source, record);
    }
  };

  const handOver = (handle: RequestListener, incoming: IncomingMessage, outgoing: ServerResponse) => {
    const operation = String(incoming.headers['x-amz-target'] ?? '');
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Recorded as the answer goes out, so the delivery is tracked before the writer hears it was written.
    const end = outgoing.end.bind(outgoing) as (...args: unknown[]) => ServerResponse;
    outgoing.end = ((...args: unknown[]) => {
      answered(operation, outgoing.statusCode, Buffer.concat(chunks));
      return end(...args);
    }) as typeof outgoing.end;
    handle(incoming, outgoing);
  };

  const target = options.target;
  const server = createServer(async (incoming, outgoing) => {
    if (typeof target === 'function') {
      handOver(target, incoming, outgoing);
      return;
    }
    const body = await readAll(incoming);
    const operation = String(incoming.headers['x-amz-target'] ?? '');
    const upstream = forwardRequest(new URL(target), incoming, outgoing, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
      answered(operation, response.statusCode ?? 502, body);
    });
    upstream.end(body);
  });
  return serveLocally(server);
};
