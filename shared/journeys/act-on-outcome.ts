import { requireJourney } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { raiseAlert } from '#shared/journeys/raise-alert.ts';
import { resumeTask } from '#shared/journeys/resume-task.ts';
import { recordedOutcomeForm, type SessionOutcome } from '#shared/journeys/session-outcome.ts';
import { requestSummaryConfirmation } from '#shared/journeys/summary-confirmation.ts';
import { now } from '#shared/time/clock.ts';

export interface OutcomeStep {
  journeyId: string;
  round: number;
  /** The round's extra follow-up session, rather than the round's own 1on1. */
  followUp: boolean;
  outcome: SessionOutcome;
  taskToken: string;
}

/**
 * What follows a recorded outcome before anything is shared, as one waiting step: an `alert` condition alerts
 * the HR lead (proposing the extra session), and a team summary HR recorded with consent goes to the new hire,
 * whose answer, or its absence at the deadline, resumes the step. An alert never waits for that answer. An
 * outcome with neither, or none recorded by its deadline, goes on at once. Every part is keyed, so a retried
 * step alerts and asks nobody twice.
 */
export const actOnOutcome = async (step: OutcomeStep): Promise<void> => {
  const { journeyId, round, followUp, outcome, taskToken } = step;
  if (outcome.status === 'expired') {
    await resumeTask(taskToken, {});
    return;
  }
  // After the round's extra session, an "alert" tells HR again under a reason of its own.
  if (outcome.condition === 'alert') {
    await raiseAlert(journeyId, round, followUp ? 'follow-up-alert' : 'condition-alert');
  }
  // Outputs from before the new hire's confirmation existed have no `hireConfirms`: nothing to confirm.
  if (outcome.hireConfirms !== true) {
    await resumeTask(taskToken, {});
    return;
  }
  const journey = await requireJourney(journeyId);
  const calendar = await loadCompanyCalendar();
  const form = await requestSummaryConfirmation(journey, recordedOutcomeForm(outcome), taskToken, calendar);
  // A retried step finds the new hire's answer given, or the deadline passed: it goes on with that at once.
  if (form.status !== 'open') await resumeTask(taskToken, formTaskOutput(form, journey, now(), calendar));
};
