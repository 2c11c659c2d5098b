import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';
import { advanceTime } from '#infra/local/advance-time.ts';
import { VirtualClock } from '#infra/local/clock.ts';
import {
  type LocalSchedule,
  type SchedulerService,
  startSchedulerService,
} from '#infra/local/scheduler-service.ts';
import { localClientConfig } from './local-clients.ts';

const START = new Date('2026-11-24T01:00:00Z');
const GROUP = 'follow-up-journeys';
const FIRE_TIMER = 'arn:aws:lambda:ap-northeast-1:000000000000:function:fire-timer';
const DEAD_LETTERS = 'arn:aws:sqs:ap-northeast-1:000000000000:timer-dead-letters';
const TARGET = {
  Arn: FIRE_TIMER,
  RoleArn: 'arn:aws:iam::000000000000:role/local-scheduler',
  RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
  DeadLetterConfig: { Arn: DEAD_LETTERS },
};

interface Firing {
  at: string;
  payload: unknown;
}

let clock: VirtualClock;
let tracker: ActivityTracker;
let scheduler: SchedulerService;
let client: SchedulerClient;
let firings: Firing[];
/** What the fake fire-timer does besides recording; tests replace it. */
let onFire: (payload: unknown) => Promise<void>;

beforeEach(async () => {
  clock = new VirtualClock(START);
  tracker = new ActivityTracker();
  firings = [];
  onFire = async () => undefined;
  scheduler = await startSchedulerService({
    invokeFunction: async (_arn, payload) => {
      firings.push({ at: new Date(clock.now()).toISOString(), payload });
      await sleep(2);
      await onFire(payload);
      return null;
    },
    tracker,
    clock,
  });
  client = new SchedulerClient(localClientConfig(scheduler.url));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await scheduler.close();
});

/** A one-time timer as shared/timers/schedule-timer.ts creates it. */
const timer = (name: string, at: string, overrides: Partial<CreateScheduleCommandInput> = {}) =>
  new CreateScheduleCommand({
    Name: name,
    GroupName: GROUP,
    ScheduleExpression: `at(${at})`,
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: { ...TARGET, Input: JSON.stringify({ journeyId: 'j-1', timer: name }) },
    ...overrides,
  });

/** These tests start no state machine: no task waits, so none times out. */
const noWaitingTasks = { nextTaskTimeout: () => undefined, timeOutTasks: () => undefined };
describe('the local EventBridge Scheduler service', () => {
  it('creates a schedule that GetSchedule returns as Scheduler would', async () => {
    const created = await client.send(timer('j-1-reminder', '2026-11-27T00:00:00'));

    const schedule = await client.send(new GetScheduleCommand({ Name: 'j-1-reminder', GroupName: GROUP }));

    expect(created.ScheduleArn).toBe(
      'arn:aws:scheduler:ap-northeast-1:000000000000:schedule/follow-up-journeys/j-1-reminder',
    );
    expect(schedule).toMatchObject({
      Arn: created.ScheduleArn,
      Name: 'j-1-reminder',
      GroupName: GROUP,
      ScheduleExpression: 'at(2026-11-27T00:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: FIRE_TIMER,
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
        DeadLetterConfig: { Arn: DEAD_LETTERS },
      },
      CreationDate: START,
      LastModificationDate: START,
    });
    expect(scheduler.nextDueAt()).toBe(Date.parse('2026-11-27T00:00:00Z'));
  });

  it('answers ConflictException for a name already taken in the group, and not in another group', async () => {
    await client.send(timer('j-1-reminder', '2026-11-27T00:00:00'));

    const again = client.send(timer('j-1-reminder', '2026-11-28T00:00:00'));

    await expect(again).rejects.toBeInstanceOf(ConflictException);
    await expect(
      client.send(timer('j-1-reminder', '2026-11-28T00:00:00', { GroupName: 'other' })),
    ).resolves.toBeDefined();
  });

  it('answers ResourceNotFoundException for a schedule that does not exist', async () => {
    await expect(
      client.send(new GetScheduleCommand({ Name: 'missing', GroupName: GROUP })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      client.send(new DeleteScheduleCommand({ Name: 'missing', GroupName: GROUP })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const update = timer('missing', '2026-11-27T00:00:00').input;
    await expect(client.send(new UpdateScheduleCommand(update))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it.each([
    ['a recurring expression', { ScheduleExpression: 'rate(5 minutes)' }],
    ['a malformed at()', { ScheduleExpression: 'at(2026-11-27 09:00)' }],
    ['an impossible date', { ScheduleExpression: 'at(2026-02-30T09:00:00)' }],
    ['an unknown time zone', { ScheduleExpressionTimezone: 'Mars/Olympus' }],
    ['a bad name', { Name: 'has space' }],
    [
      'a dead-letter queue that is no SQS queue',
      { Target: { ...TARGET, DeadLetterConfig: { Arn: 'queue' } } },
    ],
  ])('answers ValidationException for %s', async (_case, overrides) => {
    await expect(client.send(timer('j-1-reminder', '2026-11-27T00:00:00', overrides))).rejects.toBeInstanceOf(
      ValidationException,
    );
  });

  it('fires schedules in time order as time advances, each at its own time, reading at() in its time zone', async () => {
    await client.send(timer('late', '2026-12-01T09:00:00', { ScheduleExpressionTimezone: 'Asia/Tokyo' }));
    await client.send(timer('early', '2026-11-25T00:00:00'));
    await client.send(timer('middle', '2026-11-28T12:00:00', { ActionAfterCompletion: 'NONE' }));

    const first = await advanceTime(
      clock,
      scheduler,
      noWaitingTasks,
      tracker,
      new Date('2026-11-30T00:00:00Z'),
    );
    const afterFirst = scheduler.list();
    const second = await advanceTime(
      clock,
      scheduler,
      noWaitingTasks,
      tracker,
      new Date('2026-12-02T00:00:00Z'),
    );

    expect(first).toEqual({ fired: 2 });
    expect(second).toEqual({ fired: 1 });
    expect(firings).toEqual([
      { at: '2026-11-25T00:00:00.000Z', payload: { journeyId: 'j-1', timer: 'early' } },
      { at: '2026-11-28T12:00:00.000Z', payload: { journeyId: 'j-1', timer: 'middle' } },
      { at: '2026-12-01T00:00:00.000Z', payload: { journeyId: 'j-1', timer: 'late' } },
    ]);
    expect(afterFirst.map((schedule) => [schedule.name, schedule.status])).toEqual([
      ['late', 'pending'],
      ['middle', 'fired'],
    ]);
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(scheduler.nextDueAt()).toBeUndefined();
  });

  it('fires, within the same advance, a schedule that a firing target creates', async () => {
    onFire = async (payload) => {
      if ((payload as { timer: string }).timer === 'first') {
        await client.send(timer('follow-up', '2026-11-26T00:00:00'));
      }
    };
    await client.send(timer('first', '2026-11-25T00:00:00'));

    const { fired } = await advanceTime(
      clock,
      scheduler,
      noWaitingTasks,
      tracker,
      new Date('2026-11-27T00:00:00Z'),
    );

    expect(fired).toBe(2);
    expect(firings.map((firing) => firing.at)).toEqual([
      '2026-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    ]);
  });

  it('moves a schedule with UpdateSchedule and forgets it with DeleteSchedule', async () => {
    await client.send(timer('moved', '2026-11-25T00:00:00'));
    await client.send(timer('deleted', '2026-11-26T00:00:00'));

    await client.send(new UpdateScheduleCommand({ ...timer('moved', '2026-11-29T00:00:00').input }));
    await client.send(new DeleteScheduleCommand({ Name: 'deleted', GroupName: GROUP }));
    const { fired } = await advanceTime(
      clock,
      scheduler,
      noWaitingTasks,
      tracker,
      new Date('2026-11-30T00:00:00Z'),
    );

    expect(fired).toBe(1);
    expect(firings).toEqual([
      { at: '2026-11-29T00:00:00.000Z', payload: { journeyId: 'j-1', timer: 'moved' } },
    ]);
    expect(scheduler.list()).toEqual([]);
  });

  it('keeps the update a target makes to its own schedule while it fires', async () => {
    onFire = async (payload) => {
      const input = timer('again', '2026-11-28T00:00:00').input;
      if (firings.length === 1 && (payload as { timer: string }).timer === 'again') {
        await client.send(new UpdateScheduleCommand(input));
      }
    };
    await client.send(timer('again', '2026-11-25T00:00:00'));

    await advanceTime(clock, scheduler, noWaitingTasks, tracker, new Date('2026-11-30T00:00:00Z'));

    expect(firings.map((firing) => firing.at)).toEqual([
      '2026-11-25T00:00:00.000Z',
      '2026-11-28T00:00:00.000Z',
    ]);
  });

  it('does not fire a disabled schedule', async () => {
    await client.send(timer('off', '2026-11-25T00:00:00', { State: 'DISABLED' }));

    const { fired } = await advanceTime(
      clock,
      scheduler,
      noWaitingTasks,
      tracker,
      new Date('2026-11-30T00:00:00Z'),
    );

    expect(fired).toBe(0);
    expect(scheduler.nextDueAt()).toBeUndefined();
  });

  it('retries a failing target as its policy allows, then keeps it for inspection', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onFire = async () => {
      throw new RangeError('journey j-1 has no such timer');
    };
    const schedule = timer('broken', '2026-11-25T00:00:00');
    schedule.input.Target = {
      ...schedule.input.Target,
      RetryPolicy: { MaximumRetryAttempts: 2 },
    } as NonNullable<CreateScheduleCommandInput['Target']>;
    await client.send(schedule);

    await advanceTime(clock, scheduler, noWaitingTasks, tracker, new Date('2026-11-26T00:00:00Z'));
    await advanceTime(clock, scheduler, noWaitingTasks, tracker, new Date('2026-11-27T00:00:00Z'));

    expect(firings).toHaveLength(3);
    expect(scheduler.list()).toMatchObject([
      {
        name: 'broken',
        status: 'failed',
        error: { name: 'RangeError', message: 'journey j-1 has no such timer' },
      },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.not.stringContaining('journey j-1'));
  });

  it('delivers to a target that recovers while it is being retried', async () => {
    let failures = 2;
    onFire = async () => {
      if (failures-- > 0) throw new Error('DynamoDB unreachable');
    };
    await client.send(timer('flaky', '2026-11-25T00:00:00'));
    await advanceTime(clock, scheduler, noWaitingTasks, tracker, new Date('2026-11-26T00:00:00Z'));
    expect(firings).toHaveLength(3);
    expect(scheduler.list()).toEqual([]);
  });

  it('refuses to move time backwards', async () => {
    await expect(
      advanceTime(clock, scheduler, noWaitingTasks, tracker, new Date(START.getTime() - 1)),
    ).rejects.toThrow(RangeError);
  });

  describe('with schedules due at the same moment', () => {
    const journeyOf = (schedule: LocalSchedule) =>
      (JSON.parse(schedule.target.input ?? '{}') as { journeyId: string }).journeyId;
    const forJourney = (journeyId: string, name: string, at = '2026-11-25T00:00:00') =>
      timer(`${journeyId}-${name}`, at, {
        Target: { ...TARGET, Input: JSON.stringify({ journeyId, timer: name }) },
      });
    /** A scheduler of its own, whose targets note how many of them run at once and in which lanes. */
    const startWith = async (concurrency: number) => {
      const running = new Map<string, number>();
      const seen = { most: 0, mostInOneLane: 0, order: [] as string[] };
      const service = await startSchedulerService({
        invokeFunction: async (_arn, payload) => {
          const { journeyId, timer: name } = payload as { journeyId: string; timer: string };
          running.set(journeyId, (running.get(journeyId) ?? 0) + 1);
          const all = [...running.values()].reduce((sum, count) => sum + count, 0);
          seen.most = Math.max(seen.most, all);
          seen.mostInOneLane = Math.max(seen.mostInOneLane, running.get(journeyId) ?? 0);
          seen.order.push(`${journeyId}/${name}@${new Date(clock.now()).toISOString()}`);
          await sleep(5);
          await onFire(payload);
          running.set(journeyId, (running.get(journeyId) ?? 0) - 1);
          return null;
        },
        tracker,
        clock,
        concurrency,
        laneOf: journeyOf,
      });
      return { service, client: new SchedulerClient(localClientConfig(service.url)), seen };
    };

    it('fires them together, no more at once than its concurrency, each at that moment', async () => {
      const { service, client: local, seen } = await startWith(3);
      try {
        for (let index = 0; index < 10; index += 1) await local.send(forJourney(`j-${index}`, 'deadline'));

        const { fired } = await advanceTime(
          clock,
          service,
          noWaitingTasks,
          tracker,
          new Date('2026-11-26T00:00:00Z'),
        );

        expect(fired).toBe(10);
        expect(seen.most).toBe(3);
        expect(new Set(seen.order.map((entry) => entry.split('@')[1]))).toEqual(
          new Set(['2026-11-25T00:00:00.000Z']),
        );
        expect(service.list()).toEqual([]);
      } finally {
        await service.close();
      }
    });

    it("fires one lane's one after another, in the order written, after what the first set off", async () => {
      const { service, client: local, seen } = await startWith(8);
      onFire = async (payload) => {
        // The first of j-1's timers cancels the third, as a step answered in time cancels its deadline.
        if ((payload as { timer: string }).timer === 'first') {
          await local.send(new DeleteScheduleCommand({ Name: 'j-1-third', GroupName: GROUP }));
        }
      };
      try {
        await local.send(forJourney('j-1', 'first'));
        await local.send(forJourney('j-2', 'other'));
        await local.send(forJourney('j-1', 'second'));
        await local.send(forJourney('j-1', 'third'));

        const { fired } = await advanceTime(
          clock,
          service,
          noWaitingTasks,
          tracker,
          new Date('2026-11-26T00:00:00Z'),
        );

        expect(fired).toBe(3);
        expect(seen.mostInOneLane).toBe(1);
        expect(seen.order.filter((entry) => entry.startsWith('j-1/'))).toEqual([
          'j-1/first@2026-11-25T00:00:00.000Z',
          'j-1/second@2026-11-25T00:00:00.000Z',
        ]);
      } finally {
        await service.close();
      }
    });

    it('does not fire one that a target in another lane deleted or moved before its turn came', async () => {
      const { service, client: local, seen } = await startWith(1);
      onFire = async (payload) => {
        if ((payload as { timer: string }).timer === 'first') {
          await local.send(new DeleteScheduleCommand({ Name: 'j-2-deleted', GroupName: GROUP }));
          await local.send(
            new UpdateScheduleCommand(forJourney('j-3', 'moved', '2026-11-27T00:00:00').input),
          );
        }
      };
      try {
        await local.send(forJourney('j-1', 'first'));
        await local.send(forJourney('j-2', 'deleted'));
        await local.send(forJourney('j-3', 'moved'));

        const { fired } = await advanceTime(
          clock,
          service,
          noWaitingTasks,
          tracker,
          new Date('2026-11-28T00:00:00Z'),
        );

        expect(fired).toBe(2);
        expect(seen.order).toEqual([
          'j-1/first@2026-11-25T00:00:00.000Z',
          'j-3/moved@2026-11-27T00:00:00.000Z',
        ]);
      } finally {
        await service.close();
      }
    });
  });

  it('fires due schedules on its own while the clock ticks', async () => {
    await client.send(timer('soon', '2026-11-24T03:00:00'));

    // One virtual hour per real millisecond: two hours pass in two milliseconds.
    clock.startTicking(3_600_000);
    await vi.waitFor(() => expect(firings).toHaveLength(1), { timeout: 2_000 });
    clock.stopTicking();

    expect(firings[0]?.payload).toEqual({ journeyId: 'j-1', timer: 'soon' });
  });
});
