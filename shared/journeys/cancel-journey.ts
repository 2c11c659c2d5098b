import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { cancelForm, listForms } from '#shared/data/forms.ts';
import { listInvitations } from '#shared/data/invitations.ts';
import { type Journey, setJourneyStatus } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { listPendingTimers } from '#shared/data/timers.ts';
import { cancelInvitation } from '#shared/journeys/send-invitation.ts';
import { now } from '#shared/time/clock.ts';
import { cancelTimer } from '#shared/timers/schedule-timer.ts';

const sfn = new SFNClient({});

export type CancelResult = { ok: true } | { ok: false; reason: string };

const ENDED = new Set(['declined', 'lapsed', 'completed']);

const executionArn = (machineVariable: string, name: string): string | undefined =>
  process.env[machineVariable]?.replace(':stateMachine:', ':execution:').concat(`:${name}`);

/** Stops an execution if it is running; one that never started or already ended is fine as it is. */
const stopExecution = async (arn: string | undefined, cause: string): Promise<void> => {
  if (!arn) throw new Error('state machine ARN is not set');
  try {
    await sfn.send(new StopExecutionCommand({ executionArn: arn, error: 'JourneyCancelled', cause }));
  } catch (error) {
    if ((error as Error).name !== 'ExecutionDoesNotExist') throw error;
  }
};

/**
 * Stops a journey for good (offer withdrawn, resigned, ...): the executions stop, pending schedules go, open
 * forms stop working, and every meeting still ahead is cancelled in people's calendars. Each step can run again
 * safely, so a retried cancellation finishes what a failed one began.
 */
export const cancelJourney = async (journey: Journey, reason: string): Promise<CancelResult> => {
  if (ENDED.has(journey.status))
    return { ok: false, reason: `the journey has already ended (${journey.status})` };
  const { journeyId } = journey;
  const at = now();
  await setJourneyStatus(journeyId, 'cancelled', at);
  await stopExecution(executionArn('STATE_MACHINE_ARN', journeyId), 'journey cancelled');
  await stopExecution(
    executionArn('ONBOARDING_STATE_MACHINE_ARN', `${journeyId}-onboarding`),
    'journey cancelled',
  );
  for (const timer of await listPendingTimers(journeyId)) await cancelTimer(journeyId, timer.name);
  for (const form of await listForms(journeyId)) {
    if (form.status === 'open') await cancelForm(journeyId, form.formId, at);
  }
  for (const invitation of await listInvitations(journeyId)) {
    if (invitation.status === 'sent' && Date.parse(invitation.start) > at.getTime()) {
      await cancelInvitation(journey, invitation);
    }
  }
  await appendEvent(journeyId, 'journey.cancelled', { type: 'journey.cancelled', reason });
  return { ok: true };
};
