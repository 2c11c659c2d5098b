import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { JsonPath } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { JourneyStateMachine } from '#infra/constructs/journey-state-machine.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';

/** The name HR and the local runtime know the state machine by; CloudFormation generates the physical name. */
export const OFFER_FOLLOW_UP = 'OfferFollowUp';

export interface OfferFollowUpFunctions {
  readonly sendInvitation: IFunction;
  readonly requestForm: IFunction;
  readonly sendBrief: IFunction;
  readonly scheduleOnboarding: IFunction;
  readonly closeJourney: IFunction;
}

export interface OfferFollowUpStateMachineProps {
  readonly functions: OfferFollowUpFunctions;
  /** Functions only executions started on an earlier definition still invoke (`earlierDefinitionFunctions`). */
  readonly earlierDefinitionFunctions?: IFunction[];
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
      earlierDefinitionFunctions: props.earlierDefinitionFunctions,
      define: ({ invoke, invokeAndWait }) => {
        // The candidate's invitation, then every interviewer's form, on one task that waits for the forms: the
        // last one answered or expired resumes it.
        const openOfferFollowUp = invokeAndWait(
          'OpenOfferFollowUp',
          fns.sendInvitation,
          { journeyId },
          WAIT_LIMIT_DAYS.offer,
        );
        // The brief's task then waits for the meeting's end.
        const sendMeetingBrief = invokeAndWait(
          'SendMeetingBrief',
          fns.sendBrief,
          { journeyId },
          WAIT_LIMIT_DAYS.offer,
        );
        // The task output is what submit-form sends once HR's answer is final: {"decision", "ask", "askAgainAt"}.
        // An undecided answer with an ask to come keeps it waiting: a schedule asks HR again (fire-timer).
        const requestOutcome = invokeAndWait(
          'RequestOutcome',
          fns.requestForm,
          { journeyId, form: 'offer-outcome', ask: 0 },
          WAIT_LIMIT_DAYS.outcome,
          { resultPath: '$.outcome' },
          WAIT_LIMIT_DAYS.answer,
        );
        // The handoff and onboarding's schedule, or the journey's end: the execution ends on it.
        const closeOffer = invoke('CloseOffer', fns.scheduleOnboarding, {
          journeyId,
          decision: JsonPath.stringAt('$.outcome.decision'),
        });

        return openOfferFollowUp.next(sendMeetingBrief).next(requestOutcome).next(closeOffer);
      },
    });
  }
}
