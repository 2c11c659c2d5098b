import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';
import { type StepFunctionsService, startStepFunctionsService } from '#infra/local/step-functions-service.ts';
import { localClientConfig } from './local-clients.ts';

const NOW = Date.parse('2026-11-24T01:00:00Z');
const DAY_SECONDS = 24 * 60 * 60;
const machineArn = (name: string) => `arn:aws:states:ap-northeast-1:000000000000:stateMachine:${name}`;
const fn = (name: string) => `arn:aws:lambda:ap-northeast-1:000000000000:function:${name}`;

const invokeTask = (functionName: string, extra: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: fn(functionName), 'Payload.$': '$' },
  ...extra,
});

const callbackTask = (
  functionName: string,
  payload: Record<string, unknown>,
  extra: Record<string, unknown>,
) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: fn(functionName), Payload: { ...payload, 'taskToken.$': '$$.Task.Token' } },
  ...extra,
});

const machines = {
  Greeting: {
    StartAt: 'Greet',
    States: {
      Greet: invokeTask('greet', {
        ResultSelector: { 'greeting.$': '$.Payload' },
        ResultPath: '$.result',
        End: true,
      }),
    },
  },
  Insight: {
    StartAt: 'GatherInsight',
    States: {
      GatherInsight: {
        Type: 'Map',
        ItemsPath: '$.interviewers',
        ItemSelector: { 'journeyId.$': '$.journeyId', 'interviewer.$': '$$.Map.Item.Value.index' },
        MaxConcurrency: 0,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'RequestInsight',
          States: {
            RequestInsight: callbackTask(
              'request-form',
              { 'journeyId.$': '$.journeyId', 'interviewer.$': '$.interviewer' },
              { End: true },
            ),
          },
        },
        ResultPath: '$.insights',
        Next: 'Decide',
      },
      Decide: {
        Type: 'Choice',
        Choices: [{ Variable: '$.insights[0].verdict', StringEquals: 'hire', Next: 'Hire' }],
        Default: 'Pass',
      },
      Hire: { Type: 'Succeed' },
      Pass: { Type: 'Fail', Error: 'NotHired', Cause: 'The first interviewer said no' },
    },
  },
  Flaky: {
    StartAt: 'CallFlaky',
    States: {
      CallFlaky: invokeTask('flaky', {
        Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'FlagForAttention' }],
        Next: 'Done',
      }),
      FlagForAttention: invokeTask('flag', { ResultPath: null, End: true }),
      Done: { Type: 'Succeed' },
    },
  },
  Waiting: {
    StartAt: 'AwaitAnswer',
    States: {
      AwaitAnswer: callbackTask(
        'ask',
        { 'journeyId.$': '$.journeyId' },
        {
          Retry: [{ ErrorEquals: ['AskAgain'], MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['Declined'], ResultPath: '$.failure', Next: 'CloseAsDeclined' }],
          ResultPath: '$.answer',
          Next: 'Answered',
        },
      ),
      Answered: { Type: 'Succeed' },
      CloseAsDeclined: invokeTask('close', { End: true }),
    },
  },
  // Asks again and again on one task: each ask must come within the heartbeat, all of them within the timeout.
  Asking: {
    StartAt: 'AwaitFinalAnswer',
    States: {
      AwaitFinalAnswer: callbackTask(
        'ask',
        { 'journeyId.$': '$.journeyId' },
        {
          TimeoutSeconds: 30 * DAY_SECONDS,
          HeartbeatSeconds: 5 * DAY_SECONDS,
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'FlagForAttention' }],
          End: true,
        },
      ),
      FlagForAttention: invokeTask('flag', { ResultPath: null, End: true }),
    },
  },
  Context: {
    StartAt: 'Look',
    States: {
      Look: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: fn('look'),
          Payload: {
            'executionId.$': '$$.Execution.Id',
            'executionName.$': '$$.Execution.Name',
            'input.$': '$$.Execution.Input',
            'machine.$': '$$.StateMachine.Name',
            'machineId.$': '$$.StateMachine.Id',
          },
        },
        End: true,
      },
    },
  },
  Outcome: {
    StartAt: 'DecisionMade',
    States: {
      DecisionMade: {
        Type: 'Choice',
        Choices: [
          {
            And: [
              { Variable: '$.outcome.decision', StringEquals: 'undecided' },
              { Variable: '$.outcome.askAgainAt', IsNull: false },
            ],
            Next: 'WaitBeforeAskingAgain',
          },
          { Variable: '$.note', IsPresent: false, Next: 'CloseWithoutNote' },
        ],
        Default: 'CloseAsLapsed',
      },
      WaitBeforeAskingAgain: { Type: 'Succeed' },
      CloseWithoutNote: { Type: 'Succeed' },
      CloseAsLapsed: { Type: 'Succeed' },
    },
  },
  Pause: {
    StartAt: 'Breathe',
    States: {
      Breathe: { Type: 'Wait', Seconds: 1, Next: 'Resume' },
      Resume: invokeTask('resume', { End: true }),
    },
  },
  Broken: {
    StartAt: 'Explode',
    States: { Explode: invokeTask('explode', { End: true }) },
  },
};

interface Invocation {
  functionArn: string;
  payload: Record<string, unknown>;
}

class PartnerDownError extends Error {
  override name = 'PartnerDownError';
}

/** What each fake Lambda answers; the others answer `{ ok: true }`. */
const lambdas: Record<string, (payload: Record<string, unknown>) => unknown> = {
  [fn('greet')]: (payload) => `hello ${payload.who}`,
  [fn('flaky')]: () => {
    throw new PartnerDownError('the partner API is down');
  },
  [fn('explode')]: () => {
    throw new TypeError('cannot read properties of undefined');
  },
};

const invocations: Invocation[] = [];
const tracker = new ActivityTracker();
let service: StepFunctionsService;
let sfn: SFNClient;
/** Virtual time as the service reads it; it only ever moves forward. */
let virtualNow = NOW;

// One service for the file: checking each definition (asl-validator) takes a noticeable fraction of a second.
beforeAll(async () => {
  service = await startStepFunctionsService({
    definitions: Object.fromEntries(Object.entries(machines).map(([name, asl]) => [machineArn(name), asl])),
    invokeFunction: async (functionArn, payload) => {
      invocations.push({ functionArn, payload: payload as Record<string, unknown> });
      // A real handler takes a few turns of I/O: the tracker must not call the system idle meanwhile.
      await sleep(2);
      return (lambdas[functionArn] ?? (() => ({ ok: true })))(payload as Record<string, unknown>);
    },
    tracker,
    now: () => virtualNow,
  });
  sfn = new SFNClient(localClientConfig(service.url));
});

beforeEach(() => {
  invocations.length = 0;
});

afterAll(async () => {
  await service.close();
});

const start = async (machine: keyof typeof machines, name: string, input: unknown) => {
  const { executionArn = '' } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: machineArn(machine), name, input: JSON.stringify(input) }),
  );
  await tracker.whenIdle();
  return executionArn;
};

const describeExecution = (executionArn: string) => sfn.send(new DescribeExecutionCommand({ executionArn }));

const history = async (executionArn: string): Promise<HistoryEvent[]> =>
  (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];

const enteredStates = (events: HistoryEvent[]) =>
  events.flatMap((event) => (event.stateEnteredEventDetails ? [event.stateEnteredEventDetails.name] : []));

const tokensSentTo = (functionName: string) =>
  invocations
    .filter((call) => call.functionArn === fn(functionName))
    .map((call) => String(call.payload.taskToken));

describe('the local Step Functions service', () => {
  it('runs a lambda:invoke task through invokeFunction and reports the execution like Step Functions', async () => {
    const started = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('Greeting'),
        name: 'j-1',
        input: '{"who":"Hanako"}',
      }),
    );
    await tracker.whenIdle();
    const described = await describeExecution(started.executionArn ?? '');
    const events = await history(started.executionArn ?? '');

    expect(started.executionArn).toBe('arn:aws:states:ap-northeast-1:000000000000:execution:Greeting:j-1');
    expect(started.startDate).toEqual(new Date(NOW));
    expect(invocations).toEqual([{ functionArn: fn('greet'), payload: { who: 'Hanako' } }]);
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      name: 'j-1',
      input: '{"who":"Hanako"}',
      output: '{"who":"Hanako","result":{"greeting":"hello Hanako"}}',
      stopDate: new Date(NOW),
    });
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[5]?.stateExitedEventDetails?.name).toBe('Greet');
  });

  it('waits in a Map for one task token per item and resumes on SendTaskSuccess', async () => {
    const executionArn = await start('Insight', 'j-2', {
      journeyId: 'j-2',
      interviewers: [{ index: 0 }, { index: 1 }],
    });
    const whileWaiting = await describeExecution(executionArn);
    const [first, second] = tokensSentTo('request-form');

    await sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: '{"verdict":"hire"}' }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: '{"verdict":"maybe"}' }));
    await tracker.whenIdle();
    const described = await describeExecution(executionArn);
    const events = await history(executionArn);

    expect(whileWaiting.status).toBe('RUNNING');
    expect(invocations.map((call) => call.payload)).toEqual([
      { journeyId: 'j-2', interviewer: 0, taskToken: first },
      { journeyId: 'j-2', interviewer: 1, taskToken: second },
    ]);
    expect(first).not.toBe(second);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output ?? '').insights).toEqual([{ verdict: 'hire' }, { verdict: 'maybe' }]);
    expect(enteredStates(events)).toEqual([
      'GatherInsight',
      'RequestInsight',
      'RequestInsight',
      'Decide',
      'Hire',
    ]);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'MapStateEntered',
        'MapIterationStarted',
        'MapIterationSucceeded',
        'MapStateExited',
      ]),
    );
    expect(events.filter((event) => event.type === 'MapIterationSucceeded')).toHaveLength(2);
  });

  it('follows the Choice to a Fail state and reports its error and cause', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const executionArn = await start('Insight', 'j-3', { journeyId: 'j-3', interviewers: [{ index: 0 }] });

    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: tokensSentTo('request-form')[0], output: '{"verdict":"no"}' }),
    );
    await tracker.whenIdle();
    const described = await describeExecution(executionArn);
    const events = await history(executionArn);

    expect(described).toMatchObject({
      status: 'FAILED',
      error: 'NotHired',
      cause: 'The first interviewer said no',
    });
    expect(enteredStates(events).slice(-2)).toEqual(['Decide', 'Pass']);
    expect(events.map((event) => event.type).slice(-3)).toEqual([
      'ChoiceStateExited',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
  });

  it.each([
    ['a date to ask again', { askAgainAt: '2026-11-26T00:00:00Z' }, {}, 'WaitBeforeAskingAgain'],
    ['no date and no note', { askAgainAt: null }, {}, 'CloseWithoutNote'],
    ['no date but a note', { askAgainAt: null }, { note: 'called' }, 'CloseAsLapsed'],
  ])(
    'reads IsNull and IsPresent given false as Step Functions does: %s',
    async (_case, outcome, extra, expected) => {
      const name = `outcome-${expected}`;
      const executionArn = await start('Outcome', name, {
        outcome: { decision: 'undecided', ...outcome },
        ...extra,
      });

      expect(enteredStates(await history(executionArn))).toEqual(['DecisionMade', expected]);
    },
  );

  it('retries a failing Lambda on States.TaskFailed without real waits, then catches it', async () => {
    const startedAt = performance.now();
    const executionArn = await start('Flaky', 'j-4', { journeyId: 'j-4' });
    const described = await describeExecution(executionArn);
    const events = await history(executionArn);

    // Real pauses of 2 s and 4 s would take 6 s; locally they last a fraction of that (wide margin for busy machines).
    expect(performance.now() - startedAt).toBeLessThan(4_000);
    expect(invocations.map((call) => call.functionArn)).toEqual([
      fn('flaky'),
      fn('flaky'),
      fn('flaky'),
      fn('flag'),
    ]);
    expect(invocations[3]?.payload.failure).toEqual({
      Error: 'PartnerDownError',
      Cause: JSON.stringify({ errorType: 'PartnerDownError', errorMessage: 'the partner API is down' }),
    });
    expect(described.status).toBe('SUCCEEDED');
    expect(
      events
        .filter((event) => event.type === 'TaskFailed')
        .map((event) => event.taskFailedEventDetails?.error),
    ).toEqual(['PartnerDownError', 'PartnerDownError', 'PartnerDownError']);
    expect(enteredStates(events)).toEqual(['CallFlaky', 'FlagForAttention']);
  });

  it('fails the execution on an uncaught Lambda error without harming the process', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const executionArn = await start('Broken', 'j-5', {});
    const described = await describeExecution(executionArn);
    const events = await history(executionArn);

    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('TypeError');
    expect(JSON.parse(described.cause ?? '')).toEqual({
      errorType: 'TypeError',
      errorMessage: 'cannot read properties of undefined',
    });
    expect(events.at(-1)?.type).toBe('ExecutionFailed');
  });

  it('treats a repeated start with the same name and input as the same execution', async () => {
    const startWaiting = (name: string, input: string) =>
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn('Waiting'), name, input }));

    const first = await startWaiting('j-6', '{"journeyId":"j-6"}');
    const again = await startWaiting('j-6', '{"journeyId":"j-6"}');
    await tracker.whenIdle();

    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    expect(invocations).toHaveLength(1);
    await expect(startWaiting('j-6', '{"journeyId":"other"}')).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn('Missing'), name: 'j-6' })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(startWaiting('has space', '{}')).rejects.toMatchObject({ name: 'InvalidName' });
    await expect(startWaiting('j-6b', '{')).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
  });

  it('refuses a start by a name whose execution has ended, as Step Functions does', async () => {
    await start('Greeting', 'j-7', {});

    await expect(start('Greeting', 'j-7', {})).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('answers TaskTimedOut for a token whose task is over and InvalidToken for one it never issued', async () => {
    await start('Waiting', 'j-8', { journeyId: 'j-8' });
    const [taskToken] = tokensSentTo('ask');

    await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"accepted"}' }));

    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'made-up', output: '{}' })),
    ).rejects.toMatchObject({
      name: 'InvalidToken',
    });
  });

  it('times a callback task out on its HeartbeatSeconds unless a heartbeat comes, and on its TimeoutSeconds regardless', async () => {
    const began = virtualNow;
    const day = DAY_SECONDS * 1000;
    const heartbeatKept = await start('Asking', 'j-heartbeat', { journeyId: 'j-heartbeat' });
    const [taskToken] = tokensSentTo('ask');
    expect(service.nextTaskTimeout()).toBe(began + 5 * day);
    // A heartbeat every four days keeps it waiting past five, up to its thirty.
    for (let beat = 1; beat <= 7; beat++) {
      virtualNow = began + 4 * beat * day;
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
      service.timeOutTasks(virtualNow);
    }
    expect(service.nextTaskTimeout()).toBe(began + 30 * day);
    expect((await describeExecution(heartbeatKept)).status).toBe('RUNNING');
    service.timeOutTasks(began + 30 * day);
    await tracker.whenIdle();
    expect(invocations.at(-1)).toMatchObject({
      functionArn: fn('flag'),
      payload: { failure: { Error: 'States.Timeout' } },
    });

    const silent = await start('Asking', 'j-silent', { journeyId: 'j-silent' });
    service.timeOutTasks(virtualNow + 5 * day - 1);
    expect((await describeExecution(silent)).status).toBe('RUNNING');
    service.timeOutTasks(virtualNow + 5 * day);
    await tracker.whenIdle();
    expect(invocations.at(-1)).toMatchObject({
      functionArn: fn('flag'),
      payload: { failure: { Error: 'States.HeartbeatTimeout' } },
    });
  });

  it('fails a waiting task with SendTaskFailure so Retry and Catch match the error, with a fresh token per attempt', async () => {
    const executionArn = await start('Waiting', 'j-9', { journeyId: 'j-9' });

    const [firstToken] = tokensSentTo('ask');
    await sfn.send(
      new SendTaskFailureCommand({ taskToken: firstToken, error: 'AskAgain', cause: 'no answer yet' }),
    );
    await tracker.whenIdle();
    const [, secondToken] = tokensSentTo('ask');
    await sfn.send(
      new SendTaskFailureCommand({ taskToken: secondToken, error: 'Declined', cause: 'took another offer' }),
    );
    await tracker.whenIdle();
    const described = await describeExecution(executionArn);

    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: firstToken, output: '{}' })),
    ).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    expect(invocations.at(-1)).toMatchObject({
      functionArn: fn('close'),
      payload: { failure: { Error: 'Declined', Cause: 'took another offer' } },
    });
    expect(described.status).toBe('SUCCEEDED');
  });

  it('stops an execution: it is ABORTED, its waiting token is closed and no further task runs', async () => {
    const executionArn = await start('Waiting', 'j-10', { journeyId: 'j-10' });

    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'offer withdrawn' }));
    await tracker.whenIdle();
    const described = await describeExecution(executionArn);
    const events = await history(executionArn);

    await expect(
      sfn.send(new SendTaskFailureCommand({ taskToken: tokensSentTo('ask')[0], error: 'Declined' })),
    ).rejects.toMatchObject({ name: 'TaskTimedOut' });
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Withdrawn', cause: 'offer withdrawn' });
    expect(invocations).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Withdrawn', cause: 'offer withdrawn' },
    });
  });

  it('counts a real-time Wait state as activity, so idle means waiting on a person', async () => {
    await start('Pause', 'j-13', {});

    expect(invocations.map((call) => call.functionArn)).toEqual([fn('resume')]);
  });

  it('hands the Lambda the context object Step Functions would', async () => {
    await start('Context', 'j-11', { a: 1 });

    expect(invocations.map((call) => call.payload)).toEqual([
      {
        executionId: 'arn:aws:states:ap-northeast-1:000000000000:execution:Context:j-11',
        executionName: 'j-11',
        input: { a: 1 },
        machine: 'Context',
        machineId: machineArn('Context'),
      },
    ]);
  });

  it('lists executions and pages through a history', async () => {
    await start('Greeting', 'j-12', {});

    const listed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn('Greeting'), statusFilter: 'SUCCEEDED' }),
    );
    const executionArn = listed.executions?.[0]?.executionArn;
    const firstPage = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 4 }));
    const secondPage = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 4, nextToken: firstPage.nextToken }),
    );
    const newestFirst = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));

    expect(listed.executions?.map((execution) => execution.name)).toEqual(['j-12', 'j-7', 'j-1']);
    expect(firstPage.events?.map((event) => event.id)).toEqual([1, 2, 3, 4]);
    expect(secondPage.events?.map((event) => event.id)).toEqual([5, 6, 7]);
    expect(secondPage.nextToken).toBeUndefined();
    expect(newestFirst.events?.[0]?.type).toBe('ExecutionSucceeded');
  });

  it('forgets the name of an execution 90 days after it closed: the same name then starts a new one', async () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    const first = await start('Greeting', 'j-7b', {});
    const closedAt = (await describeExecution(first)).stopDate?.getTime() ?? 0;

    virtualNow = closedAt + 89 * DAY_MS;
    await expect(start('Greeting', 'j-7b', {})).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    virtualNow = closedAt + 90 * DAY_MS;
    const again = await start('Greeting', 'j-7b', {});

    expect(again).toBe(first);
    expect((await describeExecution(again)).startDate?.getTime()).toBe(virtualNow);
    expect(invocations.filter((call) => call.functionArn === fn('greet'))).toHaveLength(2);
  });

  it('times out an execution still running a year after it started, as Step Functions does', async () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    virtualNow += DAY_MS;
    const startedAt = virtualNow;
    const longRunning = await start('Waiting', 'j-14', { journeyId: 'j-14' });
    const [taskToken] = tokensSentTo('ask');

    virtualNow = startedAt + 364 * DAY_MS;
    const withinTheYear = await describeExecution(longRunning);
    virtualNow = startedAt + 366 * DAY_MS;
    const afterTheYear = await describeExecution(longRunning);
    const events = await history(longRunning);

    expect(withinTheYear.status).toBe('RUNNING');
    expect(afterTheYear).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(afterTheYear.stopDate?.getTime()).toBe(startedAt + 365 * DAY_MS);
    expect(events.at(-1)).toMatchObject({ type: 'ExecutionTimedOut' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    expect(invocations.map((call) => call.functionArn)).toEqual([fn('ask')]);
  });

  it('refuses at start-up a machine with a task it cannot run locally', async () => {
    await expect(
      startStepFunctionsService({
        definitions: {
          [machineArn('Sdk')]: {
            StartAt: 'Put',
            States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } },
          },
        },
        invokeFunction: async () => null,
        tracker,
        now: () => NOW,
      }),
    ).rejects.toThrow(/Put uses arn:aws:states:::dynamodb:putItem/);
  });
});
