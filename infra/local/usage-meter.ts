import { createServer, request as httpRequest } from 'node:http';
import { serveLocally } from '#infra/local/local-server.ts';

/** What one run of the local system used, in the units AWS bills: what `npm run bench` prices. */
export interface UsageCounts {
  lambda: {
    invocations: number;
    /** Handler time rounded up to the millisecond per invocation, as Lambda bills it. */
    billedMs: number;
    /** Billed duration times configured memory. */
    gbSeconds: number;
    byFunction: Record<string, { invocations: number; billedMs: number }>;
  };
  stepFunctions: {
    /** State entries plus Task retries: what Standard workflows bill as state transitions. */
    transitions: number;
    /** Task states entered: the steps that do work. */
    taskStates: number;
    byStateType: Record<string, number>;
    /** Task retries by the errors of the retrier that took them (`States.TaskFailed`). */
    retriesByError: Record<string, number>;
    executions: number;
  };
  dynamo: {
    writeUnits: number;
    readUnits: number;
    /** Requests by operation, with the units each kind consumed (failed conditional writes included). */
    byOperation: Record<string, { requests: number; units: number }>;
    /**
     * Write units by the kind of item written, named by its keys' prefixes (`JOURNEY/EMAIL` is an email's
     * claim): what tells the writes a send makes from the journey's own.
     */
    writesByItem: Record<string, number>;
    /** Read units likewise: a GetItem by the item it read, a Query or Scan by its operation. */
    readsByItem: Record<string, number>;
  };
  ses: { emails: number; recipients: number };
  scheduler: { invocations: number };
  events: { entries: number };
  api: { requests: number };
  /** SQS requests as billed: each 64 KB chunk of a request's payload counts as one. */
  sqs: { requests: number };
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/**
 * Counts what the local system does in AWS's billing units. Off unless the runtime is started with a usage file
 * (`LOCAL_USAGE_FILE`, which the benchmark sets): nothing here runs in tests or in `npm start`.
 */
export class UsageMeter {
  readonly #memoryMb: Record<string, number>;
  readonly counts: UsageCounts = {
    lambda: { invocations: 0, billedMs: 0, gbSeconds: 0, byFunction: {} },
    stepFunctions: { transitions: 0, taskStates: 0, byStateType: {}, retriesByError: {}, executions: 0 },
    dynamo: { writeUnits: 0, readUnits: 0, byOperation: {}, writesByItem: {}, readsByItem: {} },
    ses: { emails: 0, recipients: 0 },
    scheduler: { invocations: 0 },
    events: { entries: 0 },
    api: { requests: 0 },
    sqs: { requests: 0 },
  };

  /** `memoryMb`: each function's configured memory, by handler folder. */
  constructor(memoryMb: Record<string, number>) {
    this.#memoryMb = memoryMb;
  }

  /** Times one invocation of `invoke` (the handler, from the event to its result) as Lambda bills it. */
  async invocation<T>(functionName: string, invoke: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await invoke();
    } finally {
      const billedMs = Math.max(1, Math.ceil(performance.now() - started));
      const lambda = this.counts.lambda;
      const entry = lambda.byFunction[functionName] ?? { invocations: 0, billedMs: 0 };
      entry.invocations += 1;
      entry.billedMs += billedMs;
      lambda.byFunction[functionName] = entry;
      lambda.invocations += 1;
      lambda.billedMs += billedMs;
      lambda.gbSeconds += (billedMs / 1000) * ((this.#memoryMb[functionName] ?? 128) / 1024);
    }
  }

  /** One event of an execution's log, as aws-local-stepfunctions emits it. */
  stateEvent(event: {
    type: string;
    state?: { type: string };
    retry?: { retrier: { ErrorEquals: string[] } };
  }): void {
    const stepFunctions = this.counts.stepFunctions;
    if (event.type === 'ExecutionStarted') stepFunctions.executions += 1;
    if (!event.state) return;
    if (event.type === 'StateEntered' || (event.type === 'StateRetried' && event.state.type === 'Task')) {
      stepFunctions.transitions += 1;
      stepFunctions.byStateType[event.state.type] = (stepFunctions.byStateType[event.state.type] ?? 0) + 1;
    }
    if (event.type === 'StateRetried' && event.retry) {
      const errors = event.retry.retrier.ErrorEquals.join(', ');
      stepFunctions.retriesByError[errors] = (stepFunctions.retriesByError[errors] ?? 0) + 1;
    }
    if (event.type === 'StateEntered' && event.state.type === 'Task') stepFunctions.taskStates += 1;
  }

  /** One DynamoDB request and its answer, `ConsumedCapacity` included (the proxy asks for it). */
  dynamoRequest(
    operation: string,
    request: Record<string, unknown>,
    status: number,
    response: Record<string, unknown>,
  ): void {
    // Creating the table is the deployment's doing, not a journey's.
    if (operation === 'CreateTable') return;
    const dynamo = this.counts.dynamo;
    const capacities = [response.ConsumedCapacity]
      .flat()
      .map((capacity) => Number((capacity as { CapacityUnits?: unknown } | undefined)?.CapacityUnits ?? 0));
    let units = capacities.reduce((sum, value) => sum + value, 0);
    // A write refused by its condition still consumes a write unit (the items refused here are all under 1 KB).
    if (status !== 200) {
      const refused = String(response.__type ?? '').endsWith('ConditionalCheckFailedException');
      if (!refused) return;
      units = 1;
    }
    const entry = dynamo.byOperation[operation] ?? { requests: 0, units: 0 };
    entry.requests += 1;
    entry.units += units;
    dynamo.byOperation[operation] = entry;
    if (!WRITES.has(operation)) {
      dynamo.readUnits += units;
      const kind = operation === 'GetItem' ? itemKind(request) : operation;
      dynamo.readsByItem[kind] = (dynamo.readsByItem[kind] ?? 0) + units;
      return;
    }
    dynamo.writeUnits += units;
    const kind = itemKind(request);
    dynamo.writesByItem[kind] = (dynamo.writesByItem[kind] ?? 0) + units;
  }

  /**
   * A proxy in front of the local DynamoDB that asks each request for its consumed capacity (dynalite computes it
   * from item sizes as DynamoDB does: 1 KB per write unit, 4 KB per read unit, half for eventually consistent
   * reads) and counts it. Handlers never read that field, so what they see is unchanged.
   */
  async dynamoProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
    const upstreamUrl = new URL(target);
    const server = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let body = Buffer.concat(chunks);
      let request: Record<string, unknown> = {};
      try {
        request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        body = Buffer.from(JSON.stringify({ ...request, ReturnConsumedCapacity: 'TOTAL' }));
      } catch {
        // Not JSON: passed on as it came, and counted only if DynamoDB answers it.
      }
      // The body changed length; the SDK's signature is not checked locally.
      const upstream = httpRequest(
        {
          host: upstreamUrl.hostname,
          port: upstreamUrl.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, 'content-length': String(body.length) },
        },
        (response) => {
          const answer: Buffer[] = [];
          response.on('data', (chunk: Buffer) => answer.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(answer);
            try {
              this.dynamoRequest(
                operation,
                request,
                response.statusCode ?? 0,
                JSON.parse(text.toString('utf8')),
              );
            } catch {
              // An answer that is not JSON consumed nothing.
            }
            outgoing.writeHead(response.statusCode ?? 502, response.headers).end(text);
          });
        },
      );
      upstream.on('error', () => outgoing.destroy());
      upstream.end(body);
    });
    return serveLocally(server);
  }
}

/** `JOURNEY/EMAIL` for `{pk: 'JOURNEY#…', sk: 'EMAIL#…'}`: the prefixes of the written item's keys. */
export const itemKind = (request: Record<string, unknown>): string => {
  const key = (request.Key ?? request.Item ?? {}) as Record<string, { S?: string } | undefined>;
  const prefix = (value: { S?: string } | undefined) => value?.S?.split('#')[0] ?? '?';
  return request.RequestItems ? 'batch' : `${prefix(key.pk)}/${prefix(key.sk)}`;
};
