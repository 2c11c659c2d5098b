import { Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  type IStateMachine,
  JsonPath,
  Map as MapState,
  Pass,
  StateMachine,
  Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { JourneyStateMachine } from '#infra/constructs/journey-state-machine.ts';

/** The name HR and the local runtime know the state machine by. */
export const ONBOARDING = 'Onboarding';

export interface OnboardingFunctions {
  readonly beginOnboarding: IFunction;
  readonly startTimer: IFunction;
  readonly startRound: IFunction;
  readonly requestForm: IFunction;
  readonly sendSessionBrief: IFunction;
  readonly raiseAlert: IFunction;
  readonly shareSummary: IFunction;
  readonly sendJourneySummary: IFunction;
  readonly closeJourney: IFunction;
}

export interface OnboardingStateMachineProps {
  readonly functions: OnboardingFunctions;
}

const journeyId = JsonPath.stringAt('$.journeyId');
const round = JsonPath.numberAt('$.round');

/**
 * The onboarding phase, from the start date to the end of month 3 (design.md): one round after another, each
 * with manager prep, HR brief, the session, its outcome and consent-gated sharing, and an alert on an
 * `alert` condition (a worried manager or mentor raises theirs at submission, not here). Started by
 * fire-timer on the start date with `{"journeyId"}`, as `<journeyId>-onboarding`.
 */
export class OnboardingStateMachine extends JourneyStateMachine {
  /**
   * The state machine as its starter must address it: by an ARN built from its fixed name. fire-timer starts
   * it, and its own tasks (request-form, start-timer) carry fire-timer's ARN as their timer target, so a
   * reference from fire-timer to the state machine resource would close a dependency cycle.
   */
  private readonly byName: IStateMachine;

  constructor(scope: Construct, id: string, props: OnboardingStateMachineProps) {
    const fns = props.functions;
    const stateMachineName = `${Stack.of(scope).stackName}-${ONBOARDING}`;
    super(scope, id, {
      name: ONBOARDING,
      stateMachineName,
      comment: 'Onboarding: monthly rounds of manager prep, HR brief and session, outcome, sharing, alerts',
      alarmDescription: 'An onboarding journey failed and was flagged for attention',
      closeJourney: fns.closeJourney,
      define: ({ invoke, invokeAndWait }, machine) => {
        const awaitSessionEnd = invokeAndWait('AwaitSessionEnd', fns.startTimer, {
          journeyId,
          timer: 'session-end',
          round,
        });
        const roundDone = Pass.jsonPath(machine, 'RoundDone');

        const runRound = invokeAndWait('AwaitRoundStart', fns.startTimer, {
          journeyId,
          timer: 'round-start',
          round,
        })
          .next(
            invoke(
              'StartRound',
              fns.startRound,
              { journeyId, round },
              {
                resultSelector: { recipients: JsonPath.listAt('$.Payload.recipients') },
                resultPath: '$.start',
              },
            ),
          )
          .next(
            MapState.jsonPath(machine, 'GatherTeamInsight', {
              itemsPath: '$.start.recipients',
              itemSelector: { journeyId, round, role: JsonPath.stringAt('$$.Map.Item.Value.role') },
              resultPath: JsonPath.DISCARD,
            }).itemProcessor(
              invokeAndWait('RequestTeamInsight', fns.requestForm, {
                journeyId,
                form: 'manager-prep',
                round,
                role: JsonPath.stringAt('$.role'),
              }),
            ),
          )
          // A worried manager or mentor raised their alert when they answered the prep form (submit-form).
          .next(invoke('SendSessionBrief', fns.sendSessionBrief, { journeyId, round }))
          .next(awaitSessionEnd);
        awaitSessionEnd
          .next(
            // The task output is what submit-form sends: {"condition", "consent"}.
            invokeAndWait(
              'RequestSessionOutcome',
              fns.requestForm,
              { journeyId, form: 'session-outcome', round },
              { resultPath: '$.outcome' },
            ),
          )
          .next(invoke('ShareWithTeam', fns.shareSummary, { journeyId, round }))
          .next(
            Choice.jsonPath(machine, 'ConditionAlert')
              .when(
                Condition.stringEquals('$.outcome.condition', 'alert'),
                invoke('RaiseAlertFromSession', fns.raiseAlert, {
                  journeyId,
                  round,
                  reason: 'condition-alert',
                }).next(roundDone),
              )
              .otherwise(roundDone),
          );

        return invoke(
          'BeginOnboarding',
          fns.beginOnboarding,
          { journeyId },
          { resultSelector: { rounds: JsonPath.listAt('$.Payload.rounds') }, resultPath: '$.plan' },
        )
          .next(
            MapState.jsonPath(machine, 'RunRounds', {
              itemsPath: '$.plan.rounds',
              itemSelector: { journeyId, round: JsonPath.numberAt('$$.Map.Item.Value.round') },
              // Each round builds on the ones before it (earlier outcomes, the trend).
              maxConcurrency: 1,
              resultPath: JsonPath.DISCARD,
            }).itemProcessor(runRound),
          )
          .next(invoke('SendJourneySummary', fns.sendJourneySummary, { journeyId }))
          .next(invoke('CompleteJourney', fns.closeJourney, { journeyId, status: 'completed' }))
          .next(Succeed.jsonPath(machine, 'Completed'));
      },
    });
    this.byName = StateMachine.fromStateMachineName(this, 'ByName', stateMachineName);
  }

  /** Environment for the function that starts onboarding executions. */
  get environment(): Record<string, string> {
    return { ONBOARDING_STATE_MACHINE_ARN: this.byName.stateMachineArn };
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
