import { DateTime } from 'luxon';
import { offerOf, requireJourney } from '#shared/data/journeys.ts';
import type { TimerAction } from '#shared/data/timers.ts';
import { meetingEndsAt } from '#shared/domain/offer-schedule.ts';
import { roundPlan, sessionEndsAt } from '#shared/domain/onboarding-schedule.ts';
import { followUpSession } from '#shared/journeys/follow-up-session.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

export type TimerRequest =
  | { journeyId: string; timer: 'meeting-end'; taskToken: string }
  | { journeyId: string; timer: 'ask-again'; at: string; taskToken: string }
  | {
      journeyId: string;
      timer: 'session-end';
      round: number;
      followUp: boolean;
      taskToken: string;
      /** At the session's end, HR's outcome form opens on the same task instead of resuming it. */
      asksOutcome?: boolean;
    };

/**
 * Parks the execution on a task token until the schedule for this wait fires and resumes it, or, at a session's
 * end, asks HR for the session's outcome on it.
 */
export const startTimer = async (request: TimerRequest): Promise<void> => {
  const { journeyId, taskToken } = request;
  const action: TimerAction =
    request.timer === 'session-end' && request.asksOutcome
      ? { kind: 'request-outcome', round: request.round, followUp: request.followUp, taskToken }
      : { kind: 'resume-task', taskToken };
  if (request.timer === 'ask-again') {
    const at = DateTime.fromISO(request.at, { setZone: true });
    // One timer per planned ask, so a later "still undecided" gets a timer of its own.
    await scheduleTimer({
      journeyId,
      name: `ask-again-${at.toUTC().toFormat("yyyyMMdd'T'HHmm")}`,
      at,
      action,
    });
    return;
  }
  // The time is read from the journey when the wait begins, so a meeting moved before then is honoured.
  const journey = await requireJourney(journeyId);
  if (request.timer === 'meeting-end') {
    await scheduleTimer({ journeyId, name: 'meeting-end', at: meetingEndsAt(offerOf(journey)), action });
    return;
  }
  if (request.followUp) {
    const session = await followUpSession(journeyId, request.round);
    await scheduleTimer({
      journeyId,
      name: `session-end-r${request.round}-followup`,
      at: DateTime.fromISO(session.start, { setZone: true }).plus({ minutes: session.durationMinutes }),
      action,
    });
    return;
  }
  await scheduleTimer({
    journeyId,
    name: `session-end-r${request.round}`,
    at: sessionEndsAt(roundPlan(journey.rounds, request.round)),
    action,
  });
};
