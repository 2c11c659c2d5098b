import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, JsonPath } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { JourneyStateMachine } from '#infra/constructs/journey-state-machine.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';

/** The name HR and the local runtime know the state machine by; CloudFormation generates the physical name. */
export const OFFER_FOLLOW_UP = 'OfferFollowUp';

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

/** The offer follow-up phase, from the offer to the wait for the start date (design.md). */
export class OfferFollowUpStateMachine extends JourneyStateMachine {
  constructor(scope: Construct, id: string, props: OfferFollowUpStateMachineProps) {
    const fns = props.functions;
    super(scope, id, {
      name: OFFER_FOLLOW_UP,
      comment: 'Offer follow-up: interviewer insight, meeting brief and invitation, outcome, handoff',
      alarmDescription: 'An offer follow-up journey failed and was flagged for attention',
      closeJourney: fns.closeJourney,
      define: ({ invoke, invokeAndWait }, machine) => {
        const inviteCandidate = invoke('InviteCandidate', fns.sendInvitation, { journeyId });
        // One task waits for every interviewer's form: the last one answered or expired resumes it.
        const requestInterviewerInsight = invokeAndWait(
          'RequestInterviewerInsight',
          fns.requestForm,
          { journeyId, form: 'interviewer-insight' },
          WAIT_LIMIT_DAYS.offer,
        );
        // The brief's task then waits for the meeting's end.
        const sendMeetingBrief = invokeAndWait(
          'SendMeetingBrief',
          fns.sendBrief,
          { journeyId },
          WAIT_LIMIT_DAYS.offer,
        );
        // The task output is what submit-form sends: {"decision", "ask", "askAgainAt"}.
        const requestOutcome = invokeAndWait(
          'RequestOutcome',
          fns.requestForm,
          { journeyId, form: 'offer-outcome', ask: JsonPath.numberAt('$.outcome.ask') },
          WAIT_LIMIT_DAYS.answer,
          { resultPath: '$.outcome' },
        );
        const waitBeforeAskingAgain = invokeAndWait(
          'WaitBeforeAskingAgain',
          fns.startTimer,
          {
            journeyId,
            timer: 'ask-again',
            at: JsonPath.stringAt('$.outcome.askAgainAt'),
          },
          WAIT_LIMIT_DAYS.offer,
        );
        const sendHandoff = invoke('SendHandoff', fns.sendHandoff, { journeyId });
        const closeAsDeclined = invoke('CloseAsDeclined', fns.closeJourney, {
          journeyId,
          status: 'declined',
        });
        const closeAsLapsed = invoke('CloseAsLapsed', fns.closeJourney, { journeyId, status: 'lapsed' });

        const decisionMade = Choice.jsonPath(machine, 'DecisionMade')
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

        // Each branch ends on its last task: a Succeed state after it would only be one more transition.
        sendHandoff.next(invoke('ScheduleOnboarding', fns.scheduleOnboarding, { journeyId }));

        return inviteCandidate
          .next(requestInterviewerInsight)
          .next(sendMeetingBrief)
          .next(requestOutcome)
          .next(decisionMade);
      },
    });
  }
}
