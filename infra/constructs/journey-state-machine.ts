import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  DefinitionBody,
  Errors,
  Fail,
  type IChainable,
  IntegrationPattern,
  type IStateMachine,
  JitterType,
  JsonPath,
  LogLevel,
  State,
  StateMachine,
  StateMachineType,
  TaskInput,
  TaskStateBase,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { wildcardResourceFinding } from '#infra/constructs/nag-findings.ts';
import { STATE_MACHINE_METADATA_KEY } from '#infra/stack-contract.ts';

const journeyId = JsonPath.stringAt('$.journeyId');

export interface TaskResult {
  /** @default - the task's result is discarded */
  readonly resultPath?: string;
  readonly resultSelector?: Record<string, unknown>;
}

/** The two kinds of step a journey is made of; both retry a failing handler. */
export interface JourneySteps {
  /** Invokes a handler and goes on when it returns. */
  invoke(
    stateName: string,
    fn: IFunction,
    payload: Record<string, unknown>,
    result?: TaskResult,
  ): LambdaInvoke;
  /**
   * Invokes a handler with a task token and waits: the handler stores the token and returns at once, and
   * someone (a form, a timer) resumes the task later. Past `waitLimitDays` (`WAIT_LIMIT_DAYS`), or past
   * `heartbeatDays` without a heartbeat on the token, the wait times out into the catch-all, which flags the
   * journey.
   */
  invokeAndWait(
    stateName: string,
    fn: IFunction,
    payload: Record<string, unknown>,
    waitLimitDays: number,
    result?: TaskResult,
    heartbeatDays?: number,
  ): LambdaInvoke;
}

export interface JourneyStateMachineProps {
  /** The name HR and the local runtime know the state machine by; CloudFormation generates the physical name. */
  readonly name: string;
  readonly comment: string;
  /** What a failed execution means, for whoever the alarm wakes. */
  readonly alarmDescription: string;
  /** Records the `needs-attention` status when a step keeps failing. */
  readonly closeJourney: IFunction;
  /**
   * The states, returned from the first. Every task reachable from it gets the catch-all into
   * `FlagForAttention` (no Map or Parallel: a Map's iterations would be out of its reach, and each costs a
   * transition of its own). `machine` is the construct to create other states in (a subclass cannot use
   * `this` before `super()` returns).
   */
  readonly define: (steps: JourneySteps, machine: Construct) => IChainable;
  /**
   * Functions the definition no longer invokes that executions started on an earlier definition still do: a
   * running execution keeps the definition it started with, under this state machine's role, so the role keeps
   * invoking them until none of those executions is left.
   * @default - none
   */
  readonly earlierDefinitionFunctions?: IFunction[];
  /**
   * A fixed physical name, for a state machine whose ARN a function must know without referencing it (a
   * reference would close a dependency cycle).
   * @default - CloudFormation generates the name
   */
  readonly stateMachineName?: string;
}

/**
 * What every journey phase shares (design.md): a Standard state machine in JSONPath only (the local engine runs
 * JSONPath and silently ignores JSONata and variables), Lambda tasks with the same retry, a catch-all that flags
 * the journey for HR, logging without execution data, tracing, and an alarm on failed executions. Executions
 * carry ids and counters, never personal data; each handler loads the journey itself.
 */
export abstract class JourneyStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly name: string;
  readonly failedAlarm: Alarm;

  protected constructor(scope: Construct, id: string, props: JourneyStateMachineProps) {
    super(scope, id);
    this.name = props.name;
    const invoked = new Set<IFunction>([props.closeJourney]);
    const task = (
      stateName: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      pattern: IntegrationPattern,
      result: TaskResult,
      waitLimitDays?: number,
      heartbeatDays?: number,
    ) => {
      invoked.add(fn);
      const invocation = LambdaInvoke.jsonPath(this, stateName, {
        lambdaFunction: fn,
        integrationPattern: pattern,
        ...(waitLimitDays === undefined
          ? {}
          : { taskTimeout: Timeout.duration(Duration.days(waitLimitDays)) }),
        ...(heartbeatDays === undefined
          ? {}
          : { heartbeatTimeout: Timeout.duration(Duration.days(heartbeatDays)) }),
        payload: TaskInput.fromObject(payload),
        resultSelector: result.resultSelector,
        resultPath: result.resultPath ?? JsonPath.DISCARD,
      });
      invocation.addRetry({
        errors: [Errors.TASKS_FAILED],
        interval: Duration.seconds(2),
        backoffRate: 2,
        maxAttempts: 3,
        jitterStrategy: JitterType.FULL,
      });
      return invocation;
    };
    const steps: JourneySteps = {
      invoke: (stateName, fn, payload, result = {}) =>
        task(stateName, fn, payload, IntegrationPattern.REQUEST_RESPONSE, result),
      invokeAndWait: (stateName, fn, payload, waitLimitDays, result = {}, heartbeatDays) =>
        task(
          stateName,
          fn,
          { ...payload, taskToken: JsonPath.taskToken },
          IntegrationPattern.WAIT_FOR_TASK_TOKEN,
          result,
          waitLimitDays,
          heartbeatDays,
        ),
    };

    const flagForAttention = steps.invoke('FlagForAttention', props.closeJourney, {
      journeyId,
      status: 'needs-attention',
    });
    flagForAttention.next(
      Fail.jsonPath(this, 'NeedsAttention', {
        error: 'JourneyNeedsAttention',
        cause: 'A step kept failing; the journey is flagged for HR to look at.',
      }),
    );
    const definition = props.define(steps, this);
    for (const state of State.findReachableStates(definition.startState)) {
      if (state instanceof TaskStateBase) {
        // Keeps the input (the journey id) for FlagForAttention and puts the error beside it.
        state.addCatch(flagForAttention, { errors: [Errors.ALL], resultPath: '$.error' });
      }
    }

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      comment: props.comment,
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
      props.name,
    );
    for (const fn of props.earlierDefinitionFunctions ?? []) {
      invoked.add(fn);
      fn.grantInvoke(this.stateMachine);
    }
    this.acknowledgeRoleFindings(invoked);

    this.failedAlarm = new Alarm(this, 'ExecutionsFailedAlarm', {
      alarmDescription: props.alarmDescription,
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

  /**
   * Lets `grantee` stop executions of this state machine (HR cancels a journey). Executions are named after
   * their journey at run time, so the grant covers every execution of this one state machine.
   */
  grantStopExecution(grantee: iam.IGrantable & Construct): iam.Grant {
    return this.grantStopping(this.stateMachine, grantee);
  }

  /** StopExecution on the executions of `machine`: this state machine, by reference or by name. */
  protected grantStopping(machine: IStateMachine, grantee: iam.IGrantable & Construct): iam.Grant {
    const grant = machine.grantExecution(grantee, 'states:StopExecution');
    for (const resource of grant.principalStatements.flatMap((statement) => statement.resources)) {
      Validations.of(grantee).acknowledge({
        id: wildcardResourceFinding(this, resource),
        reason:
          `Executions of ${this.name} are named after their journey at run time; ` +
          'the grant covers the executions of that one state machine only.',
      });
    }
    return grant;
  }

  private acknowledgeRoleFindings(functions: Set<IFunction>): void {
    const role = this.stateMachine.role;
    for (const fn of functions) {
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
