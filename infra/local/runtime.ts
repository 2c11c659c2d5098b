import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { type RequestListener, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import dynalite from 'dynalite';
import { Duration } from 'luxon';
import { ActivityTracker } from '#infra/local/activity.ts';
import { advanceTime } from '#infra/local/advance-time.ts';
import { VirtualClock } from '#infra/local/clock.ts';
import { type PutEvent, startEventBusService } from '#infra/local/event-bus-service.ts';
import { FaultProxy, faultAnswers, LocalFaults } from '#infra/local/faults.ts';
import { handlerModules } from '#infra/local/handler-modules.ts';
import { type LoadedHandler, startHandlerThreads } from '#infra/local/handler-threads.ts';
import { type ApiRoute, startHttpApi } from '#infra/local/http-api.ts';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { startLazyServer } from '#infra/local/lazy-server.ts';
import { MailStamps } from '#infra/local/mail-stamps.ts';
import { type LocalEmail, readMailbox } from '#infra/local/mailbox.ts';
import { LOCAL_CONSOLE_CLIENT_ID, startLocalOidcProvider } from '#infra/local/oidc-provider.ts';
import { type QueuedMessage, startQueueService } from '#infra/local/queue-service.ts';
import { type LocalSchedule, startSchedulerService } from '#infra/local/scheduler-service.ts';
import { startSecretsManagerService } from '#infra/local/secrets-manager-service.ts';
import { bounceEvent } from '#infra/local/ses-events.ts';
import { startStepFunctionsService } from '#infra/local/step-functions-service.ts';
import { startTableStream } from '#infra/local/table-stream.ts';
import { loadJourneysTemplate } from '#infra/local/template-cache.ts';
import { tableDefinition, templateRoutes } from '#infra/local/template-routes.ts';
import { UsageMeter } from '#infra/local/usage-meter.ts';
import { localBuild, PROJECT_ROOT } from '#infra/project-root.ts';
import {
  eventRules,
  functionHandlers,
  functionSettings,
  logicalIdsOf,
  PLACEHOLDER_REGION,
  placeholderFunctionArn,
  placeholderStateMachineArn,
  queueEventSources,
  stateMachineDefinitions,
  streamEventSources,
} from '#infra/synthesized-template.ts';
import { JOURNEY_EVENT_SOURCE } from '#shared/domain/journey-event-source.ts';
import { useClock } from '#shared/time/clock.ts';

const TABLE_NAME = 'follow-up-journeys';
/** The journeys bus's name locally, where HR's systems' events go (`POST /local/events`). */
export const LOCAL_EVENT_BUS_NAME = 'follow-up-journeys';
const LINK_KEY_SECRET = 'follow-up-journeys-link-signing-key';
/** Locally nothing is dead-lettered (a failed schedule is kept for inspection), but schedules name the queue. */
export const LOCAL_TIMER_DEAD_LETTER_ARN = `arn:aws:sqs:${PLACEHOLDER_REGION}:000000000000:local-timer-dead-letters`;

export interface LocalRuntimeOptions {
  /** Port of the HTTP API; 0 picks a free one (tests). */
  port?: number;
  /** Where the virtual clock starts; defaults to now. */
  start?: Date;
  /** Virtual seconds per real second for demos; 0 keeps time still until told. */
  speed?: number;
  /** Put fault-injecting proxies in front of DynamoDB and SES (tests of what survives failures). */
  faults?: boolean;
  /**
   * Counts what the run uses in AWS's billing units and writes it there (JSON) on stop; defaults to
   * `LOCAL_USAGE_FILE`, which `npm run bench` sets on the runs it prices.
   */
  usageFile?: string;
  /** Where the synthesized template is cached (tests of a cold start); defaults to `TEMPLATE_CACHE_DIR`. */
  templateCacheDir?: string;
  /**
   * The sending rate mail is paced to (emails a second); defaults to `SES_MAX_SEND_RATE`. Without either mail goes
   * unpaced: the local SES has no sending quota to keep to.
   */
  sesMaxSendRate?: number;
  /** Step Functions waits out Retry intervals in real seconds (see `StepFunctionsServiceOptions`). */
  realRetryIntervals?: boolean;
  /**
   * How many timers due at the same moment fire at once (each journey's still one after another); defaults to
   * `LOCAL_SCHEDULER_CONCURRENCY`, else the scheduler's own default.
   */
  schedulerConcurrency?: number;
  /**
   * Runs the handlers on this many worker threads instead of the runtime's own, for heavy local runs on a machine
   * with cores to spare; defaults to `LOCAL_HANDLER_THREADS`, else 0. Each thread loads the functions it runs for
   * itself, so light runs (the tests, the demo) start faster without.
   */
  handlerThreads?: number;
}

export interface LocalFaultControls {
  functions: LocalFaults;
  dynamo: FaultProxy;
  ses: FaultProxy;
  stepFunctions: FaultProxy;
}

export interface LocalRuntime {
  apiUrl: string;
  sesUrl: string;
  /** HR's console, signing in at the local identity provider. */
  consoleUrl: string;
  oidcIssuer: string;
  now(): Date;
  /** Moves virtual time forward, firing every schedule that falls due on the way, each at its own time. */
  advanceTo(to: Date): Promise<{ fired: number }>;
  /** Resolves once every started execution is waiting on a person or a timer. */
  idle(): Promise<void>;
  emails(): Promise<LocalEmail[]>;
  /** Every event put on a local bus, HR's systems' and the service's own, once the system is idle. */
  events(): Promise<PutEvent[]>;
  /** What the dead-letter queues hold, once the system is idle. */
  deadLetters(): Promise<QueuedMessage[]>;
  /**
   * Rotates the link signing key now, as `aws secretsmanager rotate-secret` would: the rotation function's four
   * steps run before it resolves.
   */
  rotateLinkKey(): Promise<void>;
  /** A message exactly as it was sent to SES (RFC 5322 octets), by its SES message id. */
  rawEmail(messageId: string): Buffer | undefined;
  /** Invokes a function by its folder name, as its trigger would (a duplicate delivery, say). */
  invoke(functionName: string, payload: unknown): Promise<unknown>;
  /** Present when started with `faults: true`. */
  faults?: LocalFaultControls;
  stop(): Promise<void>;
}

/** A function's handler module: its source, or its file in the local runtime's build when running from one. */
const handlerModule = (name: string): string =>
  pathToFileURL(
    localBuild
      ? join(localBuild.outdir, 'functions', name, 'handler.mjs')
      : join(PROJECT_ROOT, 'functions', name, 'handler.ts'),
  ).href;

type StartSes = (config: { host: string; port: number }) => Promise<Server>;

/** The SES stand-in, loaded only when mail is first sent or read: loading it took a fair part of every start. */
const startSes = async (): Promise<Server> => {
  // aws-ses-v2-local is CommonJS with an `exports.default`: Node's ESM loader hands over the exports object,
  // vitest's interop the function itself.
  const { default: sesInterop } = (await import('aws-ses-v2-local')) as {
    default: StartSes | { default: StartSes };
  };
  const start = typeof sesInterop === 'function' ? sesInterop : sesInterop.default;
  return start({ host: '127.0.0.1', port: 0 });
};

/**
 * Creates the table with one request in DynamoDB's JSON protocol rather than through the SDK's client, whose loading
 * took a sixth of every start (the handlers load it when first invoked), and over node:http, which is loaded
 * already, where fetch would load its own HTTP stack. dynalite checks that a request carries a SigV4
 * authorization header of the right shape, not its signature.
 */
const createTable = (dynamo: AddressInfo, definition: Record<string, unknown>): Promise<void> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify(definition);
    const call = request(
      {
        host: dynamo.address,
        port: dynamo.port,
        method: 'POST',
        path: '/',
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'Content-Length': Buffer.byteLength(body),
          'X-Amz-Target': 'DynamoDB_20120810.CreateTable',
          'X-Amz-Date': '20260101T000000Z',
          Authorization:
            'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`the local table was not created: ${Buffer.concat(chunks).toString('utf8')}`)),
        );
      },
    );
    call.on('error', reject);
    call.end(body);
  });

const listen = async (server: { listen: (port: number, host: string, cb: () => void) => unknown }) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const localUrl = (address: AddressInfo | string | null): string =>
  `http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`;

// Keep-alive connections from the SDK clients would hold close() open forever.
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * The whole system on one machine: the real handlers, the state machines taken from the synthesized template,
 * and local stand-ins for DynamoDB, SES, Step Functions and EventBridge Scheduler, all on 127.0.0.1.
 */
/** What the Lambda runtime logs of an error a handler let out: its name, message and stack, as they are. */
const logInvokeError = (error: unknown) => {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  console.error(
    'Invoke Error',
    JSON.stringify({ errorType: name, errorMessage: message, stack: stack?.split('\n') ?? [] }),
  );
};

export const startLocalRuntime = async (options: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  const tracker = new ActivityTracker();
  const clock = new VirtualClock(options.start ?? new Date());
  useClock(() => clock.now());

  const { template, cached } = await loadJourneysTemplate(options.templateCacheDir);
  const usageFile = options.usageFile ?? process.env.LOCAL_USAGE_FILE;
  const settings = functionSettings(template);
  const usage = usageFile
    ? new UsageMeter(
        Object.fromEntries(Object.entries(settings).map(([name, { memoryMb }]) => [name, memoryMb])),
      )
    : undefined;
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await listen(dynamo);
  const usageProxy = await usage?.dynamoProxy(localUrl(dynamo.address()));
  // Bound below, once the handlers are loaded: the stream and the queues only invoke after a write or a send,
  // long after startup.
  const invokeLater = (arn: string, payload: unknown) => invokeFunction(arn, payload);
  const queueSources = queueEventSources(template);
  const queues = await startQueueService({
    now: () => clock.now(),
    sources: queueSources,
    invokeFunction: invokeLater,
    tracker,
    ...(usage
      ? {
          // A request is billed per 64 KB chunk of its payload.
          onRequest: (_operation: string, payloadBytes: number) => {
            usage.counts.sqs.requests += Math.max(1, Math.ceil(payloadBytes / (64 * 1024)));
          },
        }
      : {}),
  });
  const keySchema = tableDefinition(template).KeySchema as { AttributeName: string }[];
  const tableStream = await startTableStream({
    target: usageProxy?.url ?? (dynamo.listeners('request')[0] as RequestListener),
    keyNames: keySchema.map((key) => key.AttributeName),
    sources: streamEventSources(template),
    invokeFunction: invokeLater,
    onFailure: (source, records) => {
      const [first, last] = [records[0], records.at(-1)];
      if (source.onFailureQueue && first && last) {
        queues.send(
          source.onFailureQueue,
          JSON.stringify({
            requestContext: { functionArn: source.target, condition: 'RetryAttemptsExhausted' },
            DDBStreamBatchInfo: {
              startSequenceNumber: first.dynamodb.SequenceNumber,
              endSequenceNumber: last.dynamodb.SequenceNumber,
              batchSize: records.length,
              streamArn: first.eventSourceARN,
            },
          }),
        );
      }
    },
    tracker,
    now: () => clock.now(),
  });
  const ses = await startLazyServer(startSes);
  const sesUrl = ses.url;
  const mailStamps = await MailStamps.start(sesUrl, () => clock.now());
  const functionFaults = new LocalFaults();
  const proxies = options.faults
    ? {
        dynamo: await FaultProxy.start(tableStream.url, faultAnswers.dynamo),
        ses: await FaultProxy.start(mailStamps.url, faultAnswers.ses),
      }
    : undefined;
  const dynamoUrl = proxies?.dynamo.url ?? tableStream.url;

  const handlersByArn = functionHandlers(template);
  const machines = stateMachineDefinitions(template);
  const arnOf = (folder: string) => Object.entries(handlersByArn).find(([, name]) => name === folder)?.[0];
  const fireTimerArn = arnOf('fire-timer');
  const rotateLinkKeyArn = arnOf('rotate-link-key');
  const offerMachine = machines.find((machine) => machine.name === 'OfferFollowUp');
  const onboardingMachine = machines.find((machine) => machine.name === 'Onboarding');
  const followUpMachine = machines.find((machine) => machine.name === 'OnboardingFollowUp');
  const milestonesMachine = machines.find((machine) => machine.name === 'OnboardingMilestones');
  if (
    !fireTimerArn ||
    !rotateLinkKeyArn ||
    !offerMachine ||
    !onboardingMachine ||
    !followUpMachine ||
    !milestonesMachine
  ) {
    throw new Error('the synthesized template lacks fire-timer, rotate-link-key or a state machine');
  }

  const linkSigningKey = randomBytes(32).toString('hex');
  Object.assign(process.env, {
    AWS_REGION: PLACEHOLDER_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoUrl,
    AWS_ENDPOINT_URL_SES: proxies?.ses.url ?? mailStamps.url,
    TABLE_NAME,
    SENDER_EMAIL: process.env.SENDER_EMAIL ?? 'follow-up@example.com',
    ...(options.sesMaxSendRate === undefined ? {} : { SES_MAX_SEND_RATE: String(options.sesMaxSendRate) }),
    STATE_MACHINE_ARN: placeholderStateMachineArn(offerMachine.logicalId),
    ONBOARDING_STATE_MACHINE_ARN: placeholderStateMachineArn(onboardingMachine.logicalId),
    ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN: placeholderStateMachineArn(followUpMachine.logicalId),
    ONBOARDING_MILESTONES_STATE_MACHINE_ARN: placeholderStateMachineArn(milestonesMachine.logicalId),
    SCHEDULE_GROUP: 'follow-up-journeys',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/local-scheduler',
    TIMER_TARGET_ARN: fireTimerArn,
    TIMER_DEAD_LETTER_ARN: LOCAL_TIMER_DEAD_LETTER_ARN,
    // Only for the redacting logger: the functions read the key from the local Secrets Manager.
    LINK_SIGNING_KEY: linkSigningKey,
    IDENTIFIER_KEY: randomBytes(32).toString('hex'),
    // Named as the template names it, so the bounce rule's pattern on the configuration set matches locally.
    SES_CONFIGURATION_SET: logicalIdsOf(template, 'AWS::SES::ConfigurationSet')[0] ?? 'local',
    EVENT_BUS_NAME: LOCAL_EVENT_BUS_NAME,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });

  await createTable(dynamo.address() as AddressInfo, {
    TableName: TABLE_NAME,
    BillingMode: 'PAY_PER_REQUEST',
    ...tableDefinition(template),
  });

  // Each handler is imported on its first invocation, not at startup: a start pays for none of them, and a
  // test or a demo only for those it runs. By then the endpoints below are set, which its SDK clients read at load.
  const handlerIn = handlerModules();
  const inProcess = async (name: string): Promise<LoadedHandler> => {
    const loaded = await handlerIn(handlerModule(name));
    // Lambda hands handlers a fresh copy of the JSON payload and serializes what they return.
    return async (payload) => {
      const result = await loaded(
        JSON.parse(JSON.stringify(payload ?? null)),
        lambdaContext(name, settings[name]),
      );
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    };
  };
  const threadCount =
    options.handlerThreads ??
    (process.env.LOCAL_HANDLER_THREADS ? Number(process.env.LOCAL_HANDLER_THREADS) : 0);
  const threads = threadCount > 0 ? startHandlerThreads(threadCount, clock.shared) : undefined;
  const handlerFor = (name: string): Promise<LoadedHandler> =>
    threads ? threads.handler(handlerModule(name), name, settings[name]) : inProcess(name);
  const invokeFunction = async (arn: string, payload: unknown): Promise<unknown> => {
    const name = handlersByArn[arn];
    if (!name) throw new Error(`no local handler for ${arn}`);
    return tracker
      .track(
        functionFaults.around(name, async () => {
          const handler = await handlerFor(name);
          // Metered from the handler's call: its first import is the local runtime's, not a billed invocation's.
          return usage ? usage.invocation(name, () => handler(payload)) : handler(payload);
        }),
      )
      .catch((error: unknown) => {
        logInvokeError(error);
        throw error;
      });
  };

  const stepFunctions = await startStepFunctionsService({
    definitions: Object.fromEntries(
      machines.map((machine) => [placeholderStateMachineArn(machine.logicalId), machine.definition]),
    ),
    invokeFunction,
    tracker,
    now: () => clock.now(),
    observe: usage && ((event) => usage.stateEvent(event)),
    validate: !cached,
    realRetryIntervals: options.realRetryIntervals ?? false,
  });
  const scheduler = await startSchedulerService({
    invokeFunction: usage
      ? (arn, payload) => {
          usage.counts.scheduler.invocations += 1;
          return invokeFunction(arn, payload);
        }
      : invokeFunction,
    tracker,
    clock,
    concurrency:
      options.schedulerConcurrency ??
      (process.env.LOCAL_SCHEDULER_CONCURRENCY ? Number(process.env.LOCAL_SCHEDULER_CONCURRENCY) : undefined),
    laneOf: journeyLane,
  });
  // The key starts as a plain secret, as deployments before key sets have it: a rotation turns it into a set.
  const secrets = await startSecretsManagerService({
    region: PLACEHOLDER_REGION,
    secrets: [
      {
        name: LINK_KEY_SECRET,
        value: linkSigningKey,
        rotationFunctionArn: rotateLinkKeyArn,
      },
    ],
    invokeFunction,
    now: () => clock.now(),
  });
  const stepFunctionsProxy = options.faults
    ? await FaultProxy.start(stepFunctions.url, faultAnswers.stepFunctions)
    : undefined;
  process.env.AWS_ENDPOINT_URL_SFN = stepFunctionsProxy?.url ?? stepFunctions.url;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SCHEDULER: scheduler.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
    LINK_KEY_SECRET_ARN: secrets.arns[LINK_KEY_SECRET],
  });

  const eventBus = await startEventBusService({
    buses: Object.fromEntries(
      logicalIdsOf(template, 'AWS::Events::EventBus').map((logicalId) => [logicalId, LOCAL_EVENT_BUS_NAME]),
    ),
    rules: eventRules(template),
    invokeFunction,
    // As Lambda's on-failure destination would, in the rule target's dead-letter queue (the receiver's are one).
    onTargetFailure: (target, event) => {
      if (target.deadLetterQueue) {
        queues.send(
          target.deadLetterQueue,
          JSON.stringify({
            requestContext: { functionArn: target.functionArn, condition: 'RetriesExhausted' },
            requestPayload: event,
          }),
        );
      }
    },
    tracker,
    now: () => clock.now(),
  });
  process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = eventBus.url;
  process.env.AWS_ENDPOINT_URL_SQS = queues.url;
  const receiverRule = eventRules(template).find((rule) =>
    rule.targets.some((target) => handlersByArn[target.functionArn] === 'receive-event'),
  );
  const receiverQueue = receiverRule?.targets.find((target) => target.deadLetterQueue)?.deadLetterQueue;
  if (receiverQueue) process.env.EVENT_DEAD_LETTERS_URL = queues.queueUrl(receiverQueue);
  const mailQueue = queueSources.find((source) => handlersByArn[source.target] === 'send-mail');
  if (mailQueue) {
    process.env.MAIL_QUEUE_URL = queues.queueUrl(mailQueue.queue);
    // As many senders share the rate as the mapping lets run, whatever rate this runtime was given.
    process.env.MAIL_SENDERS = String(mailQueue.maxConcurrency);
  }

  // SES publishes a bounce on its own time, after the send, to the default bus, whose rule hands it on.
  mailStamps.onBounce((message) => eventBus.publish('default', bounceEvent(message)));

  const advanceTo = (to: Date) => advanceTime(clock, scheduler, stepFunctions, tracker, to);
  const emails = async () => {
    await tracker.whenIdle();
    return readMailbox(sesUrl, (messageId) => mailStamps.acceptedAt(messageId));
  };
  const events = async () => {
    await tracker.whenIdle();
    return eventBus.events();
  };
  const deadLetters = async () => {
    await tracker.whenIdle();
    return queues.messages();
  };

  const routes: ApiRoute[] = templateRoutes(template).map((route) => {
    const arn = placeholderFunctionArn(route.functionLogicalId);
    return {
      method: route.method,
      path: route.path,
      handler: (event) => {
        if (usage) usage.counts.api.requests += 1;
        return invokeFunction(arn, event) as Promise<APIGatewayProxyStructuredResultV2>;
      },
    };
  });
  // The client loads with the first rotation, not with every start.
  const rotateLinkKey = async () => {
    const { RotateSecretCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const secretsClient = new SecretsManagerClient({ endpoint: secrets.url });
    await tracker.track(secretsClient.send(new RotateSecretCommand({ SecretId: LINK_KEY_SECRET })));
  };
  routes.push(
    ...localRoutes({
      clock,
      advanceTo,
      emails,
      events,
      deadLetters,
      putEvents: (request) => tracker.track(Promise.resolve(eventBus.putEvents(request))),
      rotateLinkKey,
      idle: () => tracker.whenIdle(),
      bounce: (address) => mailStamps.bounce(address),
    }),
  );

  const api = await startHttpApi({
    routes,
    port: options.port ?? Number(process.env.PORT ?? 3000),
    onError: (error) => console.error('local API error:', (error as Error).name),
    now: () => clock.now(),
  });
  process.env.BASE_URL = api.url;
  // The provider registers the console's callback, which exists only now that the API listens.
  const oidc = await startLocalOidcProvider(api.url);
  Object.assign(process.env, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: LOCAL_CONSOLE_CLIENT_ID });
  if (options.speed) clock.startTicking(options.speed);

  return {
    apiUrl: api.url,
    sesUrl,
    consoleUrl: `${api.url}/console`,
    oidcIssuer: oidc.issuer,
    now: () => new Date(clock.now()),
    advanceTo,
    idle: () => tracker.whenIdle(),
    emails,
    events,
    deadLetters,
    rotateLinkKey,
    rawEmail: (messageId) => mailStamps.rawMessage(messageId),
    invoke: (functionName, payload) => {
      const arn = arnOf(functionName);
      if (!arn) throw new Error(`no function ${functionName}`);
      return invokeFunction(arn, payload);
    },
    faults: proxies &&
      stepFunctionsProxy && { functions: functionFaults, ...proxies, stepFunctions: stepFunctionsProxy },
    stop: async () => {
      clock.stopTicking();
      await tracker.whenIdle();
      if (usage && usageFile) {
        const mail = await emails();
        usage.counts.ses = {
          emails: mail.length,
          recipients: mail.reduce((sum, email) => sum + email.to.length, 0),
        };
        // Only what the service publishes is billed to it: not HR's systems' events, nor SES's bounces.
        usage.counts.events.entries = eventBus
          .events()
          .filter((event) => event.event.source === JOURNEY_EVENT_SOURCE).length;
        await writeFile(usageFile, JSON.stringify(usage.counts, null, 2));
      }
      await Promise.all([
        threads?.close(),
        closeServer(api.server),
        oidc.close(),
        stepFunctions.close(),
        scheduler.close(),
        secrets.close(),
        ses.close(),
        mailStamps.close(),
        eventBus.close(),
        queues.close(),
        tableStream.close(),
        closeServer(dynamo),
        usageProxy?.close(),
        proxies?.dynamo.close(),
        proxies?.ses.close(),
        stepFunctionsProxy?.close(),
      ]);
    },
  };
};

/** A journey's timers fire one after another, as its steps expect; fire-timer's input names the journey. */
const journeyLane = (schedule: LocalSchedule): string => {
  try {
    const { journeyId } = JSON.parse(schedule.target.input ?? '') as { journeyId?: unknown };
    if (typeof journeyId === 'string') return journeyId;
  } catch {
    // Not a journey's timer: a lane of its own.
  }
  return `${schedule.groupName}/${schedule.name}`;
};

const jsonResult = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/** Routes that exist only locally: they control the virtual clock, show the captured mail and rotate the link key. */
const localRoutes = (local: {
  clock: VirtualClock;
  advanceTo: (to: Date) => Promise<{ fired: number }>;
  emails: () => Promise<LocalEmail[]>;
  events: () => Promise<PutEvent[]>;
  deadLetters: () => Promise<QueuedMessage[]>;
  putEvents: (request: Record<string, unknown>) => Promise<unknown>;
  rotateLinkKey: () => Promise<void>;
  idle: () => Promise<void>;
  bounce: (address: string) => void;
}): ApiRoute[] => [
  {
    method: 'GET',
    path: '/local/clock',
    handler: async () => {
      await local.idle();
      return jsonResult(200, { now: new Date(local.clock.now()).toISOString() });
    },
  },
  {
    method: 'POST',
    path: '/local/clock',
    handler: async (event: APIGatewayProxyEventV2) => {
      const target = clockTarget(event.body, local.clock.now());
      if ('error' in target) return jsonResult(400, { message: target.error });
      const { fired } = await local.advanceTo(target.to);
      return jsonResult(200, { now: new Date(local.clock.now()).toISOString(), fired });
    },
  },
  {
    method: 'GET',
    path: '/local/emails',
    handler: async () => jsonResult(200, await local.emails()),
  },
  {
    method: 'GET',
    path: '/local/events',
    handler: async () => jsonResult(200, await local.events()),
  },
  {
    method: 'POST',
    path: '/local/events',
    handler: async (event: APIGatewayProxyEventV2) => {
      const request = jsonObject(event.body);
      if (!request || !Array.isArray(request.Entries)) {
        return jsonResult(400, {
          message:
            'Send JSON as PutEvents takes it: {"Entries": [{"Source", "DetailType", "Detail": "<JSON text>", "EventBusName"}]}.',
        });
      }
      try {
        return jsonResult(200, await local.putEvents(request));
      } catch (error) {
        return jsonResult(400, { message: (error as Error).message });
      }
    },
  },
  {
    method: 'GET',
    path: '/local/dead-letters',
    handler: async () => jsonResult(200, await local.deadLetters()),
  },
  {
    method: 'POST',
    path: '/local/bounces',
    handler: async (event: APIGatewayProxyEventV2) => {
      const email = await bounceAddress(event.body);
      if (!email) return jsonResult(400, { message: 'Send JSON: {"email": "someone@example.com"}.' });
      local.bounce(email);
      return jsonResult(200, { email, bounces: true });
    },
  },
  {
    method: 'POST',
    path: '/local/rotate-link-key',
    handler: async () => {
      await local.rotateLinkKey();
      return jsonResult(200, { rotated: true });
    },
  },
];

const jsonObject = (body: string | undefined): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** `{"email": "..."}`: the address to bounce from now on. */
const bounceAddress = async (body: string | undefined): Promise<string | undefined> => {
  let email: unknown;
  try {
    ({ email } = JSON.parse(body ?? '') as { email?: unknown });
  } catch {
    return undefined;
  }
  // Loaded here, not with the runtime: zod's hundred modules were a fifth of every start.
  const z = await import('zod');
  return typeof email === 'string' && z.email().safeParse(email).success ? email : undefined;
};

const clockTarget = (body: string | undefined, current: number): { to: Date } | { error: string } => {
  let request: unknown;
  try {
    request = JSON.parse(body ?? '');
  } catch {
    return { error: 'Send JSON: {"advance":"P7D"} or {"to":"2027-04-01T09:00:00+09:00"}.' };
  }
  const { advance, to } = (request ?? {}) as { advance?: unknown; to?: unknown };
  if (typeof advance === 'string') {
    const duration = Duration.fromISO(advance);
    if (!duration.isValid || duration.toMillis() < 0)
      return { error: 'advance must be an ISO 8601 duration like P7D.' };
    return { to: new Date(current + duration.toMillis()) };
  }
  if (typeof to === 'string') {
    const target = new Date(to);
    if (Number.isNaN(target.getTime())) return { error: 'to must be an ISO 8601 date-time.' };
    if (target.getTime() < current)
      return { error: 'to must not be in the past: local time only moves forward.' };
    return { to: target };
  }
  return { error: 'Give either advance (an ISO 8601 duration) or to (an ISO 8601 date-time).' };
};
