import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import aslValidator from 'asl-validator';
import type { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_RUNTIME } from '#infra/constructs/journey-function.ts';
import { createJourneysApp } from '#infra/journeys-app.ts';
import { FUNCTION_METADATA_KEY } from '#infra/stack-contract.ts';
import type { JourneysStack } from '#infra/stacks/journeys-stack.ts';
import { stateMachineDefinitions } from '#infra/synthesized-template.ts';
import { ATTENTION_INDEX } from '#shared/domain/attention.ts';
import { MAX_DAYS_FROM_ROUND_START_TO_SESSION, MAX_DAYS_TO_REPLY } from '#shared/domain/execution-limits.ts';
import { OUTCOME_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';
import { JOURNEY_LIST_INDEX } from '#shared/domain/journey-listing.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';
import { CLAIM_CLOCK_MARGIN_MS, CLAIM_LEASE_MS } from '#shared/email/send-once.ts';

const FUNCTIONS = [
  'start-journey',
  'get-journey',
  'list-journeys',
  'get-report',
  'list-attention',
  'handle-alert',
  'reschedule-journey',
  'cancel-journey',
  'record-departure',
  'reissue-form',
  'erase-journey',
  'show-form',
  'submit-form',
  'send-invitation',
  'request-form',
  'send-brief',
  'start-timer',
  'send-handoff',
  'schedule-onboarding',
  'close-journey',
  'fire-timer',
  'begin-onboarding',
  'schedule-round',
  'start-round',
  'send-session-brief',
  'share-summary',
  'raise-alert',
  'send-journey-summary',
  'get-calendar-settings',
  'put-calendar-settings',
  'get-templates',
  'put-template',
  'record-undeliverable',
  'get-openapi',
  'console',
  'console-actions',
  'rotate-link-key',
  'receive-event',
  'publish-events',
  'send-mail',
];

const OFFER_FOLLOW_UP_STATES = [
  'OpenOfferFollowUp',
  'SendMeetingBrief',
  'RequestOutcome',
  'CloseOffer',
  'FlagForAttention',
  'NeedsAttention',
];

/** A session after its brief's task (which waits for its end and HR's outcome), in a round and its extra session. */
const AFTER_OUTCOME = ['ActOnOutcome', 'CloseRound'];
const CATCH_ALL = ['FlagForAttention', 'NeedsAttention'];
const SESSION_WAITS = { ActOnOutcome: WAIT_LIMIT_DAYS.answer };

/** What each state machine must be, from design.md. */
const MACHINES = [
  {
    name: 'OfferFollowUp',
    startAt: 'OpenOfferFollowUp',
    states: OFFER_FOLLOW_UP_STATES,
    // Each callback task and the most it may wait, in days, before it times out and the journey is flagged.
    waiting: {
      SendMeetingBrief: WAIT_LIMIT_DAYS.offer,
      OpenOfferFollowUp: WAIT_LIMIT_DAYS.offer,
      RequestOutcome: WAIT_LIMIT_DAYS.outcome,
    },
  },
  {
    name: 'Onboarding',
    startAt: 'OpenRound',
    states: ['OpenRound', 'SendSessionBrief', ...AFTER_OUTCOME, ...CATCH_ALL],
    waiting: {
      ...SESSION_WAITS,
      OpenRound: WAIT_LIMIT_DAYS.round,
      SendSessionBrief: WAIT_LIMIT_DAYS.session,
    },
  },
  {
    name: 'OnboardingFollowUp',
    startAt: 'SendFollowUpBrief',
    states: ['SendFollowUpBrief', ...AFTER_OUTCOME, ...CATCH_ALL],
    waiting: { ...SESSION_WAITS, SendFollowUpBrief: WAIT_LIMIT_DAYS.session },
  },
  {
    name: 'OnboardingMilestones',
    startAt: 'BeginOrEndOnboarding',
    states: ['BeginOrEndOnboarding', ...CATCH_ALL],
    waiting: {},
  },
];

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
};
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
type AslState = {
  Type: string;
  End?: boolean;
  Resource?: string;
  MaxConcurrency?: number;
  Retry?: { ErrorEquals: string[]; JitterStrategy?: string; MaxAttempts?: number }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  ItemProcessor?: { States: Record<string, AslState> };
};

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

let app: App;
let stack: JourneysStack;
let assembly: CloudAssembly;
let template: Template;
let json: { Resources: Record<string, Resource> };

beforeAll(() => {
  ({ app, stack } = createJourneysApp({
    context: {
      'aws:cdk:bundling-stacks': [],
      senderEmail: 'follow-up@example.co.jp',
      // Report findings instead of throwing, so the cdk-nag test can list them and the other tests still run.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  }));
  assembly = app.synth();
  json = assembly.getStackArtifact(stack.artifactId).template;
  template = Template.fromJSON(json);
});

const resourcesOfType = (type: string): [string, Resource][] =>
  Object.entries(json.Resources).filter(([, resource]) => resource.Type === type);

/** The project's functions, without the one CDK adds to read the web ACL's ARN from us-east-1. */
const journeyFunctions = (): [string, Resource][] =>
  resourcesOfType('AWS::Lambda::Function').filter(
    ([, fn]) => fn.Metadata?.[FUNCTION_METADATA_KEY] !== undefined,
  );

const functionByFolder = (folder: string): [string, Resource] => {
  const found = journeyFunctions().find(
    ([, resource]) => resource.Metadata?.[FUNCTION_METADATA_KEY] === folder,
  );
  if (!found) throw new Error(`no function for functions/${folder}`);
  return found;
};

/** Every policy statement attached to the role of the function in `functions/<folder>`. */
const statementsOf = (folder: string): Statement[] => {
  const [, fn] = functionByFolder(folder);
  const [roleId] = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
  return resourcesOfType('AWS::IAM::Policy')
    .filter(([, policy]) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    )
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
};

const actionsOf = (statements: Statement[]): string[] =>
  statements.flatMap((statement) => [statement.Action].flat());

const foldersAllowed = (action: string): string[] =>
  FUNCTIONS.filter((folder) => actionsOf(statementsOf(folder)).includes(action)).sort();

const machineNamed = (name: string) => {
  const machine = stateMachineDefinitions(json).find((definition) => definition.name === name);
  if (!machine) throw new Error(`no state machine ${name} in the template`);
  return machine;
};

/** Every cdk-nag finding acknowledged in the app, with its reason. */
const acknowledgementsIn = (root: IConstruct): { id: string; reason: string }[] => [
  ...root.node.metadata
    .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .map(([id, reason]) => ({ id, reason })),
  ...root.node.children.flatMap(acknowledgementsIn),
];

const envOf = (folder: string) =>
  (functionByFolder(folder)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;

const allStates = (states: Record<string, AslState>): [string, AslState][] =>
  Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, AslState],
    ...(state.ItemProcessor ? allStates(state.ItemProcessor.States) : []),
  ]);

describe('journey table', () => {
  it('keeps the data: point-in-time recovery, retained, deletion protection, own key, TTL', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': ['JourneysTableKey', 'Arn'] },
        },
      },
    });
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { EnableKeyRotation: true },
    });
  });

  it('lets functions use the table key for the table and the link secret only: no other key, no wildcard, no key administration', () => {
    const kmsStatements = FUNCTIONS.flatMap(statementsOf).filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('kms:')),
    );
    expect(kmsStatements.length).toBeGreaterThan(0);
    for (const statement of kmsStatements) {
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': ['JourneysTableKey', 'Arn'] });
      for (const action of actionsOf([statement])) {
        expect(action).toMatch(/^kms:(Decrypt|DescribeKey|Encrypt|ReEncrypt\*|GenerateDataKey\*?)$/);
      }
    }
  });

  it("indexes journeys for HR's list and open items for the attention queue, projecting no free text", () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: JOURNEY_LIST_INDEX,
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'listSk', KeyType: 'RANGE' },
          ],
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: ['journeyId', 'phase', 'hire', 'rounds', 'listName', 'listHr', 'listOffer'],
          },
        },
        {
          IndexName: ATTENTION_INDEX,
          KeySchema: [
            { AttributeName: 'attentionQueue', KeyType: 'HASH' },
            { AttributeName: 'attentionSk', KeyType: 'RANGE' },
          ],
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: [
              'itemId',
              'kind',
              'journeyId',
              'person',
              'hr',
              'since',
              'round',
              'role',
              'alertId',
              'source',
              'reason',
              'cause',
              'attentionHr',
            ],
          },
        },
      ],
    });
  });

  it('has stable logical ids for the stateful resources', () => {
    expect(json.Resources.JourneysTable?.Type).toBe('AWS::DynamoDB::Table');
    expect(json.Resources.JourneysTableKey?.Type).toBe('AWS::KMS::Key');
    expect(json.Resources.LinkSigningKey?.Type).toBe('AWS::SecretsManager::Secret');
    expect(json.Resources.IdentifierKey?.Type).toBe('AWS::SecretsManager::Secret');
  });

  it('keeps the identifier key for good, encrypted with the table key, readable only where ids are derived', () => {
    const secret = json.Resources.IdentifierKey;
    expect(secret?.DeletionPolicy).toBe('Retain');
    expect(secret?.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': ['JourneysTableKey', 'Arn'] });
    const rotated = resourcesOfType('AWS::SecretsManager::RotationSchedule').map(([, rotation]) =>
      JSON.stringify(rotation.Properties.SecretId),
    );
    expect(rotated).not.toContain(JSON.stringify({ Ref: 'IdentifierKey' }));
    const readers = resourcesOfType('AWS::IAM::Policy')
      .filter(([, policy]) =>
        JSON.stringify(policy.Properties.PolicyDocument).includes('"Resource":{"Ref":"IdentifierKey"}'),
      )
      .flatMap(([, policy]) => policy.Properties.Roles as { Ref: string }[])
      .map((role) => role.Ref)
      .sort();
    const roleOf = (folder: string) =>
      (functionByFolder(folder)[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const deriving = [
      'start-journey',
      'console-actions',
      'send-invitation',
      'start-round',
      'raise-alert',
      'submit-form',
      'receive-event',
    ];
    expect(readers).toEqual(deriving.map(roleOf).sort());
  });
});

describe('link signing key', () => {
  const secretRef = { Ref: 'LinkSigningKey' };

  it('is encrypted with the project key and rotated every 30 days by rotate-link-key', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: { KmsKeyId: { 'Fn::GetAtt': ['JourneysTableKey', 'Arn'] } },
    });
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      SecretId: secretRef,
      RotationLambdaARN: { 'Fn::GetAtt': [functionByFolder('rotate-link-key')[0], 'Arn'] },
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionByFolder('rotate-link-key')[0], 'Arn'] },
      Principal: 'secretsmanager.amazonaws.com',
      SourceArn: secretRef,
    });
  });

  it('creates the schedule, which rotates at once, only after the function may run it', () => {
    const [, schedule] = resourcesOfType('AWS::SecretsManager::RotationSchedule')[0] ?? [];
    const dependsOn = (schedule as { DependsOn?: string[] } | undefined)?.DependsOn ?? [];
    const [, fn] = functionByFolder('rotate-link-key');
    const [roleId] = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    const policies = resourcesOfType('AWS::IAM::Policy')
      .filter(([, policy]) =>
        (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
      )
      .map(([id]) => id);
    const permission = resourcesOfType('AWS::Lambda::Permission').find(
      ([, resource]) => resource.Properties.Principal === 'secretsmanager.amazonaws.com',
    )?.[0];
    expect(dependsOn).toEqual(expect.arrayContaining([roleId, ...policies, permission]));
  });

  it('lets the rotation function write versions of that secret and use the key only through Secrets Manager', () => {
    const statements = statementsOf('rotate-link-key').filter(
      (statement) => !actionsOf([statement]).some((action) => action.startsWith('logs:')),
    );
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: [
            'secretsmanager:DescribeSecret',
            'secretsmanager:GetSecretValue',
            'secretsmanager:PutSecretValue',
            'secretsmanager:UpdateSecretVersionStage',
          ],
          Resource: secretRef,
        }),
        expect.objectContaining({
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: { 'Fn::GetAtt': ['JourneysTableKey', 'Arn'] },
          Condition: {
            StringEquals: {
              // The stack's region is fixed at synthesis (ap-northeast-1 unless told otherwise).
              'kms:ViaService': 'secretsmanager.ap-northeast-1.amazonaws.com',
            },
          },
        }),
      ]),
    );
    expect(foldersAllowed('secretsmanager:PutSecretValue')).toEqual(['rotate-link-key']);
    expect(foldersAllowed('secretsmanager:UpdateSecretVersionStage')).toEqual(['rotate-link-key']);
    expect(
      actionsOf(statementsOf('rotate-link-key')).filter((action) => action.startsWith('dynamodb:')),
    ).toEqual([]);
  });

  it('names the secret in an output, for ops to rotate it now', () => {
    template.hasOutput('LinkSigningKeyArn', { Value: secretRef });
  });

  it('no longer acknowledges the missing rotation (AwsSolutions-SMG4)', () => {
    expect(acknowledgementsIn(app).map(({ id }) => id)).not.toContain('AwsSolutions-SMG4');
  });
});

describe('functions', () => {
  it('has one function per handler folder, each with its handler file', () => {
    const folders = journeyFunctions().map(([, fn]) => fn.Metadata?.[FUNCTION_METADATA_KEY]);
    expect(folders.sort()).toEqual([...FUNCTIONS].sort());
    for (const folder of FUNCTIONS) expect(existsSync(join('functions', folder, 'handler.ts'))).toBe(true);
  });

  it('runs every function on arm64 with the newest Node.js runtime, logging to a log group kept a month', () => {
    for (const [, fn] of journeyFunctions()) {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: FUNCTION_RUNTIME.name,
        Handler: 'index.handler',
        Environment: {
          Variables: { POWERTOOLS_SERVICE_NAME: 'follow-up-journeys' },
        },
      });
      const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(json.Resources[logGroupId]?.Properties).toMatchObject({ RetentionInDays: 30 });
    }
  });

  it('stops every function well before an email claim counts as left over, so a live send is never taken over', () => {
    for (const [, fn] of journeyFunctions()) {
      expect((fn.Properties.Timeout as number) * 1000 + CLAIM_CLOCK_MARGIN_MS).toBeLessThanOrEqual(
        CLAIM_LEASE_MS,
      );
    }
  });

  it("attaches no AWS managed policy to any role but that of CDK's cross-region reader, which only logs", () => {
    const withManaged = resourcesOfType('AWS::IAM::Role').filter(
      ([, role]) => role.Properties.ManagedPolicyArns,
    );
    expect(withManaged.map(([id]) => id)).toEqual([
      expect.stringMatching(/^CustomCrossRegionExportReaderCustomResourceProviderRole/),
    ]);
    expect(withManaged[0]?.[1].Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Sub': expect.stringMatching(/:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/) },
    ]);
  });

  it('gives each handler the environment it reads', () => {
    const variables = (folder: string) =>
      Object.keys((functionByFolder(folder)[1].Properties.Environment as { Variables: object }).Variables);
    const everywhere = ['LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME'];
    const mail = ['SENDER_EMAIL', 'SES_CONFIGURATION_SET'];
    // Steps put their mail on the mail queue.
    const queued = [...mail, 'MAIL_QUEUE_URL'];
    const timers = ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'TIMER_TARGET_ARN', 'TIMER_DEAD_LETTER_ARN'];
    const onboardingMachines = [
      'ONBOARDING_STATE_MACHINE_ARN',
      'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
      'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
    ];
    const stopping = [...mail, 'SCHEDULE_GROUP', 'STATE_MACHINE_ARN', ...onboardingMachines];
    const retention = 'PRIVATE_NOTES_RETENTION_DAYS';
    const identifiers = 'IDENTIFIER_KEY_SECRET_ARN';
    const expected: Record<string, string[]> = {
      'start-journey': ['STATE_MACHINE_ARN', ...timers, identifiers],
      'get-journey': [],
      'list-journeys': [],
      'get-report': [],
      'list-attention': [],
      'handle-alert': [],
      'reschedule-journey': [...mail, ...timers],
      'cancel-journey': [...stopping, retention],
      'record-departure': [...stopping, retention],
      'erase-journey': stopping,
      // It signs and mails a fresh form link.
      'reissue-form': [...mail, 'LINK_KEY_SECRET_ARN', 'BASE_URL'],
      'show-form': ['LINK_KEY_SECRET_ARN'],
      // A worried prep answer raises its alert as it is submitted.
      // HR's "still undecided" schedules the next ask.
      'submit-form': [
        ...mail,
        'LINK_KEY_SECRET_ARN',
        retention,
        'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
        identifiers,
        ...timers,
      ],
      // The offer phase's first step asks the interviewers for their insight, on forms with deadlines.
      'send-invitation': [...queued, identifiers, 'LINK_KEY_SECRET_ARN', 'BASE_URL', ...timers],
      'request-form': [...queued, 'LINK_KEY_SECRET_ARN', 'BASE_URL', ...timers],
      // The briefs' tasks wait for the meeting's or the session's end.
      'send-brief': [...queued, ...timers],
      'start-timer': timers,
      'send-handoff': queued,
      // CloseOffer: the handoff and onboarding's schedule, or the journey's end.
      'schedule-onboarding': [...queued, ...timers, retention],
      'close-journey': [...queued, retention],
      // At a session's end it opens HR's outcome form, which closes at its deadline. Its schedules call it back
      // by the ARN it was invoked by: its own would make it depend on itself.
      'fire-timer': [
        ...queued,
        ...timers.filter((variable) => variable !== 'TIMER_TARGET_ARN'),
        'LINK_KEY_SECRET_ARN',
        'BASE_URL',
        'ONBOARDING_STATE_MACHINE_ARN',
        'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
      ],
      // It schedules the pulse checks when onboarding begins, and completes a journey (its summary) at the end.
      'begin-onboarding': [...queued, ...timers, retention],
      // It shares a session's outcome, and completes the journey after the last round.
      'schedule-round': [...queued, ...timers, retention],
      // The invitation links the new hire's topics form, which closes at the prep deadline.
      'start-round': [...queued, 'LINK_KEY_SECRET_ARN', 'BASE_URL', ...timers, identifiers],
      'send-session-brief': [...queued, ...timers],
      'share-summary': queued,
      // It asks the new hire to confirm a team summary on a form that closes at its deadline.
      'raise-alert': [
        ...queued,
        'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
        identifiers,
        'LINK_KEY_SECRET_ARN',
        'BASE_URL',
        ...timers,
      ],
      'send-journey-summary': queued,
      'get-calendar-settings': [],
      'put-calendar-settings': [],
      'get-templates': [],
      'put-template': [],
      'get-openapi': [],
      // It tells HR whose address mail cannot reach.
      'record-undeliverable': queued,
      // HR's systems' events start, move and end journeys as the API does, and refusals go to the queue.
      'receive-event': [
        ...queued,
        ...timers,
        'STATE_MACHINE_ARN',
        ...onboardingMachines,
        retention,
        identifiers,
        'EVENT_DEAD_LETTERS_URL',
      ],
      'publish-events': ['EVENT_BUS_NAME'],
      // It derives its session keys from the link key and sends people to the user pool's sign-in.
      console: ['LINK_KEY_SECRET_ARN', 'BASE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_LOGOUT_URL'],
      // Every change HR makes over the API, from the console: it starts, moves, stops and mails as those do.
      'console-actions': [
        ...mail,
        ...timers,
        'STATE_MACHINE_ARN',
        ...onboardingMachines,
        retention,
        'LINK_KEY_SECRET_ARN',
        'BASE_URL',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_LOGOUT_URL',
        identifiers,
      ],
      // Secrets Manager names the secret in each rotation event; it reads no table.
      'rotate-link-key': [],
      // It sends the queued mail, and flags the journey of mail that keeps failing, which mails HR (queued).
      // It sends at the SES rate, shared by the queue's senders.
      'send-mail': [...queued, 'MAIL_SENDERS', 'SES_MAX_SEND_RATE'],
    };
    expect(Object.keys(expected).sort()).toEqual([...FUNCTIONS].sort());
    for (const [folder, own] of Object.entries(expected)) {
      const base =
        folder === 'rotate-link-key' ? everywhere.filter((name) => name !== 'TABLE_NAME') : everywhere;
      expect(variables(folder).sort(), folder).toEqual([...base, ...own].sort());
    }
  });

  it('points links at the CloudFront entry, behind the web ACL, and timers at fire-timer', () => {
    const [distributionId] = resourcesOfType('AWS::CloudFront::Distribution').map(([id]) => id);
    expect(envOf('request-form').BASE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
    });
    for (const folder of ['request-form', 'start-journey', 'reschedule-journey']) {
      expect(envOf(folder).TIMER_TARGET_ARN, folder).toEqual({
        'Fn::GetAtt': [functionByFolder('fire-timer')[0], 'Arn'],
      });
    }
  });

  it('points the starters at the onboarding machines by name: a reference would make them depend on one', () => {
    const byName = (name: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':states:ap-northeast-1:',
          { Ref: 'AWS::AccountId' },
          `:stateMachine:FollowUpJourneys-${name}`,
        ],
      ],
    });
    const startable = (folder: string) =>
      statementsOf(folder)
        .filter((statement) => actionsOf([statement]).includes('states:StartExecution'))
        .map((statement) => statement.Resource);
    for (const [name, variable] of [
      ['Onboarding', 'ONBOARDING_STATE_MACHINE_ARN'],
      ['OnboardingFollowUp', 'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN'],
      ['OnboardingMilestones', 'ONBOARDING_MILESTONES_STATE_MACHINE_ARN'],
    ] as const) {
      const [, machine] = resourcesOfType('AWS::StepFunctions::StateMachine').find(
        ([id]) => id === machineNamed(name).logicalId,
      ) as [string, Resource];
      expect(machine.Properties.StateMachineName).toBe(`FollowUpJourneys-${name}`);
      expect(envOf('cancel-journey')[variable], name).toEqual(byName(name));
    }
    // fire-timer begins onboarding, starts its rounds and ends it; an alert starts a round's extra session.
    expect(envOf('fire-timer').ONBOARDING_STATE_MACHINE_ARN).toEqual(byName('Onboarding'));
    expect(envOf('fire-timer').ONBOARDING_MILESTONES_STATE_MACHINE_ARN).toEqual(
      byName('OnboardingMilestones'),
    );
    expect(startable('fire-timer')).toEqual(
      expect.arrayContaining([byName('Onboarding'), byName('OnboardingMilestones')]),
    );
    expect(startable('fire-timer')).toHaveLength(2);
    for (const folder of ['raise-alert', 'submit-form']) {
      expect(envOf(folder).ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN, folder).toEqual(
        byName('OnboardingFollowUp'),
      );
      expect(startable(folder), folder).toEqual([byName('OnboardingFollowUp')]);
    }
  });

  it('points cancel-journey and erase-journey at every machine: either stops whichever phase runs', () => {
    for (const folder of ['cancel-journey', 'erase-journey']) {
      expect(envOf(folder).STATE_MACHINE_ARN, folder).toEqual({
        Ref: machineNamed('OfferFollowUp').logicalId,
      });
      for (const variable of [
        'ONBOARDING_STATE_MACHINE_ARN',
        'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
        'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
      ]) {
        expect(envOf(folder)[variable], folder).toEqual(envOf('cancel-journey')[variable]);
      }
    }
  });

  it('keeps private notes 365 days after a journey ends by default, told to every function that ends one', () => {
    const keeping = FUNCTIONS.filter((folder) => envOf(folder).PRIVATE_NOTES_RETENTION_DAYS !== undefined);
    expect(keeping.sort()).toEqual([
      'begin-onboarding',
      'cancel-journey',
      'close-journey',
      'console-actions',
      'receive-event',
      'record-departure',
      'schedule-onboarding',
      'schedule-round',
      'submit-form',
    ]);
    for (const folder of keeping) expect(envOf(folder).PRIVATE_NOTES_RETENTION_DAYS, folder).toBe('365');
  });
});

describe('HTTP API', () => {
  it('authorizes the HR routes with IAM and leaves the form routes to the signed link', () => {
    const authorization = Object.fromEntries(
      resourcesOfType('AWS::ApiGatewayV2::Route').map(([, route]) => [
        route.Properties.RouteKey,
        route.Properties.AuthorizationType,
      ]),
    );
    expect(authorization).toEqual({
      'POST /journeys': 'AWS_IAM',
      'GET /journeys': 'AWS_IAM',
      'GET /reports': 'AWS_IAM',
      'GET /attention': 'AWS_IAM',
      'POST /journeys/{id}/alerts/{alertId}/handled': 'AWS_IAM',
      'GET /journeys/{id}': 'AWS_IAM',
      'PATCH /journeys/{id}': 'AWS_IAM',
      'POST /journeys/{id}/cancel': 'AWS_IAM',
      'POST /journeys/{id}/left': 'AWS_IAM',
      'POST /journeys/{id}/forms/{formId}/reissue': 'AWS_IAM',
      'DELETE /journeys/{id}': 'AWS_IAM',
      'GET /settings/calendar': 'AWS_IAM',
      'PUT /settings/calendar': 'AWS_IAM',
      'GET /settings/templates': 'AWS_IAM',
      'GET /settings/templates/{name}': 'AWS_IAM',
      'PUT /settings/templates/{name}': 'AWS_IAM',
      'GET /openapi.json': 'AWS_IAM',
      'GET /forms/{token}': 'NONE',
      'POST /forms/{token}': 'NONE',
      // The console's pages: its session cookie, made after a Cognito sign-in, is what lets HR in.
      'GET /': 'NONE',
      'GET /console': 'NONE',
      'GET /console/sign-in': 'NONE',
      'GET /console/callback': 'NONE',
      'GET /console/signed-out': 'NONE',
      'POST /console/sign-out': 'NONE',
      'GET /console/journeys/new': 'NONE',
      'GET /console/journeys/{id}': 'NONE',
      'GET /console/journeys/{id}/forms/{formId}': 'NONE',
      'GET /console/attention': 'NONE',
      'GET /console/reports': 'NONE',
      'GET /console/settings/calendar': 'NONE',
      'POST /console/settings/calendar': 'NONE',
      'POST /console/journeys/{id}/alerts/{alertId}/handled': 'NONE',
      'POST /console/journeys': 'NONE',
      'POST /console/journeys/{id}/move': 'NONE',
      'POST /console/journeys/{id}/cancel': 'NONE',
      'POST /console/journeys/{id}/left': 'NONE',
      'POST /console/journeys/{id}/erase': 'NONE',
      'POST /console/journeys/{id}/forms/{formId}/reissue': 'NONE',
    });
  });

  it('signs HR into the console with a Cognito user pool: no sign-up, strong passwords, TOTP, two groups', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'PLUS',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
    expect(
      resourcesOfType('AWS::Cognito::UserPoolGroup')
        .map(([, group]) => group.Properties.GroupName)
        .sort(),
    ).toEqual(['hr', 'hr-lead']);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [
        Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/console/callback'])]) }),
      ],
      LogoutURLs: [
        Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/console/signed-out'])]) }),
      ],
    });
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.hasOutput('ConsoleUserPoolId', {});
    template.hasOutput('ConsoleUrl', {});
  });

  it('logs access by route key (never the token-bearing path) and throttles the form routes harder', () => {
    const [[, stage]] = resourcesOfType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
      RouteSettings: {
        'GET /forms/{token}': { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 },
        'POST /forms/{token}': { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 },
      },
    });
    const format = (stage.Properties.AccessLogSettings as { Format: string }).Format;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toMatch(/\$context\.(path|resourcePath)/);
  });
});

describe('state machines', () => {
  it('are Standard, with tracing, logging of every event without execution data, and a failure alarm', () => {
    const machines = resourcesOfType('AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(MACHINES.length);
    for (const [logicalId, machine] of machines) {
      expect(machine.Properties, logicalId).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ExecutionsFailed',
        Namespace: 'AWS/States',
        Threshold: 1,
        Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: logicalId } }],
      });
    }
  });
});

describe.each(MACHINES)('$name state machine', ({ name, startAt, states, waiting }) => {
  it('has exactly the states of the design, under its name', () => {
    const machine = machineNamed(name);
    const names = allStates(machine.definition.States as Record<string, AslState>).map(([state]) => state);
    expect(names.sort()).toEqual([...states].sort());
    expect(machine.definition.StartAt).toBe(startAt);
  });

  it('uses JSONPath only: the local engine ignores JSONata and variables', () => {
    const text = JSON.stringify(machineNamed(name).definition);
    expect(text).not.toMatch(/JSONata|"QueryLanguage"|"Assign"|"Arguments"|"Output"/);
  });

  it('waits for a task token in the callback tasks, and only there', () => {
    const all = allStates(machineNamed(name).definition.States as Record<string, AslState>);
    const callbacks = all
      .filter(([, state]) => state.Resource?.endsWith('.waitForTaskToken'))
      .map(([state]) => state)
      .sort();
    expect(callbacks).toEqual(Object.keys(waiting).sort());
  });

  it('times every callback task out past its longest rightful wait, into the catch that flags the journey', () => {
    const all = allStates(machineNamed(name).definition.States as Record<string, AslState>);
    const states = Object.fromEntries(all);
    for (const [state, days] of Object.entries(waiting)) {
      expect(states[state]?.TimeoutSeconds, state).toBe(days * 24 * 60 * 60);
      // Only the first year of an execution exists: a limit past it would never be reached.
      expect(days, state).toBeLessThan(365);
    }
    // Every limit covers the longest its wait can rightfully last (the reply deadline, a moved session, an
    // outcome link's life) with room to spare.
    expect(WAIT_LIMIT_DAYS.offer).toBeGreaterThan(MAX_DAYS_TO_REPLY);
    expect(WAIT_LIMIT_DAYS.round).toBeGreaterThan(MAX_DAYS_FROM_ROUND_START_TO_SESSION);
    expect(WAIT_LIMIT_DAYS.answer).toBeGreaterThan(OUTCOME_LINK_DAYS);
    expect(WAIT_LIMIT_DAYS.outcome).toBeGreaterThan(MAX_DAYS_TO_REPLY + OUTCOME_LINK_DAYS);
  });

  it('retries failed tasks with backoff and jitter, and flags the journey when a step keeps failing', () => {
    const all = allStates(machineNamed(name).definition.States as Record<string, AslState>);
    for (const [state, definition] of all.filter(([, s]) => s.Type === 'Task')) {
      // Steps queue their mail and never wait for a send: besides Lambda's own service errors, one retrier, for
      // any failure.
      const retriers = definition.Retry ?? [];
      expect(
        retriers.filter((retrier) => !retrier.ErrorEquals.every((error) => error.startsWith('Lambda.'))),
        state,
      ).toEqual([
        expect.objectContaining({
          ErrorEquals: ['States.TaskFailed'],
          JitterStrategy: 'FULL',
          MaxAttempts: 3,
        }),
      ]);
    }
    for (const [state, definition] of all.filter(([, s]) => s.Type === 'Task')) {
      if (state === 'FlagForAttention') {
        expect(definition.Catch, state).toBeUndefined();
      } else {
        expect(definition.Catch, state).toEqual([
          expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'FlagForAttention' }),
        ]);
      }
    }
  });

  it('passes asl-validator', () => {
    // The validator writes into what it is given.
    const result = aslValidator(structuredClone(machineNamed(name).definition));
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });
});

describe('offer follow-up state machine', () => {
  it("waits for HR's final answer in one task, each ask bounded by a heartbeat, and closes the offer on it", () => {
    const states = Object.fromEntries(
      allStates(machineNamed('OfferFollowUp').definition.States as Record<string, AslState>),
    );
    // Asked again after "still undecided" by a schedule, on the same task: the ask's answer must come within an
    // outcome link's life, however long the asks go on.
    expect(states.RequestOutcome).toMatchObject({
      Next: 'CloseOffer',
      HeartbeatSeconds: WAIT_LIMIT_DAYS.answer * 24 * 60 * 60,
    });
    expect(states.CloseOffer).toMatchObject({ Type: 'Task', End: true });
    expect(Object.values(states).filter((state) => state.Type === 'Choice')).toEqual([]);
  });
});

describe('onboarding state machines', () => {
  it('runs one round per execution and schedules the next, so none lasts anywhere near a year', () => {
    const all = allStates(machineNamed('Onboarding').definition.States as Record<string, AslState>);
    const states = Object.fromEntries(all);
    // No Map: one task gathers the team's prep forms, and the step that schedules the next round (or ends the
    // journey) ends the execution.
    expect(all.filter(([, state]) => state.Type === 'Map')).toEqual([]);
    expect(states.OpenRound).toMatchObject({ Type: 'Task', Next: 'SendSessionBrief' });
    expect(states.CloseRound).toMatchObject({ Type: 'Task', End: true });
  });

  it('gives each kind of execution a machine of its own, whose states all do work but the catch-all', () => {
    // A round, its extra session, and the start date with the end after the last checks: no state reads the
    // input to tell which, nor a task's result to route it, and every execution ends on its last task.
    for (const name of ['Onboarding', 'OnboardingFollowUp', 'OnboardingMilestones']) {
      const all = allStates(machineNamed(name).definition.States as Record<string, AslState>);
      expect(
        all.filter(([state, { Type }]) => Type !== 'Task' && state !== 'NeedsAttention'),
        name,
      ).toEqual([]);
    }
    expect(
      Object.fromEntries(
        allStates(machineNamed('OnboardingMilestones').definition.States as Record<string, AslState>),
      ).BeginOrEndOnboarding,
    ).toMatchObject({ Type: 'Task', End: true });
  });
});

describe('least privilege', () => {
  it('grants wildcard resources only for X-Ray, log delivery and listing streams, which have no resource-level permissions', () => {
    for (const [policyId, policy] of resourcesOfType('AWS::IAM::Policy')) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (![statement.Resource].flat().includes('*')) continue;
        if (policyId.startsWith('PublishEventsRole')) {
          // The stream grant: ListStreams has no resource-level permissions.
          expect(statement.Action).toBe('dynamodb:ListStreams');
          continue;
        }
        expect(policyId).toMatch(
          /^(OfferFollowUp|Onboarding|OnboardingFollowUp|OnboardingMilestones)StateMachineRole/,
        );
        for (const action of [statement.Action].flat()) expect(action).toMatch(/^(xray|logs):/);
      }
    }
  });

  it('lets start-journey (the console and OfferIssued events too) start offer follow-ups, fire-timer and alerts onboarding, and only the resumers resume tasks', () => {
    expect(foldersAllowed('states:StartExecution')).toEqual([
      'console-actions',
      'fire-timer',
      'raise-alert',
      'receive-event',
      'start-journey',
      'submit-form',
    ]);
    const startable = (folder: string) =>
      statementsOf(folder)
        .filter((statement) => actionsOf([statement]).includes('states:StartExecution'))
        .map((statement) => JSON.stringify(statement.Resource));
    for (const folder of ['start-journey', 'console-actions', 'receive-event']) {
      expect(startable(folder), folder).toEqual([
        JSON.stringify({ Ref: machineNamed('OfferFollowUp').logicalId }),
      ]);
    }
    for (const folder of ['fire-timer', 'raise-alert', 'submit-form']) {
      expect(startable(folder).length, folder).toBeGreaterThan(0);
      for (const resource of startable(folder)) {
        expect(resource, folder).toContain('stateMachine:FollowUpJourneys-Onboarding');
      }
    }

    const resumers = ['fire-timer', 'record-undeliverable', 'request-form', 'submit-form'];
    // The step after a session's outcome goes on at once itself when there is nothing to confirm, and the first
    // step of the offer phase and of a round when a retry finds its prep forms all settled.
    expect(foldersAllowed('states:SendTaskSuccess')).toEqual(
      [...resumers, 'raise-alert', 'send-invitation', 'start-round'].sort(),
    );
    const resumableBy = (folder: string) =>
      statementsOf(folder)
        .filter((statement) => actionsOf([statement]).includes('states:SendTaskSuccess'))
        .map((statement) => statement.Resource);
    expect(resumableBy('raise-alert')).toEqual([
      { Ref: machineNamed('Onboarding').logicalId },
      { Ref: machineNamed('OnboardingFollowUp').logicalId },
    ]);
    expect(resumableBy('send-invitation')).toEqual([{ Ref: machineNamed('OfferFollowUp').logicalId }]);
    expect(resumableBy('start-round')).toEqual([{ Ref: machineNamed('Onboarding').logicalId }]);
    // Forms, timers and bounces serve both phases, so they resume tasks of every state machine that waits.
    const waitingMachines = MACHINES.filter(({ waiting }) => Object.keys(waiting).length > 0);
    for (const folder of resumers) {
      const resumable = resumableBy(folder);
      expect(resumable, folder).toEqual(
        expect.arrayContaining(waitingMachines.map(({ name }) => ({ Ref: machineNamed(name).logicalId }))),
      );
      expect(resumable, folder).toHaveLength(waitingMachines.length);
    }
  });

  it('lets only cancel-journey, record-departure, erase-journey and the console stop executions, those of every state machine', () => {
    expect(foldersAllowed('states:StopExecution')).toEqual([
      'cancel-journey',
      'console-actions',
      'erase-journey',
      'receive-event',
      'record-departure',
    ]);
    const arnPrefix = [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':states:ap-northeast-1:',
      { Ref: 'AWS::AccountId' },
    ];
    // Executions are named `<journeyId>` (OfferFollowUp), `<journeyId>-onboarding-r<round>` (Onboarding),
    // `<journeyId>-onboarding-r<round>-followup` (OnboardingFollowUp), `<journeyId>-onboarding` and
    // `<journeyId>-onboarding-end` (OnboardingMilestones), the last three by name.
    const stopping = (folder: string) =>
      statementsOf(folder).filter((statement) =>
        actionsOf([statement]).some((action) => action.startsWith('states:')),
      );
    expect(stopping('erase-journey')).toEqual(stopping('cancel-journey'));
    expect(stopping('record-departure')).toEqual(stopping('cancel-journey'));
    expect(stopping('console-actions')).toEqual(expect.arrayContaining(stopping('cancel-journey')));
    expect(stopping('receive-event')).toEqual(expect.arrayContaining(stopping('cancel-journey')));
    expect(stopping('cancel-journey')).toEqual([
      expect.objectContaining({
        Action: 'states:StopExecution',
        Resource: {
          'Fn::Join': [
            '',
            [
              ...arnPrefix,
              ':execution:',
              { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: machineNamed('OfferFollowUp').logicalId }] }] },
              ':*',
            ],
          ],
        },
      }),
      ...['Onboarding', 'OnboardingFollowUp', 'OnboardingMilestones'].map((name) =>
        expect.objectContaining({
          Action: 'states:StopExecution',
          Resource: {
            'Fn::Join': ['', [...arnPrefix, `:execution:FollowUpJourneys-${name}:*`]],
          },
        }),
      ),
    ]);
  });

  it('lets only the mail sender and functions a person waits on send, from the identity through the configuration set', () => {
    expect(foldersAllowed('ses:SendRawEmail')).toEqual(
      [
        'reschedule-journey',
        'cancel-journey',
        'record-departure',
        'reissue-form',
        'erase-journey',
        'console-actions',
        'submit-form',
        'send-mail',
      ].sort(),
    );
    const queueing = FUNCTIONS.filter((folder) =>
      statementsOf(folder).some(
        (statement) =>
          actionsOf([statement]).includes('sqs:SendMessage') &&
          JSON.stringify(statement.Resource).includes('"MailQueue'),
      ),
    ).sort();
    expect(queueing).toEqual(
      [
        'fire-timer',
        'request-form',
        'send-brief',
        'send-handoff',
        'schedule-onboarding',
        'send-invitation',
        'start-round',
        'send-session-brief',
        'share-summary',
        'raise-alert',
        'send-journey-summary',
        'begin-onboarding',
        'schedule-round',
        'close-journey',
        'record-undeliverable',
        'receive-event',
        'send-mail',
      ].sort(),
    );
    const sesStatements = FUNCTIONS.flatMap(statementsOf).filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('ses:')),
    );
    for (const statement of sesStatements) {
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/');
      expect(resources).toContain(':configuration-set/');
    }
  });

  it('routes DELETE /journeys/{id}, IAM-authorized, to erase-journey, which may delete items of the table only', () => {
    const [, route] = resourcesOfType('AWS::ApiGatewayV2::Route').find(
      ([, candidate]) => candidate.Properties.RouteKey === 'DELETE /journeys/{id}',
    ) as [string, Resource];
    expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    const integrationId = JSON.stringify(route.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
    expect(JSON.stringify(json.Resources[integrationId]?.Properties.IntegrationUri)).toContain(
      functionByFolder('erase-journey')[0],
    );

    const deleting = statementsOf('erase-journey').filter((statement) =>
      actionsOf([statement]).some((action) => /^dynamodb:(DeleteItem|BatchWriteItem)$/.test(action)),
    );
    expect(actionsOf(deleting)).toEqual(
      expect.arrayContaining(['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
    );
    for (const statement of deleting) {
      expect(JSON.stringify(statement.Resource)).toContain('JourneysTable');
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"/);
    }
  });

  it('routes POST /journeys/{id}/forms/{formId}/reissue, IAM-authorized, to reissue-form, which reads the link key', () => {
    const [, route] = resourcesOfType('AWS::ApiGatewayV2::Route').find(
      ([, candidate]) => candidate.Properties.RouteKey === 'POST /journeys/{id}/forms/{formId}/reissue',
    ) as [string, Resource];
    expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    const integrationId = JSON.stringify(route.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
    expect(JSON.stringify(json.Resources[integrationId]?.Properties.IntegrationUri)).toContain(
      functionByFolder('reissue-form')[0],
    );
    const actions = actionsOf(statementsOf('reissue-form'));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:UpdateItem', 'ses:SendRawEmail', 'secretsmanager:GetSecretValue']),
    );
    expect(actions.some((action) => /^(states|scheduler):/.test(action))).toBe(false);
  });

  it('lets put-calendar-settings put the calendar item only, and nothing else in the table', () => {
    const dynamo = statementsOf('put-calendar-settings').filter((statement) =>
      actionsOf([statement]).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo)).toEqual(['dynamodb:PutItem']);
    expect(dynamo[0]?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['SETTINGS#calendar'] },
    });
  });

  it('lets put-template put templates only, and nothing else in the table', () => {
    const writes = statementsOf('put-template').filter((statement) =>
      actionsOf([statement]).some((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action)),
    );
    expect(writes).toHaveLength(1);
    expect(actionsOf(writes)).toEqual(['dynamodb:PutItem']);
    expect(writes[0]?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['SETTINGS#templates'] },
    });
  });

  it('keeps the GET handlers read-only: a GET never changes a journey', () => {
    for (const folder of [
      'get-journey',
      'list-journeys',
      'get-report',
      'list-attention',
      'show-form',
      'get-calendar-settings',
      'get-templates',
    ]) {
      expect(actionsOf(statementsOf(folder)), folder).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^dynamodb:(Put|Update|Delete|BatchWrite)/)]),
      );
    }
  });

  it('lets only the schedulers create schedules and pass the scheduler role, and the canceller delete them', () => {
    // The console's actions start, move and cancel journeys as the API's routes for each do.
    const schedulers = [
      'begin-onboarding',
      'console-actions',
      'fire-timer',
      'raise-alert',
      'receive-event',
      'request-form',
      'schedule-onboarding',
      'schedule-round',
      'send-brief',
      'send-invitation',
      'send-session-brief',
      'start-journey',
      'start-round',
      'start-timer',
      'submit-form',
    ];
    // reschedule-journey moves pending timers (create or update) and may drop a reminder, but never reads one.
    const movers = [...schedulers, 'reschedule-journey'].sort();
    expect(foldersAllowed('scheduler:CreateSchedule')).toEqual(movers);
    expect(foldersAllowed('scheduler:UpdateSchedule')).toEqual(movers);
    expect(foldersAllowed('iam:PassRole')).toEqual(movers);
    expect(foldersAllowed('scheduler:GetSchedule')).toEqual(schedulers);
    expect(foldersAllowed('scheduler:DeleteSchedule')).toEqual(
      [...schedulers, 'cancel-journey', 'erase-journey', 'record-departure', 'reschedule-journey'].sort(),
    );
    // The link key's readers and its rotation, and the identifier key's: raise-alert, receive-event,
    // send-invitation and start-journey.
    expect(foldersAllowed('secretsmanager:GetSecretValue')).toEqual(
      [
        'console',
        'console-actions',
        'fire-timer',
        'raise-alert',
        'receive-event',
        'reissue-form',
        'request-form',
        'rotate-link-key',
        'send-invitation',
        'show-form',
        'start-journey',
        'start-round',
        'submit-form',
      ].sort(),
    );
  });

  it('lets EventBridge Scheduler, from this account only, invoke fire-timer', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding, error or warning, nor any other validation issue', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        pluginName: string;
        conclusion: string;
        metadata?: { error?: string };
        violations: {
          ruleName: string;
          severity: string;
          violatingConstructs: { constructPath: string }[];
        }[];
      }[];
    };
    const issues = report.pluginReports.flatMap((plugin) => [
      ...(plugin.metadata?.error ? [`${plugin.pluginName}: ${plugin.metadata.error}`] : []),
      ...plugin.violations.flatMap((violation) =>
        violation.violatingConstructs.map(
          (construct) => `${violation.severity} ${violation.ruleName} at ${construct.constructPath}`,
        ),
      ),
    ]);
    expect(issues).toEqual([]);
    expect(report.pluginReports.every((plugin) => plugin.conclusion === 'success')).toBe(true);
  });

  it('has no warning or error annotations', () => {
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acknowledgements = acknowledgementsIn(app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledgements) {
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});

describe('deployment context', () => {
  it('synthesizes without a sender address, but warns and refuses to deploy', () => {
    const { app: bare, stack: bareStack } = createJourneysApp({
      context: { 'aws:cdk:bundling-stacks': [] },
      validate: false,
    });
    const bareTemplate = bare.synth().getStackArtifact(bareStack.artifactId).template as {
      Rules: Record<string, { Assertions: { AssertDescription: string }[] }>;
    };
    expect(bareTemplate.Rules.SenderEmailRequired?.Assertions[0]?.AssertDescription).toContain(
      '-c senderEmail=',
    );
    expect(
      Annotations.fromStack(bareStack).findWarning('*', Match.stringLikeRegexp('senderEmail')),
    ).toHaveLength(1);
    expect(json).not.toHaveProperty('Rules.SenderEmailRequired');
  });

  it('takes region, custom domain, reply-to and identity domain from the context', () => {
    const { app: configured, stack: configuredStack } = createJourneysApp({
      context: {
        'aws:cdk:bundling-stacks': [],
        senderEmail: 'follow-up@hr.example.co.jp',
        sesIdentityDomain: 'hr.example.co.jp',
        domainName: 'Journeys.example.co.jp',
        certificateArn: CERTIFICATE_ARN,
        hrReplyTo: 'hr-team@example.co.jp',
        hrLeadEmail: 'hr-lead@example.co.jp',
        hrLeadName: '高橋 直子',
        region: 'ap-northeast-1',
      },
      validate: false,
    });
    expect(configuredStack.region).toBe('ap-northeast-1');
    const configuredTemplate = Template.fromJSON(
      configured.synth().getStackArtifact(configuredStack.artifactId).template,
    );
    configuredTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'hr.example.co.jp',
    });
    configuredTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          BASE_URL: 'https://journeys.example.co.jp',
          HR_REPLY_TO: 'hr-team@example.co.jp',
          SENDER_EMAIL: 'follow-up@hr.example.co.jp',
        }),
      },
    });
    const alerting = Object.values(
      configuredTemplate.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: { HR_LEAD_EMAIL: 'hr-lead@example.co.jp' } } },
      }),
    );
    // Both raise alerts: the session's from the state machine, a worried prep answer's at submission; a 1on1
    // left unrecorded past its deadline is told to the lead when the deadline's timer fires.
    expect(alerting.map((fn) => fn.Metadata?.[FUNCTION_METADATA_KEY]).sort()).toEqual([
      'fire-timer',
      'raise-alert',
      'submit-form',
    ]);
    for (const fn of alerting) {
      expect(fn.Properties.Environment.Variables.HR_LEAD_NAME).toBe('高橋 直子');
    }
  });

  it("paces the mail queue's senders, and nothing else, to the SES rate: 14 a second by default, or the rate the context gives", () => {
    const rates = (template: Template) =>
      new Set(
        Object.values(template.findResources('AWS::Lambda::Function'))
          .filter((fn) => fn.Metadata?.[FUNCTION_METADATA_KEY] !== undefined)
          .map((fn) => (fn.Properties.Environment.Variables as Record<string, unknown>).SES_MAX_SEND_RATE)
          .filter((rate) => rate !== undefined),
      );
    expect(rates(template)).toEqual(new Set(['14']));
    const { app: configured, stack: configuredStack } = createJourneysApp({
      context: { 'aws:cdk:bundling-stacks': [], sesMaxSendRate: '50' },
      validate: false,
    });
    const configuredTemplate = Template.fromJSON(
      configured.synth().getStackArtifact(configuredStack.artifactId).template,
    );
    expect(rates(configuredTemplate)).toEqual(new Set(['50']));
  });

  it('takes the retention of private notes from the context, as `-c` (a string) or cdk.json (a number) gives it', () => {
    for (const days of ['730', 90]) {
      const { app: configured, stack: configuredStack } = createJourneysApp({
        context: { 'aws:cdk:bundling-stacks': [], privateNotesRetentionDays: days },
        validate: false,
      });
      const keeping = Object.values(
        Template.fromJSON(
          configured.synth().getStackArtifact(configuredStack.artifactId).template,
        ).findResources('AWS::Lambda::Function', {
          Properties: { Environment: { Variables: { PRIVATE_NOTES_RETENTION_DAYS: String(days) } } },
        }),
      );
      expect(keeping.map((fn) => fn.Metadata?.[FUNCTION_METADATA_KEY]).sort()).toEqual([
        'begin-onboarding',
        'cancel-journey',
        'close-journey',
        'console-actions',
        'receive-event',
        'record-departure',
        'schedule-onboarding',
        'schedule-round',
        'submit-form',
      ]);
    }
  });

  it('rejects context that cannot work', () => {
    const build = (context: Record<string, string>) => () => createJourneysApp({ context, validate: false });
    expect(build({ senderEmail: 'not-an-address' })).toThrow(/senderEmail/);
    expect(build({ senderEmail: 'hr@example.com', sesIdentityDomain: 'example.co.jp' })).toThrow(
      /sesIdentityDomain/,
    );
    expect(build({ senderEmail: 'hr@example.com', domainName: 'journeys.example.co.jp' })).toThrow(
      /domainName and certificateArn/,
    );
    expect(build({ senderEmail: 'hr@example.com', certificateArn: CERTIFICATE_ARN })).toThrow(
      /domainName and certificateArn/,
    );
    expect(
      build({
        senderEmail: 'hr@example.com',
        domainName: 'https://journeys.example.co.jp',
        certificateArn: CERTIFICATE_ARN,
      }),
    ).toThrow(/domainName must be a host name/);
    expect(
      build({
        senderEmail: 'hr@example.com',
        domainName: 'journeys.example.co.jp',
        certificateArn: CERTIFICATE_ARN.replace('us-east-1', 'ap-northeast-1'),
      }),
    ).toThrow(/certificateArn must be an ACM certificate in us-east-1/);
    expect(build({ senderEmail: 'hr@example.com', hrLeadEmail: 'hr lead' })).toThrow(/hrLeadEmail/);
    expect(build({ senderEmail: 'hr@example.com', hrLeadName: '高橋 直子' })).toThrow(/hrLeadName/);
    for (const rate of ['0', '-1', 'fast']) {
      expect(build({ senderEmail: 'hr@example.com', sesMaxSendRate: rate }), rate).toThrow(/sesMaxSendRate/);
    }
    for (const days of ['0', '-3', '30.5', 'a year']) {
      expect(build({ senderEmail: 'hr@example.com', privateNotesRetentionDays: days }), days).toThrow(
        /privateNotesRetentionDays/,
      );
    }
  });
});
