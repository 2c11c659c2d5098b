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
  const { formId } = form;
  const answers = form.answers ?? {};
  switch (form.kind) {
    case 'interviewer-insight':
    case 'manager-prep':
      await appendEvent(journeyId, `prep.submitted#${formId}`, {
        type: 'prep.submitted',
        formId,
        role: form.recipient.role,
        interviewer: form.interviewerIndex,
        round: form.round,
      });
      return;
    case 'session-outcome':
      // The condition and consent only: private notes and the summary stay in the form.
      await appendEvent(journeyId, `outcome.recorded#${formId}`, {
        type: 'outcome.recorded',
        formId,
        round: form.round,
        condition: answers.condition,
        consent: answers.consent,
      });
      return;
    case 'offer-outcome':
      await appendEvent(journeyId, `outcome.recorded#${formId}`, {
        type: 'outcome.recorded',
        formId,
        decision: answers.decision,
        ask: form.ask,
      });
      if (answers.decision === 'accepted' || answers.decision === 'declined') {
        await appendEvent(journeyId, `offer.${answers.decision}`, { type: `offer.${answers.decision}` });
      }
      return;
  }
};
