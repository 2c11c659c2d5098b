import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJourneysApp } from '#infra/journeys-app.ts';
import { FUNCTION_METADATA_KEY } from '#infra/stack-contract.ts';
import { MAIL_MAX_RECEIVES, mailSendersFor } from '#shared/email/mail-queue-settings.ts';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}
interface Dimension {
  Name: string;
  Value: unknown;
}

let resources: Record<string, Resource>;
let template: Template;

beforeAll(() => {
  const { app, stack } = createJourneysApp({
    context: {
      'aws:cdk:bundling-stacks': [],
      senderEmail: 'follow-up@example.co.jp',
      alarmEmail: 'ops@example.co.jp',
    },
  });
  // Synthesis runs cdk-nag and throws on any finding left unacknowledged.
  const json = app.synth().getStackArtifact(stack.artifactId).template as {
    Resources: Record<string, Resource>;
  };
  resources = json.Resources;
  template = Template.fromJSON(json);
});

const ofType = (type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);
const onlyOfType = (type: string, idMatches: (id: string) => boolean = () => true): [string, Resource] => {
  const [found, ...more] = ofType(type).filter(([id]) => idMatches(id));
  expect(more, type).toEqual([]);
  if (!found) throw new Error(`no ${type}`);
  return found;
};
/** The one queue whose logical id has `part` in it: the timers' dead letters, or the mail events'. */
const queueOf = (part: string): [string, Resource] => {
  const found = ofType('AWS::SQS::Queue').filter(([id]) => id.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0] as [string, Resource];
};
const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
/** The metrics alarmed on for one resource: the alarms whose dimension `name` names it (logical id or name). */
const metricsOn = (name: string, resource: string): string[] =>
  alarms()
    .filter((alarm) =>
      (alarm.Dimensions as Dimension[]).some(
        (dimension) => dimension.Name === name && JSON.stringify(dimension.Value).includes(`"${resource}"`),
      ),
    )
    .map((alarm) => alarm.MetricName as string)
    .sort();

describe('alarms', () => {
  it('mail the encrypted topic, whose subscriber is the alarmEmail context', () => {
    const [topicId, topic] = onlyOfType('AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.co.jp',
      TopicArn: { Ref: topicId },
    });
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.MetricName as string).toEqual([{ Ref: topicId }]);
      expect(alarm).toMatchObject({
        Threshold: alarm.MetricName === 'ExecutionsAborted' ? 10 : 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('let CloudWatch publish to the topic and use its key, and refuse publishing without TLS', () => {
    const [topicId] = onlyOfType('AWS::SNS::Topic');
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
    const key = resources[topicId]?.Properties.KmsMasterKeyId as { 'Fn::GetAtt': string[] };
    const keyPolicy = resources[key['Fn::GetAtt'][0] ?? '']?.Properties.KeyPolicy;
    expect(JSON.stringify(keyPolicy)).toContain('cloudwatch.amazonaws.com');
  });

  it('page on aborted executions only in bulk: one is HR cancelling or erasing a journey', () => {
    const aborted = ofType('AWS::CloudWatch::Alarm').filter(
      ([, alarm]) => alarm.Properties.MetricName === 'ExecutionsAborted',
    );
    // OfferFollowUp and the three onboarding machines.
    expect(aborted).toHaveLength(4);
    for (const [, alarm] of aborted) expect(alarm.Properties.Threshold).toBe(10);
  });

  it('watch each state machine for failed, timed-out and aborted executions', () => {
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(4);
    for (const [machineId] of machines) {
      expect(metricsOn('StateMachineArn', machineId), machineId).toEqual([
        'ExecutionsAborted',
        'ExecutionsFailed',
        'ExecutionsTimedOut',
      ]);
    }
  });

  it('watch every function for errors and throttles', () => {
    const functions = ofType('AWS::Lambda::Function').filter(
      ([, fn]) => fn.Metadata?.[FUNCTION_METADATA_KEY] !== undefined,
    );
    expect(functions.length).toBeGreaterThan(30);
    for (const [functionId] of functions) {
      expect(metricsOn('FunctionName', functionId), functionId).toEqual(['Errors', 'Throttles']);
    }
  });

  it("watch Scheduler's undelivered timers and the timers' dead-letter queue", () => {
    const [, group] = onlyOfType('AWS::Scheduler::ScheduleGroup');
    const [queueId] = queueOf('TimersDeadLetters');
    expect(metricsOn('ScheduleGroup', group.Properties.Name as string)).toEqual([
      'InvocationDroppedCount',
      'InvocationsFailedToBeSentToDeadLetterCount',
    ]);
    expect(metricsOn('QueueName', queueId)).toEqual(['ApproximateNumberOfMessagesVisible']);
  });

  it("watch the dead-letter queue of SES's bounce and complaint events", () => {
    const [queueId] = queueOf('UndeliverableMailDeadLetters');
    expect(metricsOn('QueueName', queueId)).toEqual(['ApproximateNumberOfMessagesVisible']);
  });

  it("watch the mail queue's dead-letter queue", () => {
    const [queueId] = mailQueues().deadLetters;
    expect(metricsOn('QueueName', queueId)).toEqual(['ApproximateNumberOfMessagesVisible']);
  });

  it('leave the topic without a subscriber when no alarmEmail is given', () => {
    const { app, stack } = createJourneysApp({
      context: { 'aws:cdk:bundling-stacks': [], senderEmail: 'follow-up@example.co.jp' },
      validate: false,
    });
    const bare = Template.fromJSON(app.synth().getStackArtifact(stack.artifactId).template);
    bare.resourceCountIs('AWS::SNS::Topic', 1);
    bare.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('refuse an alarmEmail that is no address', () => {
    expect(() => createJourneysApp({ context: { alarmEmail: 'ops' }, validate: false })).toThrow(
      /alarmEmail/,
    );
  });
});

/** The mail queue and its dead-letter queue (not the bounce events', whose logical id also holds "MailDeadLetters"). */
const mailQueues = () => {
  const [queue, ...moreQueues] = ofType('AWS::SQS::Queue').filter(([id]) => /^MailQueue/.test(id));
  const [deadLetters, ...moreDead] = ofType('AWS::SQS::Queue').filter(([id]) => /^MailDeadLetters/.test(id));
  expect([...moreQueues, ...moreDead]).toEqual([]);
  if (!queue || !deadLetters) throw new Error('no mail queue');
  return { queue, deadLetters };
};

describe('the mail queue', () => {
  it('hands its messages to send-mail in batches, as many senders at once as share the rate, reporting failures one by one', () => {
    const { queue, deadLetters } = mailQueues();
    const [, mapping] = onlyOfType('AWS::Lambda::EventSourceMapping', (id) => id.startsWith('SendMail'));
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queue[0], 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: mailSendersFor(14) },
    });
    const [, sender] = ofType('AWS::Lambda::Function').find(
      ([, fn]) => fn.Metadata?.[FUNCTION_METADATA_KEY] === 'send-mail',
    ) as [string, Resource];
    const variables = (sender.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.MAIL_SENDERS).toBe(String(mailSendersFor(14)));
    // A batch retried within an invocation is never handed to another sender meanwhile.
    expect(queue[1].Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * (sender.Properties.Timeout as number),
    );
    expect(queue[1].Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters[0], 'Arn'] },
      maxReceiveCount: MAIL_MAX_RECEIVES,
    });
    // Both hold composed mail: encrypted, and kept no longer than a week.
    for (const [, held] of [queue, deadLetters]) {
      expect(held.Properties.SqsManagedSseEnabled).toBe(true);
      expect(held.Properties.MessageRetentionPeriod).toBeLessThanOrEqual(7 * 24 * 60 * 60);
    }
  });
});

describe("the timers' dead-letter queue", () => {
  it('is encrypted, refuses requests without TLS, and the scheduler role may send to it', () => {
    const [queueId, queue] = queueOf('TimersDeadLetters');
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const schedulerRole = ofType('AWS::IAM::Role').find(([, role]) =>
      JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    )?.[0];
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: schedulerRole }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
          }),
        ]),
      },
    });
  });

  it('reaches every handler that creates schedules, so each schedule names it', () => {
    const [queueId] = queueOf('TimersDeadLetters');
    const creators = ofType('AWS::Lambda::Function').filter(
      ([, fn]) =>
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
          ?.TIMER_TARGET_ARN !== undefined,
    );
    expect(creators.length).toBeGreaterThan(0);
    for (const [functionId, fn] of creators) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.TIMER_DEAD_LETTER_ARN, functionId).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    }
  });
});

describe("SES's bounces and complaints", () => {
  const recordUndeliverable = () =>
    ofType('AWS::Lambda::Function').find(
      ([, fn]) => fn.Metadata?.[FUNCTION_METADATA_KEY] === 'record-undeliverable',
    )?.[0];

  it('are published by the configuration set to the default event bus', () => {
    const [setId] = onlyOfType('AWS::SES::ConfigurationSet');
    const [, destination] = onlyOfType('AWS::SES::ConfigurationSetEventDestination');
    expect(destination.Properties.ConfigurationSetName).toEqual({ Ref: setId });
    const { EventDestination } = destination.Properties as {
      EventDestination: { Enabled: boolean; MatchingEventTypes: string[]; EventBridgeDestination: unknown };
    };
    expect(EventDestination.MatchingEventTypes.map((type) => type.toLowerCase()).sort()).toEqual([
      'bounce',
      'complaint',
    ]);
    expect(JSON.stringify(EventDestination.EventBridgeDestination)).toContain(':event-bus/default');
  });

  it("reach the function that records them, this deployment's only, with retries and a dead-letter queue", () => {
    const [setId] = onlyOfType('AWS::SES::ConfigurationSet');
    const [queueId] = queueOf('UndeliverableMailDeadLetters');
    const [rule] = ofType('AWS::Events::Rule')
      .map(([, found]) => found)
      .filter((found) => found.Properties.EventBusName === 'default');
    expect(ofType('AWS::Events::Rule')).toHaveLength(2);
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: setId }] } } },
    });
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [recordUndeliverable(), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 20 },
      }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [recordUndeliverable(), 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });
});
