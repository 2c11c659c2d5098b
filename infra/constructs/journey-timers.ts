import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { wildcardResourceFinding } from '#infra/constructs/nag-findings.ts';

export interface JourneyTimersProps {
  /** What every timer schedule invokes (fire-timer). */
  readonly target: IFunction;
}

/**
 * Every timed wait of a journey is a one-time EventBridge Scheduler schedule in one group, invoking `target`
 * through a role of its own. Handlers create the schedules at run time, one per journey and timer.
 */
export class JourneyTimers extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: iam.Role;
  /** Where Scheduler puts a timer it could not deliver after its retries, for a person to see and replay. */
  readonly deadLetters: Queue;
  private readonly target: IFunction;

  constructor(scope: Construct, id: string, props: JourneyTimersProps) {
    super(scope, id);
    this.target = props.target;
    // Its schedules only make sense to the functions of this stack; a retained group would also block a
    // redeployment, since the group's name is derived from the stack.
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.DESTROY });
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler invokes the timer target with this role',
      // Only schedules of this account may use the role (confused deputy protection).
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    props.target.grantInvoke(this.schedulerRole);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS keeps a message: time for someone to answer the alarm and replay the timer.
      retentionPeriod: Duration.days(14),
    });
    this.deadLetters.grantSendMessages(this.schedulerRole);
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the timer schedules, which handlers create at run time; nothing reads it but a person.',
    });
    Validations.of(this.schedulerRole).acknowledge({
      id: wildcardResourceFinding(this, `${props.target.functionArn}:*`),
      reason:
        'grantInvoke adds the target function\'s versions and aliases (":*"); it is that one function only.',
    });
  }

  /** Environment for handlers that only delete schedules. */
  get groupEnvironment(): Record<string, string> {
    return { SCHEDULE_GROUP: this.group.scheduleGroupName };
  }

  /** Environment for handlers that create schedules. */
  get environment(): Record<string, string> {
    return { ...this.targetEnvironment, TIMER_TARGET_ARN: this.target.functionArn };
  }

  /**
   * The same for the target itself, which creates schedules too: its own ARN would make the function depend on
   * itself, so it takes the ARN the scheduler invoked it by (`shared/timers/timer-target.ts`).
   */
  get targetEnvironment(): Record<string, string> {
    return {
      ...this.groupEnvironment,
      SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
      TIMER_DEAD_LETTER_ARN: this.deadLetters.queueArn,
    };
  }

  private scheduleArn(scheduleName: string): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/${scheduleName}`,
    });
  }

  /** Create, move, read and delete schedules in this group, and hand the scheduler its role. */
  grantScheduling(grantee: iam.IGrantable & Construct): void {
    this.group.grants.writeSchedules(grantee);
    this.group.grants.readSchedules(grantee);
    this.group.grants.deleteSchedules(grantee);
    this.schedulerRole.grantPassRole(grantee.grantPrincipal);
    this.acknowledgeGroupWildcard(grantee);
  }

  /**
   * Create and move schedules in this group (CreateSchedule, UpdateSchedule), and hand the scheduler its
   * role: for a handler that moves pending timers but never reads or deletes one.
   */
  grantMoving(grantee: iam.IGrantable & Construct): void {
    this.group.grants.writeSchedules(grantee);
    this.schedulerRole.grantPassRole(grantee.grantPrincipal);
    this.acknowledgeGroupWildcard(grantee);
  }

  /** Delete schedules in this group, nothing else: for a handler that drops a journey's pending timers. */
  grantDeleting(grantee: iam.IGrantable & Construct): void {
    this.group.grants.deleteSchedules(grantee);
    this.acknowledgeGroupWildcard(grantee);
  }

  private acknowledgeGroupWildcard(grantee: Construct): void {
    Validations.of(grantee).acknowledge({
      id: wildcardResourceFinding(this, this.scheduleArn('*')),
      reason:
        'Schedules are named per journey and timer at run time; the grant covers this schedule group only.',
    });
  }
}
