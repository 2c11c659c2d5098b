import { Aws, Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JourneyEvents } from '#infra/constructs/journey-events.ts';
import type { JourneyFunction } from '#infra/constructs/journey-function.ts';
import type { JourneyStateMachine } from '#infra/constructs/journey-state-machine.ts';
import type { JourneyTimers } from '#infra/constructs/journey-timers.ts';

export interface JourneyAlarmsProps {
  /**
   * Who is mailed when an alarm goes off; the address must confirm the subscription AWS mails it.
   * @default - no subscription: subscribe to the topic by hand (README: Alarms)
   */
  readonly alarmEmail?: string;
  /** Each journey phase: its own failed-executions alarm gets the topic, and timed-out and aborted ones join it. */
  readonly stateMachines: readonly JourneyStateMachine[];
  readonly functions: readonly JourneyFunction[];
  readonly timers: JourneyTimers;
  /** Where EventBridge puts the SES events it could not hand to their function. */
  readonly eventDeadLetters: IQueue;
  /** The journeys bus's queues: refused or failing incoming events, and timeline events not published. */
  readonly journeyEvents: Pick<JourneyEvents, 'deadLetters' | 'unpublished'>;
  /** Mail that kept failing to send. */
  readonly mailDeadLetters: IQueue;
}

const PERIOD = Duration.minutes(5);
/** Stopped executions in five minutes that are more than HR's cancellations and erasures. */
const ABORTS_IN_BULK = 10;

/**
 * Every failure the stack can see reaches a person: one alarm per failure signal, each of which mails the
 * alarm topic at its first occurrence. Nothing here retries or repairs; it makes sure nothing fails unseen.
 */
export class JourneyAlarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: JourneyAlarmsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
    });
    // CloudWatch publishes to the encrypted topic as itself, so it must be able to use the key.
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Follow-up journeys alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one: CloudWatch of this account is let in explicitly.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);

    for (const machine of props.stateMachines) {
      const { name, stateMachine } = machine;
      machine.failedAlarm.addAlarmAction(this.action);
      this.alarmOn(
        `${name}ExecutionsTimedOut`,
        stateMachine.metricTimedOut({ period: PERIOD }),
        `${name}: an execution timed out and its journey was not flagged for attention`,
      );
      // HR cancelling or erasing a journey stops its execution too, a few times a week: one stop is routine and
      // must not page anyone. Many in five minutes is not what HR does by hand: a script or a person stopping
      // executions in bulk.
      this.alarmOn(
        `${name}ExecutionsAborted`,
        stateMachine.metricAborted({ period: PERIOD }),
        `${name}: ${ABORTS_IN_BULK} or more executions were stopped in five minutes, more than HR cancels by hand`,
        ABORTS_IN_BULK,
      );
    }
    for (const fn of props.functions) {
      const { node, lambda } = fn;
      this.alarmOn(
        `${node.id}Errors`,
        lambda.metricErrors({ period: PERIOD }),
        `${node.id}: the function failed`,
      );
      this.alarmOn(
        `${node.id}Throttles`,
        lambda.metricThrottles({ period: PERIOD }),
        `${node.id}: invocations were throttled`,
      );
    }

    const { group, deadLetters } = props.timers;
    this.alarmOn(
      'TimersDropped',
      group.metricDropped({ period: PERIOD }),
      'Scheduler gave up on a timer after its retries: its journey waits until someone acts',
    );
    this.alarmOn(
      'TimersLostFromDeadLetters',
      group.metricFailedToBeSentToDLQ(undefined, { period: PERIOD }),
      'Scheduler could not put a failed timer in the dead-letter queue: the timer is lost',
    );
    this.alarmOn(
      'TimerDeadLetters',
      deadLetters.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      'A timer is in the dead-letter queue: its journey waits until someone acts',
    );
    this.alarmOn(
      'MailEventDeadLetters',
      props.eventDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      'A bounce or complaint from SES could not be recorded: its journey may wait on mail that never arrived',
    );
    this.alarmOn(
      'JourneyEventDeadLetters',
      props.journeyEvents.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      "An event from HR's systems was refused or kept failing: its journey did not start, move or end as they meant",
    );
    this.alarmOn(
      'JourneyEventsUnpublished',
      props.journeyEvents.unpublished.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      'Timeline events could not be published to the bus after their retries: subscribers missed them',
    );
    this.alarmOn(
      'MailDeadLetters',
      props.mailDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      'Mail kept failing to send and waits in the dead-letter queue: its journey is flagged; redrive it once SES sends again',
    );
  }

  /** At the first occurrence in five minutes (or `threshold`); no data (nothing happened) is not a failure. */
  private alarmOn(id: string, metric: IMetric, description: string, threshold = 1): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
  }
}
