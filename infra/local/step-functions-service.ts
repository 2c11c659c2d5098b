import '#infra/local/promise-with-resolvers.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RunOptions, StateMachine, StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ActivityTracker } from '#infra/local/activity.ts';
import { listenAwsJson, ServiceError } from '#infra/local/aws-json-service.ts';
import { type EngineEvent, ExecutionHistory, type HistoryEvent } from '#infra/local/execution-history.ts';

export interface StepFunctionsServiceOptions {
  /** ASL JSON by state machine ARN (`arn:aws:states:<region>:<account>:stateMachine:<name>`). */
  definitions: Record<string, object>;
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  tracker: ActivityTracker;
  now: () => number;
  /** Sees every event of every execution's log as it happens (the benchmark counts state transitions). */
  observe?: (event: EngineEvent) => void;
  /**
   * Check each definition against the ASL schema (asl-validator, about half a second a machine). Definitions from
   * the template cache were checked when they were synthesized and cached.
   * @default true
   */
  validate?: boolean;
  /**
   * Wait out Retry intervals in real seconds, with their backoff and jitter, as AWS does: a benchmark of what
   * retries cost needs them as they are. Otherwise each second lasts RETRY_MS_PER_SECOND (capped), for tests.
   * @default false
   */
  realRetryIntervals?: boolean;
}

export interface StepFunctionsService {
  url: string;
  /**
   * When the first waiting task runs out its TimeoutSeconds, or its HeartbeatSeconds since it began or last
   * heard a heartbeat (epoch ms of virtual time), if any waits.
   */
  nextTaskTimeout(): number | undefined;
  /** Times out every task whose time ran out by `upTo`, as Step Functions would have then. */
  timeOutTasks(upTo: number): void;
  close(): Promise<void>;
}

type State = StateMachineDefinition['States'][string];
type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Awaited<ReturnType<TaskHandlers[string]>>;
type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
type Request = Record<string, unknown>;

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_INVOKE_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
/** Node fires a timer longer than 2^31-1 ms at once, and the library's timeouts are plain timers. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/** How long one second of a Retry interval lasts locally. */
const RETRY_MS_PER_SECOND = 250;
const MAX_RETRY_PAUSE_MS = 1_000;
/** Step Functions ends a Standard execution that has run for a year: TIMED_OUT, with `States.Timeout`. */
const MAX_EXECUTION_MS = 365 * 24 * 60 * 60 * 1000;
/** Step Functions keeps a closed execution's name for 90 days; after that the name starts a new execution. */
const NAME_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

interface LocalMachine {
  arn: string;
  name: string;
  region: string;
  account: string;
  asl: StateMachineDefinition;
  /** Made on the first execution, or at once when definitions are checked. */
  engine?: StateMachine;
  /** Resource of every Task state, nested ones included, by state name (names are unique in a machine). */
  taskResources: Map<string, string>;
  retryIntervals: Record<string, number[]>;
  /** TimeoutSeconds of every callback task that has one, by state name: counted on the virtual clock. */
  callbackTimeouts: Map<string, number>;
  /** HeartbeatSeconds of every callback task that has one, by state name: counted on the virtual clock. */
  callbackHeartbeats: Map<string, number>;
}

interface Execution {
  arn: string;
  name: string;
  machine: LocalMachine;
  input: string;
  startDate: number;
  status: ExecutionStatus;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  history: ExecutionHistory;
  /** Every token this execution handed out, so they can be closed when it ends. */
  tokens: string[];
  /** Tokens read from `$$.Task.Token` since the last Task state started: the next one to start takes them. */
  unclaimedTokens: string[];
  /** Wait states sleeping on real time, which count as activity until they end. */
  waitStates: Map<string, () => void>;
  abort: () => void;
}

interface Callback {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A callback task waiting on its token, when it has a TimeoutSeconds or a HeartbeatSeconds: until `timeoutAt`,
 * and until `heartbeatSeconds` after `heardAt` (virtual epoch ms).
 */
interface WaitingTask {
  execution: Execution;
  stateName: string;
  timeoutAt: number;
  heartbeatSeconds?: number;
  heardAt: number;
  callback: Callback;
}

/** When the task times out, and with which error. */
const deadlineOf = (
  waiting: WaitingTask,
): { at: number; error: 'States.Timeout' | 'States.HeartbeatTimeout' } => {
  const silentAt =
    waiting.heartbeatSeconds === undefined ? Infinity : waiting.heardAt + waiting.heartbeatSeconds * 1000;
  return silentAt < waiting.timeoutAt
    ? { at: silentAt, error: 'States.HeartbeatTimeout' }
    : { at: waiting.timeoutAt, error: 'States.Timeout' };
};

interface IssuedToken {
  execution: Execution;
  /** Set while a waitForTaskToken task waits on this token. */
  callback?: Callback;
  /** Set while that task has a time limit: a heartbeat on the token moves it. */
  waiting?: WaitingTask;
  closed: boolean;
}

/** A task failure as Step Functions reports it: Retry and Catch match on `name`, the error of the failure. */
class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/**
 * Ends a task in a way no Retry or Catch may handle (the library reads these two flags): the execution was
 * stopped, or the task's parameters are unusable. Retrying would invoke a Lambda for a stopped execution.
 */
class TaskHalted extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message: string) {
    super(message);
    this.name = 'States.Runtime';
  }
}

/**
 * A task that ran out its TimeoutSeconds or HeartbeatSeconds. Step Functions never matches `States.Timeout` or
 * `States.HeartbeatTimeout` with the `States.TaskFailed` retriers the journeys use; the library would (it spares
 * only its own timeout error), so this one declares itself not retryable and goes straight to the Catch.
 */
class TaskTimedOut extends Error {
  readonly isRetryable = false;
  constructor(stateName: string, error: 'States.Timeout' | 'States.HeartbeatTimeout') {
    super(
      error === 'States.Timeout'
        ? `${stateName} waited longer than its TimeoutSeconds`
        : `${stateName} heard no heartbeat within its HeartbeatSeconds`,
    );
    this.name = error;
  }
}

const seconds = (epochMs: number | undefined) => (epochMs === undefined ? undefined : epochMs / 1000);

const optionalString = (request: Request, field: string): string | undefined => {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ServiceError('ValidationException', `${field} must be a string`);
  return value;
};

const requiredString = (request: Request, field: string): string => {
  const value = optionalString(request, field);
  if (value === undefined) {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
};

/** Step Functions' rule: 1 to 80 characters, no whitespace, brackets, wildcards or URL-special characters. */
const VALID_EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

const paginate = <T>(items: T[], request: Request): { page: T[]; nextToken?: string } => {
  const requested = request.maxResults;
  const size =
    typeof requested === 'number' && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const token = optionalString(request, 'nextToken');
  const offset = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
    throw new ServiceError('InvalidToken', 'Invalid Token: the nextToken was not issued by this call');
  }
  const end = offset + size;
  return {
    page: items.slice(offset, end),
    nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  };
};

const TYPE_TESTS = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'];

/**
 * aws-local-stepfunctions 3.0.0 never matches a type test given `false` (`"IsNull": false` is always false,
 * where Step Functions reads it as "is not null"). `Not` around the same test given `true` means the same to
 * Step Functions and runs right locally.
 */
const negateFalseTypeTests = (rule: Record<string, unknown>): Record<string, unknown> => {
  const test = TYPE_TESTS.find((name) => rule[name] === false);
  if (test) {
    const { Next, [test]: _false, ...comparison } = rule;
    return { ...(Next === undefined ? {} : { Next }), Not: { ...comparison, [test]: true } };
  }
  const nested = (value: unknown) => negateFalseTypeTests(value as Record<string, unknown>);
  return {
    ...rule,
    ...(Array.isArray(rule.And) ? { And: rule.And.map(nested) } : {}),
    ...(Array.isArray(rule.Or) ? { Or: rule.Or.map(nested) } : {}),
    ...(rule.Not ? { Not: nested(rule.Not) } : {}),
  };
};

type EngineLibrary = typeof import('aws-local-stepfunctions');
let engineLibrary: Promise<EngineLibrary> | undefined;
/** aws-local-stepfunctions, loaded once, when first needed: a start that runs no execution does not wait for it. */
const loadEngineLibrary = (): Promise<EngineLibrary> => {
  engineLibrary ??= import('aws-local-stepfunctions');
  return engineLibrary;
};

/**
 * Takes a state machine as synthesized and makes it runnable by aws-local-stepfunctions on virtual time.
 * Only Lambda tasks are supported: anything else fails here, when the runtime starts, rather than mid-journey.
 */
const prepareMachine = (arn: string, definition: object): LocalMachine => {
  const parts = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):stateMachine:([\w-]{1,80})$/.exec(arn);
  if (!parts) throw new Error(`not a state machine ARN: ${arn}`);
  const [, region = '', account = '', name = ''] = parts;
  const asl = structuredClone(definition) as StateMachineDefinition;
  const taskResources = new Map<string, string>();
  const callbackTimeouts = new Map<string, number>();
  const callbackHeartbeats = new Map<string, number>();
  const retryIntervals: Record<string, number[]> = {};

  const visit = (states: Record<string, State>) => {
    for (const [stateName, state] of Object.entries(states)) {
      // Retry intervals are real seconds; locally each second lasts RETRY_MS_PER_SECOND (capped), so retries
      // still ride out a short outage the way they would on AWS, without stalling tests for seconds.
      if ('Retry' in state && state.Retry) {
        retryIntervals[stateName] = state.Retry.map((retrier) =>
          Math.min((retrier.IntervalSeconds ?? 1) * RETRY_MS_PER_SECOND, MAX_RETRY_PAUSE_MS),
        );
      }
      if (state.Type === 'Task') {
        if (state.Resource !== LAMBDA_INVOKE && state.Resource !== LAMBDA_INVOKE_CALLBACK) {
          throw new Error(
            `${name}: state ${stateName} uses ${state.Resource}; the local Step Functions runs only ` +
              `${LAMBDA_INVOKE} and ${LAMBDA_INVOKE_CALLBACK}`,
          );
        }
        taskResources.set(stateName, state.Resource);
        if (state.Resource === LAMBDA_INVOKE_CALLBACK) {
          // The library times tasks out on real time (60 s unless told), but a callback task waits for a
          // person for days of virtual time: real time must never end it. Its own limit runs on the virtual
          // clock (`timeOutTasks`).
          if (state.TimeoutSeconds !== undefined) callbackTimeouts.set(stateName, state.TimeoutSeconds);
          // The library's types and engine know no heartbeats: the limit is read here and kept here.
          const { HeartbeatSeconds: heartbeat } = state as { HeartbeatSeconds?: number };
          if (heartbeat !== undefined) callbackHeartbeats.set(stateName, heartbeat);
          delete state.TimeoutSecondsPath;
          state.TimeoutSeconds = MAX_TIMER_SECONDS;
        } else if (state.TimeoutSeconds !== undefined) {
          state.TimeoutSeconds = Math.min(state.TimeoutSeconds, MAX_TIMER_SECONDS);
        }
      } else if (state.Type === 'Choice') {
        state.Choices = state.Choices.map((rule) => negateFalseTypeTests(rule) as typeof rule);
      } else if (state.Type === 'Map') {
        const processor = state.ItemProcessor ?? state.Iterator;
        if (processor) visit(processor.States);
      } else if (state.Type === 'Parallel') {
        for (const branch of state.Branches) visit(branch.States);
      }
    }
  };
  visit(asl.States);
  if (asl.TimeoutSeconds !== undefined) asl.TimeoutSeconds = Math.min(asl.TimeoutSeconds, MAX_TIMER_SECONDS);
  return {
    arn,
    name,
    region,
    account,
    asl,
    taskResources,
    retryIntervals,
    callbackTimeouts,
    callbackHeartbeats,
  };
};

/**
 * A local stand-in for the Step Functions API (AWS JSON 1.0 protocol) that runs the synthesized state machines
 * with aws-local-stepfunctions, invokes Lambda tasks through `invokeFunction`, and hands out task tokens the
 * real `SendTaskSuccess`/`SendTaskFailure` calls resume. Point the SDK at it with AWS_ENDPOINT_URL_SFN.
 *
 * An execution's progress is visible to the tracker as its Lambda invocations and Wait states; everything in
 * between (state transitions, retries with their intervals set to 0) runs on promise callbacks, which the
 * tracker's quiet turns outlast. So "idle" means every execution is waiting on a task token or has ended.
 */
export const startStepFunctionsService = async (
  options: StepFunctionsServiceOptions,
): Promise<StepFunctionsService> => {
  const { invokeFunction, tracker, now } = options;
  const validate = options.validate ?? true;
  const machines = new Map(
    Object.entries(options.definitions).map(([arn, definition]) => [arn, prepareMachine(arn, definition)]),
  );
  const engineOf = (library: EngineLibrary, machine: LocalMachine): StateMachine => {
    machine.engine ??= new library.StateMachine(machine.asl, {
      validationOptions: { noValidate: !validate },
    });
    return machine.engine;
  };
  // A definition that is checked fails here, when the runtime starts; one that is not (from the template cache)
  // leaves loading the engine to the first execution.
  if (validate) {
    const library = await loadEngineLibrary();
    for (const machine of machines.values()) engineOf(library, machine);
  }
  const executions = new Map<string, Execution>();
  const issuedTokens = new Map<string, IssuedToken>();
  const waitingTasks = new Set<WaitingTask>();

  const mintToken = (execution: Execution): string => {
    const token = randomBytes(48).toString('base64url');
    issuedTokens.set(token, { execution, closed: false });
    execution.tokens.push(token);
    execution.unclaimedTokens.push(token);
    return token;
  };

  const closeToken = (token: string): void => {
    const issued = issuedTokens.get(token);
    if (!issued) return;
    issued.closed = true;
    issued.callback = undefined;
    issued.waiting = undefined;
  };

  /** Marks the execution over, then releases what it still holds: waiting tasks, Wait states, tokens. */
  const finish = (
    execution: Execution,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    result: Partial<Execution>,
  ) => {
    if (execution.status !== 'RUNNING') return;
    Object.assign(execution, { stopDate: now() }, result, { status });
    for (const token of execution.tokens) {
      // A task still waiting must settle, or its (month-long) timeout timer keeps the process alive.
      issuedTokens.get(token)?.callback?.reject(new TaskHalted(`execution ${execution.name} is ${status}`));
      closeToken(token);
    }
    execution.unclaimedTokens = [];
    for (const release of execution.waitStates.values()) release();
    execution.waitStates.clear();
  };

  const stop = (execution: Execution, error: string | undefined, cause: string | undefined) => {
    if (execution.status !== 'RUNNING') return;
    execution.history.add('ExecutionAborted', { executionAbortedEventDetails: { error, cause } });
    finish(execution, 'ABORTED', { error, cause });
    execution.abort();
  };

  /**
   * Ends every execution that has outlived a year of virtual time, as Step Functions would have at that moment.
   * Only a call can observe an execution, so checking before each call answers every caller as AWS would.
   */
  const timeOutOutlived = () => {
    const at = now();
    for (const execution of executions.values()) {
      const deadline = execution.startDate + MAX_EXECUTION_MS;
      if (execution.status !== 'RUNNING' || at < deadline) continue;
      const error = 'States.Timeout';
      const cause = 'The execution ran for longer than a year, the most a Standard execution may.';
      execution.history.add('ExecutionTimedOut', {
        timestamp: deadline,
        executionTimedOutEventDetails: { error, cause },
      });
      finish(execution, 'TIMED_OUT', { error, cause, stopDate: deadline });
      execution.abort();
    }
  };

  const invoke = async (execution: Execution, stateName: string, input: unknown): Promise<unknown> => {
    if (execution.status !== 'RUNNING') {
      throw new TaskHalted(`execution ${execution.name} is ${execution.status}`);
    }
    const { FunctionName, Payload } = (input ?? {}) as { FunctionName?: unknown; Payload?: unknown };
    if (typeof FunctionName !== 'string') {
      throw new TaskHalted(`${stateName}: its Parameters give no FunctionName`);
    }
    try {
      return await tracker.track(invokeFunction(FunctionName, Payload ?? {}));
    } catch (error) {
      // What Step Functions reports for a function error: the errorType as the error, the Lambda's error
      // document as the cause. Retry on States.TaskFailed matches it because it is thrown from a Task state.
      const errorType = error instanceof Error && error.name ? error.name : 'Error';
      const errorMessage = error instanceof Error ? error.message : String(error);
      throw new TaskFailure(errorType, JSON.stringify({ errorType, errorMessage }));
    }
  };

  const runInvokeTask = async (execution: Execution, stateName: string, input: unknown) => {
    execution.unclaimedTokens = [];
    const payload = await invoke(execution, stateName, input);
    return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 } as JsonValue;
  };

  const runCallbackTask = async (execution: Execution, stateName: string, input: unknown) => {
    // The token was minted while the library built this task's Parameters, synchronously before this call,
    // so the unclaimed tokens found in the Payload are this task's.
    const payload = JSON.stringify((input as { Payload?: unknown } | null)?.Payload) ?? '';
    const claimed = execution.unclaimedTokens.filter((token) => payload.includes(token));
    execution.unclaimedTokens = [];
    if (claimed.length === 0) {
      console.warn(
        `local Step Functions: ${stateName} passes no $$.Task.Token; it waits until the execution stops`,
      );
    }
    let callback: Callback | undefined;
    const outcome = new Promise<unknown>((resolve, reject) => {
      callback = { resolve, reject };
    });
    const timeout = execution.machine.callbackTimeouts.get(stateName);
    const heartbeatSeconds = execution.machine.callbackHeartbeats.get(stateName);
    const waiting =
      (timeout === undefined && heartbeatSeconds === undefined) || !callback
        ? undefined
        : {
            execution,
            stateName,
            timeoutAt: timeout === undefined ? Infinity : now() + timeout * 1000,
            heartbeatSeconds,
            heardAt: now(),
            callback,
          };
    for (const token of claimed) {
      const issued = issuedTokens.get(token);
      if (issued) Object.assign(issued, { callback, waiting });
    }
    if (waiting) waitingTasks.add(waiting);
    try {
      const invocation = invoke(execution, stateName, input);
      // The callback may come before the Lambda returns (even from the Lambda itself): the first outcome wins.
      return (await Promise.race([outcome, invocation.then(() => outcome)])) as JsonValue;
    } finally {
      if (waiting) waitingTasks.delete(waiting);
      for (const token of claimed) closeToken(token);
    }
  };

  const nextTaskTimeout = (): number | undefined => {
    let first: number | undefined;
    for (const waiting of waitingTasks) {
      const { at } = deadlineOf(waiting);
      if (waiting.execution.status === 'RUNNING' && (first === undefined || at < first)) first = at;
    }
    return first;
  };

  const timeOutTasks = (upTo: number): void => {
    for (const waiting of [...waitingTasks]) {
      const { at, error } = deadlineOf(waiting);
      if (waiting.execution.status !== 'RUNNING' || at > upTo) continue;
      waitingTasks.delete(waiting);
      waiting.callback.reject(new TaskTimedOut(waiting.stateName, error));
    }
  };

  const taskHandlers = (execution: Execution): TaskHandlers =>
    Object.fromEntries(
      [...execution.machine.taskResources].map(([stateName, resource]) => [
        stateName,
        (input: unknown) =>
          resource === LAMBDA_INVOKE_CALLBACK
            ? runCallbackTask(execution, stateName, input)
            : runInvokeTask(execution, stateName, input),
      ]),
    );

  /**
   * After a state fails, the library sleeps on a real timer the tracker cannot see before it retries, and
   * reports StateRetried only once that sleep is over. The failure counts as activity until the state is
   * retried, caught or left (or the execution ends), however long a busy machine takes to get there.
   */
  const trackRetries = (execution: Execution, event: EngineEvent) => {
    if (!('state' in event) || !event.state) return;
    const key = `retry:${event.state.name}#${event.index ?? ''}`;
    if (event.type === 'StateRetried' || event.type === 'StateCaught' || event.type === 'StateExited') {
      execution.waitStates.get(key)?.();
      execution.waitStates.delete(key);
      return;
    }
    if (event.type === 'StateFailed' && execution.status === 'RUNNING' && !execution.waitStates.has(key)) {
      tracker.track(new Promise<void>((resolve) => execution.waitStates.set(key, resolve)));
    }
  };

  /** A Wait state sleeps on a real timer the tracker cannot see; it counts as activity until it ends. */
  const trackWaitStates = (execution: Execution, event: EngineEvent) => {
    if (event.type !== 'StateEntered' && event.type !== 'StateExited' && event.type !== 'StateFailed') return;
    if (event.state.type !== 'Wait') return;
    const key = `${event.state.name}#${event.index ?? ''}`;
    execution.waitStates.get(key)?.();
    execution.waitStates.delete(key);
    if (event.type === 'StateEntered' && execution.status === 'RUNNING') {
      tracker.track(new Promise<void>((resolve) => execution.waitStates.set(key, resolve)));
    }
  };

  const startExecution = async (request: Request) => {
    const library = await loadEngineLibrary();
    const machineArn = requiredString(request, 'stateMachineArn');
    const machine = machines.get(machineArn);
    if (!machine) {
      throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${machineArn}'`);
    }
    const name = optionalString(request, 'name') ?? randomUUID();
    if (!VALID_EXECUTION_NAME.test(name)) throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = optionalString(request, 'input') ?? '{}';
    let parsedInput: JsonValue;
    try {
      parsedInput = JSON.parse(input) as JsonValue;
    } catch {
      throw new ServiceError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const arn = `arn:aws:states:${machine.region}:${machine.account}:execution:${machine.name}:${name}`;
    const existing = executions.get(arn);
    // Past the retention Step Functions has forgotten the closed execution, and this start is a new one. Until a
    // start takes its name, the stand-in keeps the closed one readable (AWS would not), so tests can inspect it.
    const forgotten = existing?.stopDate !== undefined && now() - existing.stopDate >= NAME_RETENTION_MS;
    if (existing && !forgotten) {
      // Step Functions' idempotency: only a running execution with the very same input is "the same start".
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn: arn, startDate: seconds(existing.startDate) };
      }
      throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }

    const roleArn = `arn:aws:iam::${machine.account}:role/${machine.name}-local`;
    const startDate = now();
    const execution: Execution = {
      arn,
      name,
      machine,
      input,
      startDate,
      status: 'RUNNING',
      history: new ExecutionHistory({
        now,
        taskResources: machine.taskResources,
        region: machine.region,
        roleArn,
      }),
      tokens: [],
      unclaimedTokens: [],
      waitStates: new Map(),
      abort: () => undefined,
    };
    executions.set(arn, execution);
    const context = {
      // The library adds Input, and StartTime from the real clock (it cannot be given the virtual one).
      Execution: { Id: arn, Name: name, RoleArn: roleArn },
      StateMachine: { Id: machine.arn, Name: machine.name },
      // Read once per task attempt while its Parameters are built: each attempt gets a fresh token.
      Task: {
        get Token() {
          return mintToken(execution);
        },
      },
    };
    const run = engineOf(library, machine).run(parsedInput, {
      overrides: {
        taskResourceLocalHandlers: taskHandlers(execution),
        ...(options.realRetryIntervals ? {} : { retryIntervalOverrides: machine.retryIntervals }),
      },
      context,
      noThrowOnAbort: true,
    });
    execution.abort = run.abort;

    (async () => {
      for await (const event of run.eventLogs) {
        execution.history.record(event);
        options.observe?.(event);
        trackWaitStates(execution, event);
        trackRetries(execution, event);
      }
    })().catch((error: unknown) =>
      console.error('local Step Functions: history lost:', (error as Error).name),
    );

    run.result.then(
      (output) => finish(execution, 'SUCCEEDED', { output: JSON.stringify(output) }),
      (error: unknown) => {
        if (error instanceof library.ExecutionTimeoutError) return finish(execution, 'TIMED_OUT', {});
        const failure =
          error instanceof library.ExecutionError && error.cause instanceof Error ? error.cause : error;
        const { name: errorName, message } = failure instanceof Error ? failure : new Error(String(failure));
        finish(execution, 'FAILED', { error: errorName, cause: message });
        console.warn(`local Step Functions: execution ${machine.name}:${name} failed with ${errorName}`);
      },
    );
    return { executionArn: arn, startDate: seconds(startDate) };
  };

  const findExecution = (request: Request): Execution => {
    const arn = requiredString(request, 'executionArn');
    if (!arn.startsWith('arn:')) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    const execution = executions.get(arn);
    if (!execution) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  };

  const describe = (execution: Execution) => ({
    executionArn: execution.arn,
    stateMachineArn: execution.machine.arn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    stopDate: seconds(execution.stopDate),
  });

  const openCallback = (request: Request): { token: string; callback: Callback; waiting?: WaitingTask } => {
    const token = requiredString(request, 'taskToken');
    const issued = issuedTokens.get(token);
    // Tokens read outside a waitForTaskToken task never had anyone waiting: as unknown as a made-up one.
    if (!issued || (!issued.closed && !issued.callback)) {
      throw new ServiceError('InvalidToken', 'Invalid Token');
    }
    if (!issued.callback) {
      throw new ServiceError('TaskTimedOut', 'Task Timed Out: the task is no longer waiting');
    }
    return { token, callback: issued.callback, waiting: issued.waiting };
  };

  const operations = new Map<string, (request: Request) => unknown>([
    ['StartExecution', startExecution],
    [
      'DescribeExecution',
      (request) => {
        const execution = findExecution(request);
        return {
          ...describe(execution),
          input: execution.input,
          output: execution.output,
          error: execution.error,
          cause: execution.cause,
        };
      },
    ],
    [
      'StopExecution',
      (request) => {
        const execution = findExecution(request);
        stop(execution, optionalString(request, 'error'), optionalString(request, 'cause'));
        return { stopDate: seconds(execution.stopDate) };
      },
    ],
    [
      'ListExecutions',
      (request) => {
        const machineArn = requiredString(request, 'stateMachineArn');
        if (!machines.has(machineArn)) {
          throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${machineArn}'`);
        }
        const status = optionalString(request, 'statusFilter');
        // Newest first; under a clock that stands still, the last started is the newest.
        const matching = [...executions.values()]
          .reverse()
          .filter(
            (execution) => execution.machine.arn === machineArn && (!status || execution.status === status),
          )
          .sort((a, b) => b.startDate - a.startDate);
        const { page, nextToken } = paginate(matching, request);
        return { executions: page.map(describe), nextToken };
      },
    ],
    [
      'GetExecutionHistory',
      (request) => {
        const execution = findExecution(request);
        const events =
          request.reverseOrder === true ? [...execution.history.events].reverse() : execution.history.events;
        const { page, nextToken } = paginate<HistoryEvent>(events, request);
        return {
          events: page.map((event) => ({ ...event, timestamp: seconds(event.timestamp) })),
          nextToken,
        };
      },
    ],
    [
      'SendTaskSuccess',
      (request) => {
        const { token, callback } = openCallback(request);
        let output: unknown;
        try {
          output = JSON.parse(requiredString(request, 'output'));
        } catch (error) {
          if (error instanceof ServiceError) throw error;
          throw new ServiceError('InvalidOutput', 'Invalid Output: not JSON');
        }
        closeToken(token);
        callback.resolve(output);
        return {};
      },
    ],
    [
      'SendTaskFailure',
      (request) => {
        const { token, callback } = openCallback(request);
        const failure = new TaskFailure(
          optionalString(request, 'error') ?? '',
          optionalString(request, 'cause') ?? '',
        );
        closeToken(token);
        callback.reject(failure);
        return {};
      },
    ],
    [
      'SendTaskHeartbeat',
      (request) => {
        const { waiting } = openCallback(request);
        if (waiting) waiting.heardAt = now();
        return {};
      },
    ],
  ]);

  const server = await listenAwsJson({
    service: 'Step Functions',
    targetPrefix: 'AWSStepFunctions.',
    jsonVersion: '1.0',
    operations,
    internalErrorType: 'InternalFailure',
    beforeEach: timeOutOutlived,
  });

  return {
    url: server.url,
    nextTaskTimeout,
    timeOutTasks,
    close: async () => {
      for (const execution of executions.values()) stop(execution, 'LocalRuntimeStopped', undefined);
      await server.close();
    },
  };
};
