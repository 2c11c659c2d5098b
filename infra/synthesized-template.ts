import { FUNCTION_METADATA_KEY, STATE_MACHINE_METADATA_KEY } from '#infra/stack-contract.ts';

/** Region and account of the placeholder ARNs the local runtime addresses resources by. */
export const PLACEHOLDER_REGION = 'ap-northeast-1';
export const PLACEHOLDER_ACCOUNT = '000000000000';

export const placeholderFunctionArn = (logicalId: string): string =>
  `arn:aws:lambda:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:function:${logicalId}`;

export const placeholderStateMachineArn = (logicalId: string): string =>
  `arn:aws:states:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:stateMachine:${logicalId}`;

interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface StateMachineDefinition {
  logicalId: string;
  /** The name the state machine is known by (`OfferFollowUp`), from its metadata. */
  name?: string;
  /** Plain ASL JSON, every reference replaced by a placeholder ARN. */
  definition: Record<string, unknown>;
}

const resourcesOf = (template: Record<string, unknown>): Record<string, TemplateResource> =>
  (template.Resources ?? {}) as Record<string, TemplateResource>;

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': PLACEHOLDER_REGION,
  'AWS::AccountId': PLACEHOLDER_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

const placeholderArn = (resources: Record<string, TemplateResource>, logicalId: string): string => {
  switch (resources[logicalId]?.Type) {
    case 'AWS::Lambda::Function':
      return placeholderFunctionArn(logicalId);
    case 'AWS::StepFunctions::StateMachine':
      return placeholderStateMachineArn(logicalId);
    default:
      return `arn:aws:cloudformation:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:resource/${logicalId}`;
  }
};

/** Resolves the intrinsics CDK puts into a definition (`Fn::Join`, `Ref`, `Fn::GetAtt`) to placeholder values. */
const resolveIntrinsics = (resources: Record<string, TemplateResource>, value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1) {
    const [[fn, args]] = Object.entries(value) as [[string, unknown]];
    if (fn === 'Ref' && typeof args === 'string') {
      const pseudo = PSEUDO_PARAMETERS[args];
      if (pseudo) return pseudo;
      if (resources[args]?.Type === 'AWS::StepFunctions::StateMachine')
        return placeholderArn(resources, args);
      // A function's Ref is its name; the local runtime addresses functions by logical id.
      if (resources[args]) return args;
    }
    if (fn === 'Fn::GetAtt') {
      const [logicalId, attribute] = Array.isArray(args) ? args : String(args).split('.');
      if (typeof logicalId === 'string' && resources[logicalId]) {
        return attribute === 'Arn' ? placeholderArn(resources, logicalId) : `${logicalId}.${attribute}`;
      }
    }
    if (fn === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1])) {
      return args[1].map((part) => resolveIntrinsics(resources, part)).join(args[0]);
    }
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)} in a state machine definition`);
};

/** Every state machine in the template as plain ASL, with placeholder ARNs for the resources it references. */
export const stateMachineDefinitions = (template: Record<string, unknown>): StateMachineDefinition[] => {
  const resources = resourcesOf(template);
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, resource]) => {
      const name = resource.Metadata?.[STATE_MACHINE_METADATA_KEY];
      const definition = JSON.parse(resolveIntrinsics(resources, resource.Properties?.DefinitionString));
      return { logicalId, ...(typeof name === 'string' ? { name } : {}), definition };
    });
};

const INTRINSICS = new Set(['Ref', 'Fn::GetAtt', 'Fn::Join']);

/** A value from the template with every intrinsic in it resolved to its placeholder (an event pattern, say). */
const resolveDeep = (resources: Record<string, TemplateResource>, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((element) => resolveDeep(resources, element));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && INTRINSICS.has(keys[0] ?? '')) return resolveIntrinsics(resources, value);
  return Object.fromEntries(
    Object.entries(value).map(([key, element]) => [key, resolveDeep(resources, element)]),
  );
};

/** The logical id a target or mapping names its function by (`Fn::GetAtt` of its Arn, or its `Ref`). */
const functionLogicalId = (reference: unknown): string | undefined => {
  const value = reference as { 'Fn::GetAtt'?: [string, string]; Ref?: string } | undefined;
  return value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
};

export interface EventRule {
  /** `default`, or the logical id of the template's event bus the rule is on. */
  bus: string;
  pattern: Record<string, unknown>;
  /** The functions it invokes, by placeholder ARN, each with the logical id of its dead-letter queue, if any. */
  targets: { functionArn: string; deadLetterQueue?: string }[];
}

/** Every EventBridge rule with an event pattern and function targets: the local event buses route through them. */
export const eventRules = (template: Record<string, unknown>): EventRule[] => {
  const resources = resourcesOf(template);
  return Object.values(resources).flatMap((resource) => {
    if (resource.Type !== 'AWS::Events::Rule') return [];
    const properties = resource.Properties ?? {};
    if (!properties.EventPattern || properties.State === 'DISABLED') return [];
    const busName = properties.EventBusName as { Ref?: string } | string | undefined;
    const targets = (
      (properties.Targets ?? []) as { Arn?: unknown; DeadLetterConfig?: { Arn?: unknown } }[]
    ).flatMap((target) => {
      const logicalId = functionLogicalId(target.Arn);
      const deadLetterQueue = functionLogicalId(target.DeadLetterConfig?.Arn);
      return logicalId
        ? [
            {
              functionArn: placeholderFunctionArn(logicalId),
              ...(deadLetterQueue ? { deadLetterQueue } : {}),
            },
          ]
        : [];
    });
    return [
      {
        bus: typeof busName === 'string' ? busName : (busName?.Ref ?? 'default'),
        pattern: resolveDeep(resources, properties.EventPattern) as Record<string, unknown>,
        targets,
      },
    ];
  });
};

export interface StreamEventSource {
  /** The function the mapping invokes, by placeholder ARN. */
  target: string;
  /** Its filter patterns: a record reaches the function when any of them matches. */
  filters: Record<string, unknown>[];
  /** The logical id of the queue records go to once retries are exhausted, if any. */
  onFailureQueue?: string;
  /** The most records a batch holds. */
  batchSize: number;
  /** The function may answer `{ batchItemFailures }` to have the batch handed again from the first it names. */
  reportBatchItemFailures: boolean;
}

/** Lambda's default batch size for a DynamoDB stream. */
const STREAM_DEFAULT_BATCH_SIZE = 100;

const reportsBatchItemFailures = (properties: Record<string, unknown>): boolean =>
  ((properties.FunctionResponseTypes ?? []) as string[]).includes('ReportBatchItemFailures');

/** The Lambda event source mappings on the table's stream: the local stream stand-in invokes their functions. */
export const streamEventSources = (template: Record<string, unknown>): StreamEventSource[] =>
  Object.values(resourcesOf(template)).flatMap((resource) => {
    if (resource.Type !== 'AWS::Lambda::EventSourceMapping') return [];
    const properties = resource.Properties ?? {};
    const logicalId = functionLogicalId(properties.FunctionName);
    const source = properties.EventSourceArn as { 'Fn::GetAtt'?: [string, string] } | undefined;
    if (!logicalId || source?.['Fn::GetAtt']?.[1] !== 'StreamArn') return [];
    const filters = (
      (properties.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? []
    ).map((filter) => JSON.parse(filter.Pattern) as Record<string, unknown>);
    const onFailure = (properties.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)
      ?.OnFailure?.Destination;
    const onFailureQueue = functionLogicalId(onFailure);
    return [
      {
        target: placeholderFunctionArn(logicalId),
        filters,
        ...(onFailureQueue ? { onFailureQueue } : {}),
        batchSize: Number(properties.BatchSize ?? STREAM_DEFAULT_BATCH_SIZE),
        reportBatchItemFailures: reportsBatchItemFailures(properties),
      },
    ];
  });

export interface QueueEventSource {
  /** The logical id of the queue the mapping consumes (the queue's name locally). */
  queue: string;
  /** The function the mapping invokes, by placeholder ARN. */
  target: string;
  batchSize: number;
  /** How many invocations of the function the mapping may have running at once. */
  maxConcurrency: number;
  /** The function may answer `{ batchItemFailures }` to have only those messages received again. */
  reportBatchItemFailures: boolean;
  /** The logical id of the queue's dead-letter queue, from its redrive policy, if any. */
  deadLetterQueue?: string;
  /** How many times a message is received before it moves to the dead-letter queue. */
  maxReceiveCount?: number;
  /** The queue is FIFO: each message group is delivered in order, one batch of it at a time. */
  fifo: boolean;
}

/** Lambda's default batch size for an SQS event source. */
const SQS_DEFAULT_BATCH_SIZE = 10;
/**
 * Without a ScalingConfig Lambda scales an SQS mapping up to its account's concurrency; locally that would be a
 * handler run per waiting message on two CPUs, so an unbounded mapping gets this many at once instead.
 */
const LOCAL_UNBOUNDED_CONCURRENCY = 5;

/** The Lambda event source mappings on the template's SQS queues: the local queues hand their messages to them. */
export const queueEventSources = (template: Record<string, unknown>): QueueEventSource[] => {
  const resources = resourcesOf(template);
  return Object.values(resources).flatMap((resource) => {
    if (resource.Type !== 'AWS::Lambda::EventSourceMapping') return [];
    const properties = resource.Properties ?? {};
    const logicalId = functionLogicalId(properties.FunctionName);
    const source = properties.EventSourceArn as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const [queue, attribute] = source?.['Fn::GetAtt'] ?? [];
    if (!logicalId || !queue || attribute !== 'Arn' || resources[queue]?.Type !== 'AWS::SQS::Queue')
      return [];
    const queueProperties = resources[queue]?.Properties ?? {};
    const redrive = queueProperties.RedrivePolicy as
      | { deadLetterTargetArn?: unknown; maxReceiveCount?: number | string }
      | undefined;
    const deadLetterQueue = functionLogicalId(redrive?.deadLetterTargetArn);
    const maxConcurrency = (properties.ScalingConfig as { MaximumConcurrency?: number } | undefined)
      ?.MaximumConcurrency;
    return [
      {
        queue,
        target: placeholderFunctionArn(logicalId),
        batchSize: Number(properties.BatchSize ?? SQS_DEFAULT_BATCH_SIZE),
        maxConcurrency: Number(maxConcurrency ?? LOCAL_UNBOUNDED_CONCURRENCY),
        reportBatchItemFailures: reportsBatchItemFailures(properties),
        ...(deadLetterQueue ? { deadLetterQueue } : {}),
        ...(redrive?.maxReceiveCount !== undefined
          ? { maxReceiveCount: Number(redrive.maxReceiveCount) }
          : {}),
        // CloudFormation takes a boolean property as either JSON type.
        fifo: String(queueProperties.FifoQueue) === 'true',
      },
    ];
  });
};

/** The logical id of each resource of a type in the template (the event bus, the configuration set). */
export const logicalIdsOf = (template: Record<string, unknown>, type: string): string[] =>
  Object.entries(resourcesOf(template))
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId]) => logicalId);

/** What Lambda gives each function, from its template: what its invocations are billed and how long they may run. */
export interface FunctionSettings {
  memoryMb: number;
  timeoutMs: number;
}

/** Each function's settings by the `functions/` folder of its handler, with Lambda's defaults where unset. */
export const functionSettings = (template: Record<string, unknown>): Record<string, FunctionSettings> => {
  const settings: Record<string, FunctionSettings> = {};
  for (const resource of Object.values(resourcesOf(template))) {
    const folder = resource.Metadata?.[FUNCTION_METADATA_KEY];
    if (resource.Type === 'AWS::Lambda::Function' && typeof folder === 'string') {
      const { MemorySize, Timeout } = (resource.Properties ?? {}) as {
        MemorySize?: number;
        Timeout?: number;
      };
      settings[folder] = { memoryMb: MemorySize ?? 128, timeoutMs: (Timeout ?? 3) * 1000 };
    }
  }
  return settings;
};

/** Placeholder function ARN to the `functions/` folder of its handler, for every function of the project. */
export const functionHandlers = (template: Record<string, unknown>): Record<string, string> => {
  const handlers: Record<string, string> = {};
  for (const [logicalId, resource] of Object.entries(resourcesOf(template))) {
    const folder = resource.Metadata?.[FUNCTION_METADATA_KEY];
    if (resource.Type === 'AWS::Lambda::Function' && typeof folder === 'string') {
      handlers[placeholderFunctionArn(logicalId)] = folder;
    }
  }
  return handlers;
};
