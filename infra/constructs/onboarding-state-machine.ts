import { Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type IChainable,
  type INextable,
  type IStateMachine,
  JsonPath,
  StateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import {
  JourneyStateMachine,
  type JourneyStateMachineProps,
  type JourneySteps,
} from '#infra/constructs/journey-state-machine.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';

/** The names HR and the local runtime know the onboarding state machines by. */
export const ONBOARDING = 'Onboarding';
export const ONBOARDING_FOLLOW_UP = 'OnboardingFollowUp';
export const ONBOARDING_MILESTONES = 'OnboardingMilestones';

export interface OnboardingFunctions {
  readonly beginOnboarding: IFunction;
  readonly scheduleRound: IFunction;
  readonly startRound: IFunction;
  readonly sendSessionBrief: IFunction;
  readonly raiseAlert: IFunction;
  readonly closeJourney: IFunction;
}

export interface OnboardingStateMachineProps {
  readonly functions: OnboardingFunctions;
  /** Functions only executions started on an earlier definition still invoke (`earlierDefinitionFunctions`). */
  readonly earlierDefinitionFunctions?: IFunction[];
}

const journeyId = JsonPath.stringAt('$.journeyId');
const round = JsonPath.numberAt('$.round');
// Whether the execution runs a round's extra follow-up session (true) or the round itself (false).
const followUp = JsonPath.objectAt('$.followUp');

/**
 * A session from its brief on, shared by a round and its extra session: HR's brief, on a task that then waits for
 * the session's end and for HR's outcome (at the session's end fire-timer opens HR's outcome form on the same
 * task); what the outcome calls for (an alert on an `alert` condition, the new hire's confirmation of a consented
 * team summary); and the last step: what the team hears, then for a round the next planned round, or after the
 * last one the wait for the last checks or the journey's end. Every execution ends on its last task: a Succeed
 * state, or a Choice that only reads a task's result, would be a transition Step Functions bills.
 */
const fromSessionBrief = (
  { invoke, invokeAndWait }: JourneySteps,
  fns: OnboardingFunctions,
  brief: { stateName: string; followUp: boolean },
): IChainable & INextable => {
  // The task output is what submit-form sends, {"status", "formId", "condition", "consent", "hireConfirms"},
  // or {"status": "expired"} from fire-timer at the outcome's deadline.
  const sendBrief = invokeAndWait(
    brief.stateName,
    fns.sendSessionBrief,
    { journeyId, round, ...(brief.followUp ? { followUp: true } : {}), asksOutcome: true },
    WAIT_LIMIT_DAYS.session,
    { resultPath: '$.outcome' },
  );
  sendBrief
    .next(
      // An outcome with neither an alert nor a summary to confirm, or none recorded, goes on at once.
      invokeAndWait(
        'ActOnOutcome',
        fns.raiseAlert,
        { journeyId, round, followUp, outcome: JsonPath.objectAt('$.outcome') },
        WAIT_LIMIT_DAYS.answer,
      ),
    )
    .next(
      // The extra session ends here: the monthly chain goes on in the round's own execution.
      invoke('CloseRound', fns.scheduleRound, {
        journeyId,
        round,
        followUp,
        outcome: JsonPath.objectAt('$.outcome'),
      }),
    );
  return sendBrief;
};

type ByNameProps = Omit<JourneyStateMachineProps, 'stateMachineName'> & {
  /** The variable a starter or stopper reads the state machine's ARN from. */
  readonly environmentVariable: string;
};

/**
 * Onboarding runs as short executions, none near Step Functions' year, each kind in a state machine of its own
 * so that no state has to read the input to find out which kind it is. Each is addressed by an ARN built from
 * its fixed name: fire-timer and raise-alert start them, and their own tasks carry fire-timer's ARN as their
 * timer target (and raise-alert's), so a reference to the state machine resource would close a dependency cycle.
 */
abstract class OnboardingPhase extends JourneyStateMachine {
  private readonly byName: IStateMachine;
  private readonly environmentVariable: string;

  protected constructor(scope: Construct, id: string, props: ByNameProps) {
    const stateMachineName = `${Stack.of(scope).stackName}-${props.name}`;
    super(scope, id, { ...props, stateMachineName });
    this.environmentVariable = props.environmentVariable;
    this.byName = StateMachine.fromStateMachineName(this, 'ByName', stateMachineName);
  }

  /** Environment for the functions that start or stop its executions. */
  get environment(): Record<string, string> {
    return { [this.environmentVariable]: this.byName.stateMachineArn };
  }

  /** Starting executions of this state machine, addressed by name (no reference to the resource). */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.byName.grantStartExecution(grantee);
  }

  /** Stopping executions, addressed by name like starting them: the stopper never depends on the resource. */
  override grantStopExecution(grantee: iam.IGrantable & Construct): iam.Grant {
    return this.grantStopping(this.byName, grantee);
  }
}

/**
 * A round of the onboarding phase (design.md), in an execution of its own: six rounds three months apart take
 * eighteen months, and a Standard execution lives at most a year. fire-timer starts it when the round begins,
 * with `{"journeyId", "round", "followUp": false}` (`<journeyId>-onboarding-r<round>`): manager prep, HR brief,
 * the session, its outcome, an alert on an `alert` condition (a worried manager or mentor raises theirs at
 * submission, not here), the new hire's confirmation of a consented team summary, and sharing; then it
 * schedules the next planned round, or after the last one sends the summary and completes the journey. An
 * execution lasts from its round's start to the round's outcome and what is shared of it.
 */
export class OnboardingStateMachine extends OnboardingPhase {
  constructor(scope: Construct, id: string, props: OnboardingStateMachineProps) {
    const fns = props.functions;
    super(scope, id, {
      name: ONBOARDING,
      environmentVariable: 'ONBOARDING_STATE_MACHINE_ARN',
      comment: 'Onboarding: a round of manager prep, HR brief and session, outcome, sharing, alerts',
      alarmDescription: 'An onboarding round failed and was flagged for attention',
      closeJourney: fns.closeJourney,
      earlierDefinitionFunctions: props.earlierDefinitionFunctions,
      define: (steps) =>
        steps
          // The round opens (the new hire's invitation, the manager's reminder), then the manager's and the
          // mentor's forms, on one task that waits for them: the last one answered or expired resumes it.
          .invokeAndWait('OpenRound', fns.startRound, { journeyId, round }, WAIT_LIMIT_DAYS.round)
          // A worried manager or mentor raised their alert when they answered the prep form (submit-form).
          .next(fromSessionBrief(steps, fns, { stateName: 'SendSessionBrief', followUp: false })),
    });
  }
}

/**
 * A round's extra follow-up session, which an alert proposing it starts beside the round's own execution with
 * `{"journeyId", "round", "followUp": true}` (`<journeyId>-onboarding-r<round>-followup`): HR's brief saying why,
 * waiting on for the session's end and HR's outcome, then the round's own states (alert, confirmation, sharing),
 * and no next round.
 */
export class OnboardingFollowUpStateMachine extends OnboardingPhase {
  constructor(scope: Construct, id: string, props: OnboardingStateMachineProps) {
    const fns = props.functions;
    super(scope, id, {
      name: ONBOARDING_FOLLOW_UP,
      environmentVariable: 'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
      comment: "Onboarding: a round's extra follow-up session, its brief, outcome, sharing, alerts",
      alarmDescription: "An onboarding round's extra session failed and was flagged for attention",
      closeJourney: fns.closeJourney,
      define: (steps) => fromSessionBrief(steps, fns, { stateName: 'SendFollowUpBrief', followUp: true }),
    });
  }
}

/**
 * Where onboarding begins and, for some templates, ends. fire-timer starts it on the start date with
 * `{"journeyId", "ending": false}` (`<journeyId>-onboarding`): it plans the rounds and schedules the first. When
 * the journey's template keeps pulse checks going after its last 1on1, a schedule starts it again when the last
 * check closes, with `{"journeyId", "ending": true}` (`<journeyId>-onboarding-end`): the summary, and completion.
 */
export class OnboardingMilestonesStateMachine extends OnboardingPhase {
  constructor(scope: Construct, id: string, props: OnboardingStateMachineProps) {
    const fns = props.functions;
    super(scope, id, {
      name: ONBOARDING_MILESTONES,
      environmentVariable: 'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
      comment: 'Onboarding: the rounds planned on the start date; the end after the last pulse checks',
      alarmDescription: 'Onboarding failed to begin or end and was flagged for attention',
      closeJourney: fns.closeJourney,
      define: (steps) =>
        steps.invoke('BeginOrEndOnboarding', fns.beginOnboarding, {
          journeyId,
          ending: JsonPath.objectAt('$.ending'),
        }),
    });
  }
}
