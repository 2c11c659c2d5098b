import { getErasure } from '#shared/data/erasures.ts';
import { type FormRecord, getForm, markResumed, submitForm } from '#shared/data/forms.ts';
import { getJourney, type Journey } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { deletePrivateNotes, savePrivateNotes, scheduleNotesExpiry } from '#shared/data/private-notes.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { hasEnded, splitPrivateNotes } from '#shared/domain/private-notes.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { resumeFormTask } from '#shared/journeys/resume-form-task.ts';
import type { ResumeResult } from '#shared/journeys/resume-task.ts';

export type RecordResult = ResumeResult | 'already-used' | 'closed';

/**
 * Saves a person's answers once and lets the waiting execution go on, if one waits. The conditional write decides between
 * two simultaneous submissions: only the first one's answers count. A submission whose answers were saved but
 * whose execution was never told (the function failed in between) is finished by the next attempt.
 *
 * A manager or mentor answering "worried" raises the alert here, as the form promises early attention, and
 * before the execution is told: a submission that failed on the way is finished, alert included, by the next.
 *
 * HR's private notes never enter the form record: they are stored in an item of their own, before the
 * execution is told (a journey that ends right after must find them to start their retention period).
 */
export const recordAnswers = async (
  journey: Journey,
  form: FormRecord,
  answers: Record<string, string>,
  at: Date,
): Promise<RecordResult> => {
  const { journeyId } = journey;
  const { answers: kept, notes } = splitPrivateNotes(form.kind, answers);
  const submitted = await submitForm(journeyId, form.formId, kept, at, notes !== undefined);
  const saved = submitted ?? (await getForm(journeyId, form.formId));
  if (saved?.status !== 'submitted') return 'closed';
  if (!submitted && saved.resumedAt) return 'already-used';

  // The winner's notes replace whatever a concurrent loser wrote; an attempt finishing a submission whose
  // notes went missing (the function failed before saving them) fills them in, and never replaces them.
  if (notes && (submitted || saved.hasPrivateNotes)) {
    await keepPrivateNotes(saved, notes, at, { onlyIfMissing: !submitted });
  }
  await recordSubmission(journeyId, saved);
  await raiseAlertFromPrep(saved);
  if (saved.taskToken === undefined) {
    // Nothing waits on the new hire's topics: saved, they reach HR's brief, or HR on their own if it went out.
    if (saved.round !== undefined) {
      const { mailLateTopics } = await import('#shared/journeys/mail-late-topics.ts');
      await mailLateTopics(journey, saved.round);
    }
    await markResumed(journeyId, saved.formId, at);
    return submitted ? 'resumed' : 'already-used';
  }
  const result = await resumeFormTask(
    { ...saved, taskToken: saved.taskToken },
    formTaskOutput(saved, journey, at, await loadCompanyCalendar()),
  );
  await markResumed(journeyId, saved.formId, at);
  return submitted ? result : 'already-used';
};

/**
 * Stores a form's private notes. Cancellation and erasure stop open forms before they sweep the journey, but a
 * submission can win its form just before: checking afterwards closes that gap. If the journey has ended, the
 * notes start their retention period as the others did; if it is being erased, they go again.
 */
const keepPrivateNotes = async (
  form: FormRecord,
  notes: { field: string; text: string },
  at: Date,
  options: { onlyIfMissing: boolean },
): Promise<void> => {
  const { journeyId, formId } = form;
  await savePrivateNotes(
    { journeyId, formId, kind: form.kind, round: form.round, ...notes, writtenAt: at.toISOString() },
    options,
  );
  if (await getErasure(journeyId)) {
    await deletePrivateNotes(journeyId, formId);
    return;
  }
  const current = await getJourney(journeyId);
  if (current && hasEnded(current.status)) await scheduleNotesExpiry(journeyId, new Date(current.updatedAt));
};

const raiseAlertFromPrep = async (form: FormRecord): Promise<void> => {
  const { role } = form.recipient;
  if (form.kind !== 'manager-prep' || form.answers?.wellbeing !== 'worried') return;
  if ((role !== 'manager' && role !== 'mentor') || form.round === undefined) return;
  // Imported here, as the late topics' mail is above: most answers raise no alert and mail no one.
  const { raiseAlert } = await import('#shared/journeys/raise-alert.ts');
  await raiseAlert(form.journeyId, form.round, `${role}-worried`);
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
      // The condition and consent only: the summary stays in the form, the private notes in their own item.
      await appendEvent(journeyId, `outcome.recorded#${formId}`, {
        type: 'outcome.recorded',
        formId,
        round: form.round,
        ...(form.followUp ? { followUp: true } : {}),
        condition: answers.condition,
        consent: answers.consent,
      });
      return;
    case 'session-topics':
      // That they wrote, never what: the text stays in the form, for HR's brief.
      await appendEvent(journeyId, `topics.submitted#${formId}`, {
        type: 'topics.submitted',
        formId,
        round: form.round,
      });
      return;
    case 'summary-confirmation': {
      // The new hire's yes or no, never the summary itself.
      const type = answers.share === 'yes' ? 'summary.confirmed' : 'summary.declined';
      await appendEvent(journeyId, `${type}#${formId}`, {
        type,
        formId,
        round: form.round,
        ...(form.followUp ? { followUp: true } : {}),
      });
      return;
    }
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
