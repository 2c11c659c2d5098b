import { DateTime } from 'luxon';
import { type FormRecord, formsSettled } from '#shared/data/forms.ts';
import { heartbeatTask, type ResumeResult, resumeTask } from '#shared/journeys/resume-task.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/**
 * Lets the execution waiting on a form that was just answered or expired go on, with what the form's task
 * returns (`formTaskOutput`). Two kinds of form keep the task waiting instead:
 * - a form of a group, gathered by one task that goes on once all of them are settled: whoever settles one reads
 *   the others after its own write, so of two settling the last two at once at least one sees both (and a
 *   second resumption of the same task is refused as closed). It counts as soon as it is saved, last or not;
 * - an offer's outcome still undecided with an ask to come: the schedule asks HR again on the same task
 *   (fire-timer), so the execution waits for a final answer in one state instead of looping.
 */
export const resumeFormTask = async (
  form: FormRecord & { taskToken: string },
  output: Record<string, unknown>,
): Promise<ResumeResult> => {
  if (form.group) {
    const others = form.group.filter((formId) => formId !== form.formId);
    if (await formsSettled(form.journeyId, others)) await resumeTask(form.taskToken, {});
    return 'resumed';
  }
  if (form.kind === 'offer-outcome' && typeof output.askAgainAt === 'string') {
    // Each answer bounds the wait for the next anew (the task's HeartbeatSeconds); a stopped one asks no more.
    if (!(await heartbeatTask(form.taskToken))) return 'closed';
    const at = DateTime.fromISO(output.askAgainAt, { setZone: true });
    // One timer per planned ask, so a later "still undecided" gets a timer of its own.
    await scheduleTimer({
      journeyId: form.journeyId,
      name: `ask-again-${at.toUTC().toFormat("yyyyMMdd'T'HHmm")}`,
      at,
      action: { kind: 'ask-again', ask: form.ask ?? 1, taskToken: form.taskToken },
    });
    return 'resumed';
  }
  return resumeTask(form.taskToken, output);
};
