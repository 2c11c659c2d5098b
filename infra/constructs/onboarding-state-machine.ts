import { Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  type IStateMachine,
  JsonPath,
  Map as MapState,
  StateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { JourneyStateMachine } from '#infra/constructs/journey-state-machine.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';

/** The name HR and the local runtime know the state machine by. */
export const ONBOARDING = 'Onboarding';

export interface OnboardingFunctions {
  readonly beginOnboarding: IFunction;
  readonly scheduleRound: IFunction;
  readonly startTimer: IFunction;
  readonly startRound: IFunction;
  readonly requestForm: IFunction;
  readonly sendSessionBrief: IFunction;
  readonly raiseAlert: IFunction;
  readonly closeJourney: IFunction;
}

export interface OnboardingStateMachineProps {
  readonly functions: OnboardingFunctions;
  /** Functions only executions started on an earlier definition still invoke (`earlierDefinitionFunctions`). */
  readonly earlierDefinitionFunctions: IFunction[];
}

const journeyId = JsonPath.stringAt('$.journeyId');
const round = JsonPath.numberAt('$.round');
// Whether the execution runs a round's extra follow-up session (true) or the round itself (false).
const followUp = JsonPath.objectAt('$.followUp');

/**
 * The onboarding phase, from the start date to the end of month 3 (design.md), as a chain of short executions:
 * a Standard execution lives at most a year, and six rounds three months apart take eighteen months. fire-timer
 * starts the first on the start date with `{"journeyId", "ending": false}` (`<journeyId>-onboarding`): it plans
 * the rounds and schedules the first. Each round then runs in an execution of its own, started by fire-timer
 * when the round begins with `{"journeyId", "round", "followUp": false}` (`<journeyId>-onboarding-r<round>`):
 * manager prep, HR brief, the session, its outcome, an alert on an `alert` condition (a worried manager or mentor
 * raises theirs at submission, not here), the new hire's confirmation of a consented team summary, and sharing;
 * then it schedules the next planned round, or after the last one sends the summary and completes the journey;
 * when the journey's template keeps pulse checks going after its last 1on1, a schedule starts one more when the
 * last check closes, with `{"journeyId", "ending": true}` (`<journeyId>-onboarding-end`), which sends the summary
 * and completes it. An execution lasts from its round's start to the round's outcome and what is shared of it.
 * An alert that proposes a round's extra follow-up session starts one more, with `{"journeyId", "round",
 * "followUp": true}` (`<journeyId>-onboarding-r<round>-followup`): HR's brief saying why, then the round's own
 * states from the session's end (outcome, alert, confirmation, sharing), and no next round.
 */
export class OnboardingStateMachine extends JourneyStateMachine {
  /**
   * The state machine as its starter must address it: by an ARN built from its fixed name. fire-timer starts
   * it, and its own tasks (request-form, start-timer, schedule-round) carry fire-timer's ARN as their timer
   * target, so a reference from fire-timer to the state machine resource would close a dependency cycle.
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
      earlierDefinitionFunctions: props.earlierDefinitionFunctions,
      define: ({ invoke, invokeAndWait }, machine) => {
        // Every execution ends on its last task: plumbing states (a Succeed, a Choice that only reads a task's
        // result) are transitions Step Functions bills, so the functions decide instead.
        const awaitSessionEnd = invokeAndWait(
          'AwaitSessionEnd',
          fns.startTimer,
          {
            journeyId,
            timer: 'session-end',
            round,
            followUp,
          },
          WAIT_LIMIT_DAYS.round,
        );
        awaitSessionEnd
          .next(
            // The task output is what submit-form sends, {"status", "formId", "condition", "consent",
            // "hireConfirms"}, or {"status": "expired"} from fire-timer at the deadline.
            invokeAndWait(
              'RequestSessionOutcome',
              fns.requestForm,
              { journeyId, form: 'session-outcome', round, followUp },
              WAIT_LIMIT_DAYS.answer,
              { resultPath: '$.outcome' },
            ),
          )
          .next(
            // An alert on an `alert` condition, then a team summary HR recorded with consent goes first to the
            // new hire, who may share it or not; an outcome with neither (or none recorded) goes on at once.
            invokeAndWait(
              'ActOnOutcome',
              fns.raiseAlert,
              { journeyId, round, followUp, outcome: JsonPath.objectAt('$.outcome') },
              WAIT_LIMIT_DAYS.answer,
            ),
          )
          .next(
            // The team hears what the outcome allows; a round's own execution then schedules the next planned
            // round, or after the last one waits for the last checks or completes the journey. The extra
            // session ends here: the monthly chain goes on in the round's own execution.
            invoke('CloseRound', fns.scheduleRound, {
              journeyId,
              round,
              followUp,
              outcome: JsonPath.objectAt('$.outcome'),
            }),
          );

        // fire-timer starts a round's execution with `{"journeyId", "round", "followUp": false}`.
        const runRound = invoke(
          'StartRound',
          fns.startRound,
          { journeyId, round },
          {
            resultSelector: { recipients: JsonPath.listAt('$.Payload.recipients') },
            resultPath: '$.start',
          },
        )
          .next(
            MapState.jsonPath(machine, 'GatherTeamInsight', {
              itemsPath: '$.start.recipients',
              itemSelector: { journeyId, round, role: JsonPath.stringAt('$$.Map.Item.Value.role') },
              resultPath: JsonPath.DISCARD,
            }).itemProcessor(
              invokeAndWait(
                'RequestTeamInsight',
                fns.requestForm,
                {
                  journeyId,
                  form: 'manager-prep',
                  round,
                  role: JsonPath.stringAt('$.role'),
                },
                WAIT_LIMIT_DAYS.round,
              ),
            ),
          )
          // A worried manager or mentor raised their alert when they answered the prep form (submit-form).
          .next(invoke('SendSessionBrief', fns.sendSessionBrief, { journeyId, round }))
          .next(awaitSessionEnd);
        const runFollowUp = invoke('SendFollowUpBrief', fns.sendSessionBrief, {
          journeyId,
          round,
          followUp: true,
        }).next(awaitSessionEnd);

        // On the start date (`{"journeyId", "ending": false}`) it plans the rounds and schedules the first; after
        // a template's last pulse check (`{"journeyId", "ending": true}`) it sends the summary and completes.
        const beginOrEnd = invoke('BeginOrEndOnboarding', fns.beginOnboarding, {
          journeyId,
          ending: JsonPath.objectAt('$.ending'),
        });

        // A round's execution is started with its round and `followUp` (true for its extra session); the start
        // date's and the end after the last checks with `ending`.
        return Choice.jsonPath(machine, 'OnboardingBegun')
          .when(Condition.isPresent('$.ending'), beginOrEnd)
          .when(Condition.booleanEquals('$.followUp', true), runFollowUp)
          .otherwise(runRound);
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
