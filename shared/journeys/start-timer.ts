import { DateTime } from 'luxon';
import { requireJourney } from '#shared/data/journeys.ts';
import { meetingEndsAt } from '#shared/domain/offer-schedule.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

export type TimerRequest =
  | { journeyId: string; timer: 'meeting-end'; taskToken: string }
  | { journeyId: string; timer: 'ask-again'; at: string; taskToken: string };

/** Parks the execution on a task token until the schedule for this wait fires and resumes it. */
export const startTimer = async (request: TimerRequest): Promise<void> => {
  const { journeyId, taskToken } = request;
  if (request.timer === 'meeting-end') {
    const journey = await requireJourney(journeyId);
    await scheduleTimer({
      journeyId,
      name: 'meeting-end',
      at: meetingEndsAt(journey.offer),
      action: { kind: 'resume-task', taskToken },
    });
    return;
  }
  const at = DateTime.fromISO(request.at, { setZone: true });
  await scheduleTimer({
    journeyId,
    // One timer per planned ask, so a later "still undecided" gets a timer of its own.
    name: `ask-again-${at.toUTC().toFormat("yyyyMMdd'T'HHmm")}`,
    at,
    action: { kind: 'resume-task', taskToken },
  });
};
