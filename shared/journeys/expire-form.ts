import { openAttention } from '#shared/data/attention.ts';
import { expireForm, getForm } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { attentionItemIds } from '#shared/domain/attention.ts';
import { outcomeNotRecorded } from '#shared/journeys/outcome-not-recorded.ts';
import { resumeFormTask } from '#shared/journeys/resume-form-task.ts';
import { now } from '#shared/time/clock.ts';

/**
 * A form past its deadline, or to an address mail cannot reach, closes, and the journey goes on without the
 * answer.
 */
export const expireOpenForm = async (journeyId: string, formId: string): Promise<void> => {
  // An earlier attempt may have expired the form and failed before resuming: finish its work.
  const form = (await expireForm(journeyId, formId, now())) ?? (await getForm(journeyId, formId));
  if (form?.status !== 'expired') return;
  if (form.kind === 'pulse') {
    await appendEvent(journeyId, `pulse.expired#${formId}`, {
      type: 'pulse.expired',
      formId,
      check: form.check,
    });
    return;
  }
  // The new hire's topics: optional, nothing waits on them, and an unanswered one is no missing answer.
  if (form.taskToken === undefined) return;
  if (form.kind === 'session-outcome') {
    await outcomeNotRecorded(await requireJourney(journeyId), form);
  } else if (form.kind === 'summary-confirmation') {
    // No answer from the new hire: the summary is not shared, and the share step tells HR.
    await appendEvent(journeyId, `summary.expired#${formId}`, {
      type: 'summary.expired',
      formId,
      round: form.round,
      ...(form.followUp ? { followUp: true } : {}),
    });
  } else {
    await openAttention(await requireJourney(journeyId), {
      itemId: attentionItemIds.prepUnanswered(formId),
      kind: 'prep-unanswered',
      round: form.round,
      role: form.recipient.role,
    });
    await appendEvent(journeyId, `prep.expired#${formId}`, {
      type: 'prep.expired',
      formId,
      role: form.recipient.role,
      interviewer: form.interviewerIndex,
      round: form.round,
    });
  }
  await resumeFormTask({ ...form, taskToken: form.taskToken }, { status: 'expired' });
};
