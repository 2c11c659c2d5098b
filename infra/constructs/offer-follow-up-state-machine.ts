import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  Map as MapState,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { wildcardResourceFinding } from '#infra/constructs/nag-findings.ts';

/** The name HR and the local runtime know the state machine by; CloudFormation generates the physical name. */
export const OFFER_FOLLOW_UP = 'OfferFollowUp';

/** Metadata on the state machine's CloudFormation resource carrying `OFFER_FOLLOW_UP`. */
export const STATE_MACHINE_METADATA_KEY = 'journeys:state-machine';

export interface OfferFollowUpFunctions {
  readonly sendInvitation: IFunction;
  readonly requestForm: IFunction;
  readonly sendBrief: IFunction;
  readonly startTimer: IFunction;
  readonly sendHandoff: IFunction;
  readonly scheduleOnboarding: IFunction;
  readonly closeJourney: IFunction;
}

export interface OfferFollowUpStateMachineProps {
  readonly functions: OfferFollowUpFunctions;
}

const journeyId = JsonPath.stringAt('$.journeyId');
const taskToken = JsonPath.taskToken;

/**
 * The offer follow-up phase, from the offer to the wait for the start date (design.md). Written in JSONPath
 * only: the local engine runs JSONPath and silently ignores JSONata and variables. Executions carry ids and
 * counters, never personal data; each handler loads the journey itself.
 */
export class OfferFollowUpStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly name = OFFER_FOLLOW_UP;
  readonly failedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: OfferFollowUpStateMachineProps) {
    super(scope, id);
    const fns = props.functions;

    const invoke = (stateName: string, fn: IFunction, payload: Record<string, unknown>) =>
      withRetry(
        LambdaInvoke.jsonPath(this, stateName, {
          lambdaFunction: fn,
          payload: TaskInput.fromObject(payload),
          resultPath: JsonPath.DISCARD,
        }),
      );
    // The handler stores the token and returns at once; someone (a form, a timer) resumes the task later.
    const invokeAndWait = (
      stateName: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      resultPath: string = JsonPath.DISCARD,
    ) =>
      withRetry(
        LambdaInvoke.jsonPath(this, stateName, {
          lambdaFunction: fn,
          integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
          payload: TaskInput.fromObject({ ...payload, taskToken }),
          resultPath,
        }),
      );

    const needsAttention = Fail.jsonPath(this, 'NeedsAttention', {
      error: 'JourneyNeedsAttention',
      cause: 'A step kept failing; the journey is flagged for HR to look at.',
    });
    const flagForAttention = invoke('FlagForAttention', fns.closeJourney, {
      journeyId,
      status: 'needs-attention',
    });
    flagForAttention.next(needsAttention);
    // Keeps the input (the journey id) for FlagForAttention and puts the error beside it.
    const onError = { errors: [Errors.ALL], resultPath: '$.error' };

    const inviteCandidate = invoke('InviteCandidate', fns.sendInvitation, { journeyId });
    const gatherInterviewerInsight = MapState.jsonPath(this, 'GatherInterviewerInsight', {
      itemsPath: '$.interviewers',
      itemSelector: {
        journeyId,
        interviewer: JsonPath.numberAt('$$.Map.Item.Value.index'),
      },
      maxConcurrency: 0,
      resultPath: JsonPath.DISCARD,
    }).itemProcessor(
      invokeAndWait('RequestInterviewerInsight', fns.requestForm, {
        journeyId,
        form: 'interviewer-insight',
        interviewer: JsonPath.numberAt('$.interviewer'),
      }),
    );
    const sendMeetingBrief = invoke('SendMeetingBrief', fns.sendBrief, { journeyId });
    const awaitMeetingEnd = invokeAndWait('AwaitMeetingEnd', fns.startTimer, {
      journeyId,
      timer: 'meeting-end',
    });
    // The task output is what submit-form sends: {"decision", "ask", "askAgainAt"}.
    const requestOutcome = invokeAndWait(
      'RequestOutcome',
      fns.requestForm,
      { journeyId, form: 'offer-outcome', ask: JsonPath.numberAt('$.outcome.ask') },
      '$.outcome',
    );
    const waitBeforeAskingAgain = invokeAndWait('WaitBeforeAskingAgain', fns.startTimer, {
      journeyId,
      timer: 'ask-again',
      at: JsonPath.stringAt('$.outcome.askAgainAt'),
    });
    const sendHandoff = invoke('SendHandoff', fns.sendHandoff, { journeyId });
    const scheduleOnboarding = invoke('ScheduleOnboarding', fns.scheduleOnboarding, { journeyId });
    const closeAsDeclined = invoke('CloseAsDeclined', fns.closeJourney, { journeyId, status: 'declined' });
    const closeAsLapsed = invoke('CloseAsLapsed', fns.closeJourney, { journeyId, status: 'lapsed' });

    for (const state of [
      inviteCandidate,
      gatherInterviewerInsight,
      sendMeetingBrief,
      awaitMeetingEnd,
      requestOutcome,
      waitBeforeAskingAgain,
      sendHandoff,
      scheduleOnboarding,
      closeAsDeclined,
      closeAsLapsed,
    ]) {
      state.addCatch(flagForAttention, onError);
    }

    const decisionMade = Choice.jsonPath(this, 'DecisionMade')
      .when(Condition.stringEquals('$.outcome.decision', 'accepted'), sendHandoff)
      .when(Condition.stringEquals('$.outcome.decision', 'declined'), closeAsDeclined)
      .when(
        Condition.and(
          Condition.stringEquals('$.outcome.decision', 'undecided'),
          Condition.isNotNull('$.outcome.askAgainAt'),
        ),
        waitBeforeAskingAgain.next(requestOutcome),
      )
      .otherwise(closeAsLapsed);

    sendHandoff.next(scheduleOnboarding).next(Succeed.jsonPath(this, 'AwaitingStartDate'));
    closeAsDeclined.next(Succeed.jsonPath(this, 'Declined'));
    closeAsLapsed.next(Succeed.jsonPath(this, 'Lapsed'));

    const definition = inviteCandidate
      .next(gatherInterviewerInsight)
      .next(sendMeetingBrief)
      .next(awaitMeetingEnd)
      .next(requestOutcome)
      .next(decisionMade);

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Offer follow-up: interviewer insight, meeting brief and invitation, outcome, handoff',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
        level: LogLevel.ALL,
        // Execution data would copy task outputs (form answers) into the logs.
        includeExecutionData: false,
      },
    });
    (this.stateMachine.node.defaultChild as CfnStateMachine).addMetadata(
      STATE_MACHINE_METADATA_KEY,
      OFFER_FOLLOW_UP,
    );
    this.acknowledgeRoleFindings(Object.values(fns));

    this.failedAlarm = new Alarm(this, 'ExecutionsFailedAlarm', {
      alarmDescription: 'An offer follow-up journey failed and was flagged for attention',
      metric: this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * Lets `role` resume waiting tasks (SendTaskSuccess and its kin) through a policy of its own rather than the
   * role's default policy: a function depends on its role's default policy, and a function this state machine
   * invokes, or one they reference (the timer target), must not depend on the state machine.
   */
  grantTaskResponse(id: string, role: iam.IRole): void {
    new iam.Policy(this, id, {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          resources: [this.stateMachine.stateMachineArn],
        }),
      ],
    });
  }

  private acknowledgeRoleFindings(functions: IFunction[]): void {
    const role = this.stateMachine.role;
    for (const fn of new Set(functions)) {
      Validations.of(role).acknowledge({
        id: wildcardResourceFinding(this, `${fn.functionArn}:*`),
        reason:
          'Invoking a task function includes its versions and aliases (":*"); it is that one function only.',
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray trace segments and CloudWatch Logs log delivery (vended logs) have no resource-level permissions.',
    });
  }
}

const withRetry = (task: LambdaInvoke): LambdaInvoke => {
  task.addRetry({
    errors: [Errors.TASKS_FAILED],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 3,
    jitterStrategy: JitterType.FULL,
  });
  return task;
};
