import { randomUUID } from 'node:crypto';
import type { ActivityTracker } from '#infra/local/activity.ts';
import { listenAwsJson, ServiceError } from '#infra/local/aws-json-service.ts';
import { matchesPattern } from '#infra/local/event-pattern.ts';
import { type EventRule, PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION } from '#infra/synthesized-template.ts';

/** An event as EventBridge hands it to rules and their targets. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** An event put on a local bus, with where it went. */
export interface PutEvent {
  eventBusName: string;
  event: BusEvent;
  /** The functions rules handed it to, by placeholder ARN. */
  deliveredTo: string[];
}

export interface PutEventsEntryResult {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface EventBusService {
  url: string;
  /** `PutEvents`, as the API takes it: `{"Entries": [{Source, DetailType, Detail, EventBusName}]}`. */
  putEvents(request: Record<string, unknown>): { FailedEntryCount: number; Entries: PutEventsEntryResult[] };
  /** Puts an event an AWS service publishes (SES's bounces on the default bus), routed by the rules. */
  publish(eventBusName: string, event: BusEvent): void;
  events(): PutEvent[];
  close(): Promise<void>;
}

export interface EventBusServiceOptions {
  /** The template's buses: logical id to the name they have locally; `default` always exists. */
  buses: Record<string, string>;
  rules: EventRule[];
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  /** A target still failing after Lambda's retries, with the dead-letter queue of its rule target. */
  onTargetFailure: (target: EventRule['targets'][number], event: BusEvent) => void;
  tracker: ActivityTracker;
  now: () => number;
}

/** Lambda retries a failed asynchronous invocation twice (the receiver's EventInvokeConfig asks the same). */
const ASYNC_RETRIES = 2;
const MAX_ENTRIES = 10;

/** An entry's own time (the SDK sends epoch seconds, a hand-written entry an ISO string), or now. */
const eventTime = (time: unknown, now: () => number): Date => {
  const given =
    typeof time === 'number' ? new Date(time * 1000) : typeof time === 'string' ? new Date(time) : undefined;
  return given && !Number.isNaN(given.getTime()) ? given : new Date(now());
};

/**
 * A local EventBridge: `PutEvents` on the default bus and the template's own, each event routed through the rules
 * of its bus, as synthesized, to their functions (invoked asynchronously, retried, then dead-lettered as Lambda
 * does), and every event kept so `GET /local/events` can show what came in and what was published.
 */
export const startEventBusService = async (options: EventBusServiceOptions): Promise<EventBusService> => {
  const log: PutEvent[] = [];
  const busByName = new Map<string, string>([['default', 'default']]);
  for (const [logicalId, name] of Object.entries(options.buses)) busByName.set(name, logicalId);

  const deliver = async (target: EventRule['targets'][number], event: BusEvent) => {
    for (let attempt = 0; attempt <= ASYNC_RETRIES; attempt += 1) {
      try {
        await options.invokeFunction(target.functionArn, event);
        return;
      } catch {
        // The invocation logged its failure; Lambda tries again, then hands the event on.
      }
    }
    options.onTargetFailure(target, event);
  };

  const route = (eventBusName: string, event: BusEvent) => {
    const bus = busByName.get(eventBusName) ?? eventBusName;
    const targets = options.rules
      .filter((rule) => rule.bus === bus && matchesPattern(rule.pattern, event))
      .flatMap((rule) => rule.targets);
    log.push({ eventBusName, event, deliveredTo: targets.map((target) => target.functionArn) });
    for (const target of targets) {
      options.tracker.track(
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(target, event)),
      );
    }
  };

  const putEntry = (entry: Record<string, unknown>): PutEventsEntryResult => {
    const { Source, DetailType, Detail, EventBusName, Time, Resources } = entry;
    const named = typeof EventBusName === 'string' && EventBusName ? EventBusName : 'default';
    const busName = named.startsWith('arn:') ? (named.split('/').pop() ?? named) : named;
    if (!busByName.has(busName)) {
      return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
    }
    if (typeof Source !== 'string' || !Source || typeof DetailType !== 'string' || !DetailType) {
      return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Source and DetailType are required.' };
    }
    let detail: unknown;
    try {
      detail = JSON.parse(typeof Detail === 'string' ? Detail : '');
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': DetailType,
      source: Source,
      account: PLACEHOLDER_ACCOUNT,
      time: eventTime(Time, options.now)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      region: PLACEHOLDER_REGION,
      resources: Array.isArray(Resources) ? Resources.map(String) : [],
      detail,
    };
    route(busName, event);
    return { EventId: event.id };
  };

  const putEvents = (request: Record<string, unknown>) => {
    const entries = request.Entries;
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new ServiceError('ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} entries.`);
    }
    const results = entries.map((entry) =>
      typeof entry === 'object' && entry !== null
        ? putEntry(entry as Record<string, unknown>)
        : { ErrorCode: 'InvalidArgument', ErrorMessage: 'An entry must be an object.' },
    );
    return { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results };
  };

  const server = await listenAwsJson({
    service: 'EventBridge',
    targetPrefix: 'AWSEvents.',
    jsonVersion: '1.1',
    internalErrorType: 'InternalException',
    operations: new Map([['PutEvents', putEvents]]),
  });
  return {
    url: server.url,
    putEvents,
    publish: route,
    events: () => log.map((entry) => structuredClone(entry)),
    close: () => server.close(),
  };
};
