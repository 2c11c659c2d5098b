import { closeAttentionWhere } from '#shared/data/attention.ts';
import { JourneyErased } from '#shared/data/erasures.ts';
import { cancelForm, listForms } from '#shared/data/forms.ts';
import { listInvitations } from '#shared/data/invitations.ts';
import {
  advanceJourneyStatus,
  getJourney,
  type Journey,
  type JourneyStatus,
  openStatuses,
} from '#shared/data/journeys.ts';
import { scheduleNotesExpiry } from '#shared/data/private-notes.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { listPendingTimers } from '#shared/data/timers.ts';
import { leavesAsJourneyEnds } from '#shared/domain/attention.ts';
import { cancelInvitation } from '#shared/journeys/send-invitation.ts';
import { executionArn, onboardingExecutions } from '#shared/journeys/start-execution.ts';
import { now } from '#shared/time/clock.ts';
import { cancelTimer } from '#shared/timers/schedule-timer.ts';

export type CancelResult = { ok: true } | { ok: false; reason: string };

const ENDED = new Set(['declined', 'lapsed', 'completed']);
/** A cancellation follows a running journey, one flagged for attention, or itself (a retry finishing it). */
const CANCELLABLE: readonly JourneyStatus[] = [...openStatuses, 'needs-attention', 'cancelled'];

/** Stops an execution if it is running; one that never started or already ended is fine as it is. */
const stopExecution = async (arn: string, error: string, cause: string): Promise<void> => {
  const { stepFunctions, StopExecutionCommand } = await import('#shared/journeys/step-functions-client.ts');
  try {
    await stepFunctions.send(new StopExecutionCommand({ executionArn: arn, error, cause }));
  } catch (failure) {
    if ((failure as Error).name !== 'ExecutionDoesNotExist') throw failure;
  }
};

/** Why a journey is stopped, as the stopped executions record it. */
export type StopReason = 'cancelled' | 'erased' | 'left';

const stopErrors: Record<StopReason, string> = {
  cancelled: 'JourneyCancelled',
  erased: 'JourneyErased',
  left: 'JourneyLeft',
};

/** Stops the journey's executions; an erasure stops them again once recorded, for any started meanwhile. */
export const stopExecutions = async (
  journeyId: string,
  rounds: { round: number }[] | undefined,
  why: StopReason,
): Promise<void> => {
  const error = stopErrors[why];
  const cause = `journey ${why}`;
  await stopExecution(executionArn('STATE_MACHINE_ARN', journeyId), error, cause);
  for (const { machine, name } of onboardingExecutions(journeyId, rounds)) {
    await stopExecution(executionArn(machine, name), error, cause);
  }
};

/**
 * Stops everything a journey has under way: its executions stop, pending schedules go, open forms stop working,
 * and every meeting still ahead is withdrawn from people's calendars (`METHOD:CANCEL`), so nobody keeps a
 * meeting nobody will hold. Shared by cancellation, erasure and a departure; each step can run again safely.
 * Without `tellPerson`, the person's own calendar is left alone and only HR's copies are withdrawn.
 */
export const stopJourney = async (
  journey: Journey,
  why: StopReason,
  at: Date,
  tellPerson = true,
): Promise<void> => {
  const { journeyId } = journey;
  await stopExecutions(journeyId, journey.rounds, why);
  for (const timer of await listPendingTimers(journeyId)) await cancelTimer(journeyId, timer.name);
  for (const form of await listForms(journeyId)) {
    if (form.status === 'open') await cancelForm(journeyId, form.formId, at);
  }
  // Withdrawn ones too: a stop retried after SES failed still has their withdrawal to mail.
  for (const invitation of await listInvitations(journeyId)) {
    if (Date.parse(invitation.start) > at.getTime()) await cancelInvitation(journey, invitation, tellPerson);
  }
};

/**
 * Stops a journey for good (offer withdrawn, resigned, ...) and records why. Each step can run again safely, so
 * a retried cancellation finishes what a failed one began. The journey has ended: HR's private notes start their
 * retention period.
 */
export const cancelJourney = async (journey: Journey, reason: string): Promise<CancelResult> => {
  if (ENDED.has(journey.status))
    return { ok: false, reason: `the journey has already ended (${journey.status})` };
  const { journeyId } = journey;
  const at = now();
  // Only over a status a cancellation may follow: a journey that completed (or was erased) since it was read
  // keeps its end, however the two interleave.
  if (!(await advanceJourneyStatus(journeyId, CANCELLABLE, 'cancelled', at))) {
    const current = await getJourney(journeyId);
    if (!current) throw new JourneyErased(journeyId);
    return { ok: false, reason: `the journey has already ended (${current.status})` };
  }
  await stopJourney(journey, 'cancelled', at);
  await closeAttentionWhere(journeyId, (item) => leavesAsJourneyEnds(item.kind, 'cancelled'), 'cancelled');
  await appendEvent(journeyId, 'journey.cancelled', { type: 'journey.cancelled', reason });
  // A repeated cancellation keeps the first end: the expiry is only ever set once.
  await scheduleNotesExpiry(journeyId, journey.status === 'cancelled' ? new Date(journey.updatedAt) : at);
  return { ok: true };
};
