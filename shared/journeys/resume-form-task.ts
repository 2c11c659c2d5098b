import { type FormRecord, formsSettled } from '#shared/data/forms.ts';
import { type ResumeResult, resumeTask } from '#shared/journeys/resume-task.ts';

/**
 * Lets the execution waiting on a form that was just answered or expired go on. The forms of a group are
 * gathered by one task, which goes on once all of them are settled: whoever settles one reads the others after
 * its own write, so of two settling the last two at once at least one sees both (and a second resumption of
 * the same task is refused as closed). A form of a group counts as soon as it is saved, last or not.
 */
export const resumeFormTask = async (
  form: FormRecord & { taskToken: string },
  output: unknown,
): Promise<ResumeResult> => {
  if (!form.group) return resumeTask(form.taskToken, output);
  const others = form.group.filter((formId) => formId !== form.formId);
  if (await formsSettled(form.journeyId, others)) await resumeTask(form.taskToken, {});
  return 'resumed';
};
