import { type FormRecord, getForm, submitForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { type ResumeResult, resumeTask } from '#shared/journeys/resume-task.ts';

export type RecordResult = ResumeResult | 'already-used' | 'closed';

/**
 * Saves a person's answers once and lets the waiting execution go on. The conditional write decides between
 * two simultaneous submissions: only the first one resumes the execution.
 */
export const recordAnswers = async (
  journey: Journey,
  form: FormRecord,
  answers: Record<string, string>,
  at: Date,
): Promise<RecordResult> => {
  const { journeyId } = journey;
  const submitted = await submitForm(journeyId, form.formId, answers, at);
  if (!submitted) {
    const current = await getForm(journeyId, form.formId);
    return current?.status === 'submitted' ? 'already-used' : 'closed';
  }
  if (submitted.kind === 'interviewer-insight') {
    await appendEvent(journeyId, `prep.submitted#${form.formId}`, {
      type: 'prep.submitted',
      formId: form.formId,
      role: 'interviewer',
      interviewer: submitted.interviewerIndex,
    });
  } else {
    const decision = answers.decision;
    await appendEvent(journeyId, `outcome.recorded#${form.formId}`, {
      type: 'outcome.recorded',
      formId: form.formId,
      decision,
      ask: submitted.ask,
    });
    if (decision === 'accepted' || decision === 'declined') {
      await appendEvent(journeyId, `offer.${decision}`, { type: `offer.${decision}` });
    }
  }
  return resumeTask(submitted.taskToken, formTaskOutput(submitted, journey, at));
};
