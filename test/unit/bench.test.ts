import { describe, expect, it } from 'vitest';
import { itemKind, type UsageCounts, UsageMeter } from '#infra/local/usage-meter.ts';
import { costOf, mailWritesPerEmail, type PriceTable, readPrices } from '../../scripts/bench/cost.ts';
import type { Figure } from '../../scripts/bench/figure.ts';
import { dynamoCalls, targetJourneysPerSecond } from '../../scripts/bench/local-throughput.ts';
import { formatNumber, formatTable, isMet, ratioOf } from '../../scripts/bench/table.ts';

const usage = (overrides: Partial<UsageCounts> = {}): UsageCounts => ({
  lambda: { invocations: 0, billedMs: 0, gbSeconds: 0, byFunction: {} },
  stepFunctions: { transitions: 0, taskStates: 0, byStateType: {}, retriesByError: {}, executions: 0 },
  dynamo: { writeUnits: 0, readUnits: 0, byOperation: {}, writesByItem: {}, readsByItem: {} },
  ses: { emails: 0, recipients: 0 },
  scheduler: { invocations: 0 },
  events: { entries: 0 },
  api: { requests: 0 },
  sqs: { requests: 0 },
  ...overrides,
});

// Round prices, so each service's share reads off the counts.
const prices: PriceTable = {
  region: 'test',
  currency: 'USD',
  date: '2026-12-02',
  prices: {
    lambdaRequest: { usd: 1, unit: '', source: '' },
    lambdaGbSecondArm64: { usd: 10, unit: '', source: '' },
    stepFunctionsTransition: { usd: 100, unit: '', source: '' },
    dynamoWriteUnit: { usd: 1000, unit: '', source: '' },
    dynamoReadUnit: { usd: 10_000, unit: '', source: '' },
    sesEmail: { usd: 100_000, unit: '', source: '' },
    schedulerInvocation: { usd: 1_000_000, unit: '', source: '' },
    eventEntry: { usd: 10_000_000, unit: '', source: '' },
    apiRequest: { usd: 100_000_000, unit: '', source: '' },
    sqsRequest: { usd: 1_000_000_000, unit: '', source: '' },
  },
};

describe('the cost of a run', () => {
  it('prices each service from its counts, and the floor from the emails alone', () => {
    const cost = costOf(
      usage({
        lambda: { invocations: 2, billedMs: 3000, gbSeconds: 0.5, byFunction: {} },
        stepFunctions: { transitions: 3, taskStates: 2, byStateType: {}, retriesByError: {}, executions: 1 },
        dynamo: { writeUnits: 4, readUnits: 5, byOperation: {}, writesByItem: {}, readsByItem: {} },
        ses: { emails: 6, recipients: 7 },
        scheduler: { invocations: 8 },
        events: { entries: 9 },
        api: { requests: 1 },
        sqs: { requests: 2 },
      }),
      prices,
    );

    expect(cost.byService).toEqual({
      Lambda: 2 + 5,
      'Step Functions': 300,
      DynamoDB: 4000 + 50_000,
      SES: 700_000,
      'EventBridge Scheduler': 8_000_000,
      EventBridge: 90_000_000,
      'API Gateway': 100_000_000,
      SQS: 2_000_000_000,
    });
    expect(cost.total).toBe(2_198_754_307);
    expect(cost.floor).toBe(700_000);
  });

  it('counts the writes of an email as its claim, taken and marked sent, per email sent', () => {
    const run = usage({
      ses: { emails: 4, recipients: 4 },
      dynamo: {
        writeUnits: 20,
        readUnits: 0,
        byOperation: {},
        writesByItem: { 'JOURNEY/EMAIL': 8, 'JOURNEY/TIMER': 7 },
        readsByItem: {},
      },
    });

    expect(mailWritesPerEmail(run)).toBe(2);
    expect(mailWritesPerEmail(usage())).toBe(0);
  });

  it('reads the repository price table, every price with its source', async () => {
    const table = await readPrices();

    expect(table.region).toBe('ap-northeast-1');
    for (const price of Object.values(table.prices)) {
      expect(price.usd).toBeGreaterThan(0);
      expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
  });
});

describe('the usage meter', () => {
  it('counts state entries and Task retries as transitions, Task entries as work, and retries by their errors', () => {
    const meter = new UsageMeter({});
    const taskFailed = { retrier: { ErrorEquals: ['States.TaskFailed'] } };
    for (const event of [
      { type: 'ExecutionStarted' },
      { type: 'StateEntered', state: { type: 'Task' } },
      { type: 'StateRetried', state: { type: 'Task' }, retry: taskFailed },
      { type: 'StateRetried', state: { type: 'Task' }, retry: taskFailed },
      { type: 'StateExited', state: { type: 'Task' } },
      { type: 'StateEntered', state: { type: 'Choice' } },
      { type: 'StateEntered', state: { type: 'Succeed' } },
    ]) {
      meter.stateEvent(event);
    }

    expect(meter.counts.stepFunctions).toEqual({
      transitions: 5,
      taskStates: 1,
      byStateType: { Task: 3, Choice: 1, Succeed: 1 },
      retriesByError: { 'States.TaskFailed': 2 },
      executions: 1,
    });
  });

  it('takes the consumed capacity DynamoDB reports, a refused conditional write as one unit, and skips errors', () => {
    const meter = new UsageMeter({});
    const journeyKey = { Key: { pk: { S: 'JOURNEY#j1' }, sk: { S: 'EMAIL#invite' } } };

    meter.dynamoRequest('GetItem', journeyKey, 200, { ConsumedCapacity: { CapacityUnits: 0.5 } });
    meter.dynamoRequest('UpdateItem', journeyKey, 200, { ConsumedCapacity: { CapacityUnits: 2 } });
    meter.dynamoRequest('UpdateItem', { Key: { pk: { S: 'MAIL' }, sk: { S: 'PACE' } } }, 400, {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
    });
    meter.dynamoRequest('PutItem', journeyKey, 400, {
      __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
    });
    meter.dynamoRequest('CreateTable', {}, 200, {});

    expect(meter.counts.dynamo).toEqual({
      readUnits: 0.5,
      writeUnits: 3,
      byOperation: { GetItem: { requests: 1, units: 0.5 }, UpdateItem: { requests: 2, units: 3 } },
      writesByItem: { 'JOURNEY/EMAIL': 2, 'MAIL/PACE': 1 },
      readsByItem: { 'JOURNEY/EMAIL': 0.5 },
    });
  });

  it('names an item by the prefixes of its keys', () => {
    expect(itemKind({ Item: { pk: { S: 'JOURNEY#j1' }, sk: { S: 'TIMER#reminder' } } })).toBe(
      'JOURNEY/TIMER',
    );
    expect(itemKind({ RequestItems: {} })).toBe('batch');
  });

  it('bills each invocation at least a millisecond, at the function’s memory', async () => {
    const meter = new UsageMeter({ 'send-brief': 512 });

    await meter.invocation('send-brief', async () => 'done');

    expect(meter.counts.lambda.invocations).toBe(1);
    expect(meter.counts.lambda.billedMs).toBeGreaterThanOrEqual(1);
    expect(meter.counts.lambda.gbSeconds).toBe((meter.counts.lambda.billedMs / 1000) * 0.5);
  });
});

describe('the benchmark table', () => {
  const figures: Figure[] = [
    { figure: 'cost / floor', value: 1.5, unit: 'x', target: 1.25, better: 'lower' },
    { figure: 'cost per hire', value: 0.0082961, unit: 'USD', target: 0.006875, better: 'lower' },
    { figure: 'journeys per second', value: 12, unit: '/s', target: 10, better: 'higher' },
  ];

  it('rounds to four significant digits with no exponent', () => {
    expect(formatNumber(0.0082961)).toBe('0.008296');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(0)).toBe('0');
  });

  it('judges a figure by which way is better, and gives its ratio to the target', () => {
    expect(figures.map(isMet)).toEqual([false, false, true]);
    expect(ratioOf(figures[0] as Figure)).toBe(1.2);
  });

  it('prints one Markdown row per figure: value with unit, target, ratio and whether it is met', () => {
    const lines = formatTable(figures).split('\n');

    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\| figure +\| value +\| target +\| ratio \| met \|$/);
    expect(lines[2]).toMatch(/^\| cost \/ floor +\| 1\.5 x +\| ≤ 1\.25 x +\| 1\.2 +\| no +\|$/);
    expect(lines[3]).toContain('| $0.008296 ');
    expect(lines[4]).toMatch(/\| ≥ 10 \/s +\| 1\.2 +\| yes \|$/);
  });
});

describe('local throughput (target 5)', () => {
  it("counts a run's DynamoDB calls as every request, reads and refused writes alike", () => {
    const run = usage({
      dynamo: {
        writeUnits: 9,
        readUnits: 8,
        byOperation: {
          GetItem: { requests: 5, units: 5 },
          UpdateItem: { requests: 4, units: 6 },
          Query: { requests: 2, units: 3 },
        },
        writesByItem: {},
        readsByItem: {},
      },
    });

    expect(dynamoCalls(run)).toBe(11);
    expect(dynamoCalls(usage())).toBe(0);
  });

  it('asks for half the journeys a second that raw writes would allow for a journey of that many calls', () => {
    // 1,200 raw writes a second carry 2 journeys of 600 calls a second; half of that is the target.
    expect(targetJourneysPerSecond(1200, 600)).toBe(1);
    expect(targetJourneysPerSecond(1000, 400)).toBe(1.25);
    expect(targetJourneysPerSecond(1000, 0)).toBeNaN();
  });
});
