import { type FormRecord, getForm, markResumed, submitForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { type ResumeResult, resumeTask } from '#shared/journeys/resume-task.ts';

export type RecordResult = ResumeResult | 'already-used' | 'closed';

/**
 * Saves a person's answers once and lets the waiting execution go on. The conditional write decides between
 * two simultaneous submissions: only the first one's answers count. A submission whose answers were saved but
 * whose execution was never told (the function failed in between) is finished by the next attempt.
 */
export const recordAnswers = async (
  journey: Journey,
  form: FormRecord,
  answers: Record<string, string>,
  at: Date,
): Promise<RecordResult> => {
  const { journeyId } = journey;
  const submitted = await submitForm(journeyId, form.formId, answers, at);
  const saved = submitted ?? (await getForm(journeyId, form.formId));
  if (saved?.status !== 'submitted') return 'closed';
  if (!submitted && saved.resumedAt) return 'already-used';

  await recordSubmission(journeyId, saved);
  const result = await resumeTask(saved.taskToken, formTaskOutput(saved, journey, at));
  await markResumed(journeyId, saved.formId, at);
  return submitted ? result : 'already-used';
};

const recordSubmission = async (journeyId: string, form: FormRecord): Promise<void> => {
  if (form.kind === 'interviewer-insight') {
    await appendEvent(journeyId, `prep.submitted#${form.formId}`, {
      type: 'prep.submitted',
      formId: form.formId,
      role: 'interviewer',
      interviewer: form.interviewerIndex,
    });
    return;
  }
  const decision = form.answers?.decision;
  await appendEvent(journeyId, `outcome.recorded#${form.formId}`, {
    type: 'outcome.recorded',
    formId: form.formId,
    decision,
    ask: form.ask,
  });
  if (decision === 'accepted' || decision === 'declined') {
    await appendEvent(journeyId, `offer.${decision}`, { type: `offer.${decision}` });
  }
};
