import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { UsageCounts } from '#infra/local/usage-meter.ts';
import { median } from '#shared/domain/report-metrics.ts';
import type { ThroughputRun } from '../bench-throughput.ts';
import type { Measurement } from './figure.ts';
import { meteredRun } from './metered-run.ts';

/**
 * How many full journeys run together. The issue sets its target for 1,000 (about 10 minutes on this machine);
 * the bench runs 200, about 2, unless `BENCH_THROUGHPUT_JOURNEYS` asks for another number. Far fewer would mostly
 * measure the moments between timers, when the last steps of a wave run on a core or less.
 */
const journeys = Number(process.env.BENCH_THROUGHPUT_JOURNEYS ?? 200);
/** The journeys whose DynamoDB calls are counted: every journey of the run is the same, so a few tell. */
const COUNTED_JOURNEYS = 10;
/** Target 5: journeys run at no less than half the rate dynalite's raw writes would allow for their calls. */
const SHARE_OF_RAW_RATE = 0.5;
/** High enough that the send pacing never makes a step wait: what is measured is the journeys, not SES's quota. */
const RAISED_SEND_RATE = 1000;
const RAW_WRITES = 3000;
const RAW_CONCURRENCY = 32;
/** About a journey item's size: most of a journey's writes are one write unit (up to 1 KB), as the details show. */
const ITEM_PADDING = 'x'.repeat(900);

/** Every request a run made of DynamoDB, reads, writes and refused conditional writes alike. */
export const dynamoCalls = (usage: UsageCounts): number =>
  Object.values(usage.dynamo.byOperation).reduce((sum, operation) => sum + operation.requests, 0);

/**
 * The rate target 5 asks for: if every call of a journey cost dynalite as much as a raw write, it could carry
 * `rawWritesPerSecond / callsPerJourney` journeys a second; the local system must reach half of that.
 */
export const targetJourneysPerSecond = (rawWritesPerSecond: number, callsPerJourney: number): number =>
  callsPerJourney > 0 ? (SHARE_OF_RAW_RATE * rawWritesPerSecond) / callsPerJourney : Number.NaN;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

/**
 * PutItem of journey-sized items against a fresh in-memory dynalite, `RAW_CONCURRENCY` at a time, through the
 * same SDK the handlers use: the most writes a second dynalite takes here, with nothing else asking. Median of 3.
 */
const rawWritesPerSecond = async (): Promise<number> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const client = new DynamoDBClient({
    endpoint: await listen(server),
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: 'raw-writes',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
      }),
    );
    let written = 0;
    const burst = async (count: number) => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          next += 1;
          written += 1;
          await client.send(
            new PutItemCommand({
              TableName: 'raw-writes',
              Item: {
                pk: { S: `JOURNEY#${written}` },
                sk: { S: 'JOURNEY' },
                status: { S: 'onboarding' },
                at: { S: new Date().toISOString() },
                body: { S: ITEM_PADDING },
              },
            }),
          );
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: RAW_CONCURRENCY }, worker));
      return count / ((performance.now() - started) / 1000);
    };
    // The first requests pay for connections and the SDK's first use.
    await burst(RAW_CONCURRENCY * 4);
    const rates: number[] = [];
    for (let run = 0; run < 3; run += 1) rates.push(await burst(RAW_WRITES));
    return median(rates) ?? 0;
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
};

/**
 * How the timed run uses the machine: the handlers on a worker thread a core (the stand-ins, dynalite and the ASL
 * engine keep the main thread), and timers due together fired in waves wide enough to keep those threads busy.
 * With the handlers in the main thread, as the tests run them, the one thread is the limit and wider waves change
 * nothing.
 */
const LOAD_SETTINGS = {
  LOCAL_HANDLER_THREADS: String(availableParallelism()),
  LOCAL_SCHEDULER_CONCURRENCY: '64',
};

/**
 * Runs `scripts/bench-throughput.ts` in a process of its own: with the usage meter on, as the runtime starts by
 * default, to count; or without it, set for load, to time.
 */
const throughputRun = async (count: number, metered: boolean) => {
  const env = {
    THROUGHPUT_JOURNEYS: String(count),
    SES_MAX_SEND_RATE: String(RAISED_SEND_RATE),
    ...(metered ? {} : LOAD_SETTINGS),
  };
  const { usage, stdout } = await meteredRun('scripts/bench-throughput.ts', [], env, { metered });
  return { usage, run: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ThroughputRun };
};

/**
 * Target 5: dynalite's raw write rate, measured first in this process; then `scripts/bench-throughput.ts` twice:
 * a few journeys with the usage meter on, which counts their DynamoDB calls, and N journeys at once without it,
 * timed (the meter's proxy is one more HTTP hop for every call, which the journeys would not make on AWS).
 */
const measure: Measurement = async () => {
  const raw = await rawWritesPerSecond();
  const counted = await throughputRun(COUNTED_JOURNEYS, true);
  const { usage } = counted;
  if (!usage) throw new Error('the counting run wrote no usage');
  const { run } = await throughputRun(journeys, false);
  const callsPerJourney = dynamoCalls(usage) / counted.run.journeys;
  const target = targetJourneysPerSecond(raw, callsPerJourney);
  const perSecond = run.completed / run.seconds;
  const writes = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'].reduce(
    (sum, operation) => sum + (usage.dynamo.byOperation[operation]?.requests ?? 0),
    0,
  );
  return [
    {
      figure: `${run.journeys} full journeys: throughput / half of dynalite's allowed rate`,
      value: perSecond / target,
      unit: 'x',
      target: 1,
      better: 'higher',
      note: `scripts/bench-throughput.ts: offer to month 3, HR answering, interviewer, manager and mentor not; send pacing at ${RAISED_SEND_RATE}/s; ${LOAD_SETTINGS.LOCAL_HANDLER_THREADS} handler threads, waves of ${LOAD_SETTINGS.LOCAL_SCHEDULER_CONCURRENCY} timers`,
      details: {
        'journeys completed': run.completed,
        'run (s)': run.seconds,
        'of which reading the mailbox (s)': run.mailboxSeconds,
        'requests answered 503 and sent again': run.triedAgain,
        'journeys/s': Number(perSecond.toFixed(3)),
        'target journeys/s (half of raw / calls)': Number(target.toFixed(3)),
        'dynalite raw PutItem/s': Math.round(raw),
        [`DynamoDB calls per journey (${counted.run.journeys} counted)`]: Number(callsPerJourney.toFixed(1)),
        'of which writes': Number((writes / counted.run.journeys).toFixed(1)),
        'write units per write': Number((usage.dynamo.writeUnits / Math.max(1, writes)).toFixed(2)),
        'timers fired per journey': Number((usage.scheduler.invocations / counted.run.journeys).toFixed(1)),
        'Lambda invocations per journey': Number(
          (usage.lambda.invocations / counted.run.journeys).toFixed(1),
        ),
      },
    },
  ];
};

export default measure;
