import { type FormRecord, getForm, markResumed, submitForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import type { PulseAnswers } from '#shared/domain/form-answers.ts';
import { raisePulseAlertIfDue } from '#shared/journeys/raise-pulse-alert.ts';

export type PulseRecordResult = 'recorded' | 'already-used' | 'closed';

/**
 * Records the new hire's answer to one pulse check, once: the conditional write on the check's own form decides,
 * so a second post of the same check (or of a link HR replaced, or of a closed check) changes nothing. A
 * submission saved but not followed through (the function failed on the way) is finished by the next post.
 * The timeline says that a check was answered, never how. An answer that calls for HR raises its alert here.
 */
export const recordPulseAnswer = async (
  journey: Journey,
  form: FormRecord,
  answers: PulseAnswers,
  at: Date,
): Promise<PulseRecordResult> => {
  const { journeyId } = journey;
  const { formId } = form;
  const submitted = await submitForm(journeyId, formId, answers, at);
  const saved = submitted ?? (await getForm(journeyId, formId));
  if (saved?.status !== 'submitted') return 'closed';
  if (!submitted && saved.resumedAt) return 'already-used';
  await appendEvent(journeyId, `pulse.answered#${formId}`, {
    type: 'pulse.answered',
    formId,
    check: saved.check,
  });
  // Before the answer counts as passed on: a retry of a post that failed here raises the alert it missed.
  await raisePulseAlertIfDue(journey, saved);
  await markResumed(journeyId, formId, at);
  return 'recorded';
};
