import type { IncomingHttpHeaders } from 'node:http';
import { DateTime, IANAZone } from 'luxon';
import type { ActivityTracker } from '#infra/local/activity.ts';
import type { VirtualClock } from '#infra/local/clock.ts';
import { type LocalResponse, listenLocally } from '#infra/local/local-server.ts';
import { MinHeap } from '#infra/local/min-heap.ts';

/** A schedule as the local scheduler holds it, for tests and the demo to inspect. */
export interface LocalSchedule {
  name: string;
  groupName: string;
  arn: string;
  expression: string;
  timezone: string;
  /** When it falls due, in epoch ms. */
  dueAt: number;
  enabled: boolean;
  deleteAfterCompletion: boolean;
  target: { arn: string; input?: string; maximumRetryAttempts: number };
  /** `failed`: its target threw on every attempt its retry policy allows; it stays, so it can be looked at. */
  status: 'pending' | 'fired' | 'failed';
  firedAt?: number;
  error?: { name: string; message: string };
}

export interface SchedulerServiceOptions {
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  tracker: ActivityTracker;
  clock: VirtualClock;
  /**
   * How many schedules due at the same moment fire together, in a wave whose consequences settle before the next
   * wave; 8 by default.
   */
  concurrency?: number;
  /**
   * Schedules in one lane never fire together: of those due at the same moment, one fires and what it sets off
   * settles before the next is looked at (and may have been deleted or moved meanwhile). By default every
   * schedule is a lane of its own; the runtime makes each journey one.
   */
  laneOf?: (schedule: LocalSchedule) => string;
}

export interface SchedulerService {
  url: string;
  close(): Promise<void>;
  /** When the earliest enabled schedule that has not fired falls due, in epoch ms. */
  nextDueAt(): number | undefined;
  /**
   * Fires every schedule due up to `upTo`, earliest first, each at its own time: the clock moves to it, the
   * target runs, and everything it set off settles before a later one fires. Schedules due at the same moment
   * fire in waves of up to `concurrency`, one lane's one after another, each wave settling before the next: work
   * in flight stays bounded, as it did when they fired singly. Resolves to how many fired.
   */
  fireDue(upTo: number): Promise<number>;
  list(): LocalSchedule[];
}

type Request = Record<string, unknown>;

interface StoredSchedule {
  view: LocalSchedule;
  /** The create/update request as accepted, echoed by GetSchedule. */
  request: Request;
  createdAt: number;
  updatedAt: number;
  /** When it was last written, as a count: schedules due at the same time fire in this order. */
  order: number;
}

const ACCOUNT = '000000000000';
const DEFAULT_GROUP = 'default';
const VALID_NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const AT_EXPRESSION = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;
/** While the clock ticks (a demo), due schedules are looked for this often (in real ms). */
const TICKING_POLL_MS = 100;
/**
 * Timers fired together in one wave. Enough to keep dynalite and the handlers busy on two cores while some wait on
 * I/O; few enough that a wave's mail stays within the send queue a step waits for.
 */
const DEFAULT_CONCURRENCY = 8;

class ServiceError extends Error {
  constructor(
    name:
      | 'ValidationException'
      | 'ConflictException'
      | 'ResourceNotFoundException'
      | 'UnknownOperationException',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = name;
  }
}

const invalid = (message: string) => new ServiceError('ValidationException', message, 400);

const optional = <T>(
  request: Request,
  field: string,
  check: (value: unknown) => value is T,
  rule: string,
) => {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw invalid(`${field} ${rule}`);
  return value;
};
/** What Scheduler accepts as a dead-letter queue: a standard SQS queue's ARN. */
const SQS_QUEUE_ARN = /^arn:aws(-[a-z]+)*:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9_-]{1,80}$/;
const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Request =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isWholeNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** EventBridge Scheduler retries a failing target 185 times unless the schedule's RetryPolicy says otherwise. */
const retryAttempts = (target: Request): number => {
  const policy = optional(target, 'RetryPolicy', isObject, 'must be an object');
  return (policy && optional(policy, 'MaximumRetryAttempts', isWholeNumber, 'must be a whole number')) ?? 185;
};

const oneOf =
  <T extends string>(...allowed: T[]) =>
  (value: unknown): value is T =>
    allowed.includes(value as T);

/** The region the SDK signed for, so ARNs name the region the caller configured. */
const signedRegion = (headers: IncomingHttpHeaders): string =>
  /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/scheduler\//.exec(headers.authorization ?? '')?.[1] ?? 'us-east-1';

/** Validates a CreateSchedule/UpdateSchedule body the way Scheduler would, and works out when it falls due. */
const parseScheduleRequest = (name: string, body: Request) => {
  if (!VALID_NAME.test(name)) {
    throw invalid(`Name must be 1 to 64 characters of [0-9a-zA-Z-_.], got "${name}"`);
  }
  const groupName = optional(body, 'GroupName', isString, 'must be a string') ?? DEFAULT_GROUP;
  if (!VALID_NAME.test(groupName)) throw invalid('GroupName must be 1 to 64 characters of [0-9a-zA-Z-_.]');
  const expression = optional(body, 'ScheduleExpression', isString, 'must be a string');
  if (!expression) throw invalid('ScheduleExpression is required');
  const timezone = optional(body, 'ScheduleExpressionTimezone', isString, 'must be a string') ?? 'UTC';
  if (!IANAZone.isValidZone(timezone)) throw invalid(`Invalid ScheduleExpressionTimezone: ${timezone}`);
  const at = AT_EXPRESSION.exec(expression)?.[1];
  if (!at) {
    throw invalid(
      `Invalid Schedule Expression ${expression}: the local scheduler runs one-time at(yyyy-mm-ddThh:mm:ss) schedules only`,
    );
  }
  const dueAt = DateTime.fromISO(at, { zone: timezone });
  if (!dueAt.isValid) throw invalid(`Invalid Schedule Expression ${expression}: ${dueAt.invalidExplanation}`);

  const window = optional(body, 'FlexibleTimeWindow', isObject, 'must be an object');
  if (!window || !optional(window, 'Mode', oneOf('OFF', 'FLEXIBLE'), 'must be OFF or FLEXIBLE')) {
    throw invalid('FlexibleTimeWindow.Mode is required');
  }
  const target = optional(body, 'Target', isObject, 'must be an object');
  if (!target) throw invalid('Target is required');
  const targetArn = optional(target, 'Arn', isString, 'must be a string');
  if (!targetArn || !optional(target, 'RoleArn', isString, 'must be a string')) {
    throw invalid('Target.Arn and Target.RoleArn are required');
  }
  const deadLetter = optional(target, 'DeadLetterConfig', isObject, 'must be an object');
  if (deadLetter && !SQS_QUEUE_ARN.test(optional(deadLetter, 'Arn', isString, 'must be a string') ?? '')) {
    throw invalid('Target.DeadLetterConfig.Arn must be the ARN of an SQS queue');
  }
  const state =
    optional(body, 'State', oneOf('ENABLED', 'DISABLED'), 'must be ENABLED or DISABLED') ?? 'ENABLED';
  const afterCompletion =
    optional(body, 'ActionAfterCompletion', oneOf('NONE', 'DELETE'), 'must be NONE or DELETE') ?? 'NONE';
  optional(body, 'Description', isString, 'must be a string');

  const { GroupName: _group, ClientToken: _token, ...request } = body;
  return {
    groupName,
    request: {
      ...request,
      ScheduleExpressionTimezone: timezone,
      State: state,
      ActionAfterCompletion: afterCompletion,
    },
    view: {
      name,
      groupName,
      expression,
      timezone,
      // Scheduler fires within the minute and within the flexible window; locally, at the earliest moment.
      dueAt: dueAt.toMillis(),
      enabled: state === 'ENABLED',
      deleteAfterCompletion: afterCompletion === 'DELETE',
      target: {
        arn: targetArn,
        input: optional(target, 'Input', isString, 'must be a string'),
        maximumRetryAttempts: retryAttempts(target),
      },
      status: 'pending' as const,
    },
  };
};

/**
 * A local stand-in for the EventBridge Scheduler API (REST-JSON, as `@aws-sdk/client-scheduler` speaks it) for
 * one-time `at()` schedules. Nothing fires on its own: the virtual clock's owner calls `fireDue`, so a test
 * decides when time passes. While the clock ticks (a demo), due schedules fire as it reaches them.
 */
export const startSchedulerService = async (options: SchedulerServiceOptions): Promise<SchedulerService> => {
  const { invokeFunction, tracker, clock } = options;
  const key = (groupName: string, name: string) => `${groupName}/${name}`;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const laneOf = options.laneOf ?? ((schedule: LocalSchedule) => key(schedule.groupName, schedule.name));
  const schedules = new Map<string, StoredSchedule>();
  let sequence = 0;
  // Every schedule written goes in once, by due time then write order. An update or a delete leaves its old
  // entry behind, to be dropped when it reaches the top: cheaper than finding it in the heap.
  const due = new MinHeap<StoredSchedule>(
    (a, b) => a.view.dueAt < b.view.dueAt || (a.view.dueAt === b.view.dueAt && a.order < b.order),
  );
  const waiting = (stored: StoredSchedule) =>
    stored.view.status === 'pending' &&
    schedules.get(key(stored.view.groupName, stored.view.name)) === stored;

  const find = (groupName: string, name: string): StoredSchedule => {
    const stored = schedules.get(key(groupName, name));
    if (!stored) throw new ServiceError('ResourceNotFoundException', `Schedule ${name} does not exist.`, 404);
    return stored;
  };

  const save = (name: string, body: Request, headers: IncomingHttpHeaders, mode: 'create' | 'update') => {
    const { groupName, request, view } = parseScheduleRequest(name, body);
    const existing = schedules.get(key(groupName, name));
    if (mode === 'create' && existing) {
      throw new ServiceError('ConflictException', `Schedule ${name} already exists.`, 409);
    }
    if (mode === 'update' && !existing) {
      throw new ServiceError('ResourceNotFoundException', `Schedule ${name} does not exist.`, 404);
    }
    const arn = `arn:aws:scheduler:${signedRegion(headers)}:${ACCOUNT}:schedule/${groupName}/${name}`;
    const now = clock.now();
    sequence += 1;
    const stored: StoredSchedule = {
      view: { ...view, arn },
      request,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      order: sequence,
    };
    schedules.set(key(groupName, name), stored);
    // A disabled schedule never fires; enabling it is an update, which writes it anew.
    if (stored.view.enabled) due.push(stored);
    return { ScheduleArn: arn };
  };

  const earliest = (): StoredSchedule | undefined => {
    for (let top = due.peek(); top; top = due.peek()) {
      if (waiting(top)) return top;
      due.pop();
    }
    return undefined;
  };

  /** The next wave: schedules due first, if by `upTo`, all due at that same moment, at most one of each lane. */
  const takeDue = (upTo: number): StoredSchedule[] => {
    const at = earliest()?.view.dueAt;
    if (at === undefined || at > upTo) return [];
    const taken: StoredSchedule[] = [];
    const lanes = new Set<string>();
    const later: StoredSchedule[] = [];
    for (let top = earliest(); top && top.view.dueAt === at && taken.length < concurrency; top = earliest()) {
      due.pop();
      const lane = laneOf(top.view);
      if (lanes.has(lane)) {
        later.push(top);
      } else {
        lanes.add(lane);
        taken.push(top);
      }
    }
    for (const stored of later) due.push(stored);
    return taken;
  };

  // Like EventBridge Scheduler, a target that fails is retried as its policy allows, with backoff; real
  // minutes would stall a test, so locally the pauses are short and capped.
  const invokeWithRetries = async (arn: string, payload: unknown, retries: number): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await tracker.track(invokeFunction(arn, payload));
        return;
      } catch (error) {
        if (attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(25 * 2 ** attempt, 400)));
      }
    }
  };

  const fire = async (stored: StoredSchedule): Promise<void> => {
    const { view } = stored;
    view.status = 'fired';
    view.firedAt = clock.now();
    let payload: unknown = {};
    if (view.target.input !== undefined) {
      try {
        payload = JSON.parse(view.target.input);
      } catch {
        payload = view.target.input;
      }
    }
    // An update while the target runs replaces the stored schedule; the end of this firing must not undo it.
    const current = () => schedules.get(key(view.groupName, view.name)) === stored;
    try {
      await invokeWithRetries(view.target.arn, payload, view.target.maximumRetryAttempts);
      if (view.deleteAfterCompletion && current()) schedules.delete(key(view.groupName, view.name));
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      if (current()) {
        view.status = 'failed';
        view.error = { name, message };
      }
      // The name only: messages and inputs can carry people's data.
      console.warn(
        `local Scheduler: ${view.groupName}/${view.name} failed (${name}) after its retries; kept for inspection`,
      );
    }
  };

  // One firing at a time: overlapping calls (a test and the ticking demo) would fire a schedule twice.
  let firing: Promise<unknown> = Promise.resolve();
  const fireDue = (upTo: number): Promise<number> => {
    const run = firing.then(async () => {
      let fired = 0;
      for (let wave = takeDue(upTo); wave.length > 0; wave = takeDue(upTo)) {
        const at = wave[0]?.view.dueAt ?? 0;
        if (at > clock.now()) clock.set(new Date(at));
        fired += wave.length;
        await Promise.all(wave.map(fire));
        await tracker.whenIdle();
      }
      return fired;
    });
    firing = run.catch(() => undefined);
    return run;
  };

  const nextDueAt = () => earliest()?.view.dueAt;

  let polling = false;
  const poller = setInterval(() => {
    if (!clock.ticking || polling) return;
    const due = nextDueAt();
    if (due === undefined || due > clock.now()) return;
    polling = true;
    fireDue(clock.now())
      .catch((error: unknown) => console.error('local Scheduler: firing failed:', (error as Error).name))
      .finally(() => {
        polling = false;
      });
  }, TICKING_POLL_MS);
  poller.unref();

  const handle = async (request: {
    method: string;
    url: URL;
    headers: IncomingHttpHeaders;
    body: string;
  }): Promise<unknown> => {
    const match = /^\/schedules\/([^/]+)$/.exec(request.url.pathname);
    if (!match?.[1]) {
      throw new ServiceError('UnknownOperationException', `No route for ${request.url.pathname}`, 404);
    }
    const name = decodeURIComponent(match[1]);
    const groupName = request.url.searchParams.get('groupName') ?? DEFAULT_GROUP;
    const body = (): Request => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.body || '{}');
      } catch {
        throw invalid('The request body is not JSON');
      }
      if (!isObject(parsed)) throw invalid('The request body is not a JSON object');
      return parsed;
    };
    switch (request.method) {
      case 'POST':
        return save(name, body(), request.headers, 'create');
      case 'PUT':
        return save(name, body(), request.headers, 'update');
      case 'DELETE':
        find(groupName, name);
        schedules.delete(key(groupName, name));
        return {};
      case 'GET': {
        const stored = find(groupName, name);
        return {
          ...stored.request,
          Arn: stored.view.arn,
          Name: stored.view.name,
          GroupName: stored.view.groupName,
          CreationDate: stored.createdAt / 1000,
          LastModificationDate: stored.updatedAt / 1000,
        };
      }
      default:
        throw new ServiceError('UnknownOperationException', `No route for ${request.method}`, 404);
    }
  };

  const errorResponse = (type: string, message: string, status: number): LocalResponse => ({
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
    body: { Message: message },
  });

  const server = await listenLocally(
    async (request) => {
      try {
        return { status: 200, headers: { 'content-type': 'application/json' }, body: await handle(request) };
      } catch (error) {
        if (error instanceof ServiceError) return errorResponse(error.name, error.message, error.status);
        throw error;
      }
    },
    (error) => {
      console.error('local Scheduler: internal error:', (error as Error).name);
      return errorResponse('InternalServerException', 'Internal error in the local stand-in', 500);
    },
  );

  return {
    url: server.url,
    close: async () => {
      clearInterval(poller);
      await server.close();
    },
    nextDueAt,
    fireDue,
    list: () => [...schedules.values()].map((stored) => structuredClone(stored.view)),
  };
};
