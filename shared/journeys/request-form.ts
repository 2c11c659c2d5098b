import { DateTime } from 'luxon';
import { type FormRecord, openForm } from '#shared/data/forms.ts';
import { type Journey, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { formIdFor } from '#shared/domain/ids.ts';
import { interviewerInsightWindow } from '#shared/domain/offer-schedule.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderOutcomeRequest } from '#shared/email/templates/outcome-request.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { interviewerInsightEmail } from '#shared/journeys/interviewer-insight-email.ts';
import { resumeTask } from '#shared/journeys/resume-task.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/** An outcome link stays usable this long: HR may record a late answer after a weekend or a holiday. */
const OUTCOME_LINK_DAYS = 30;

export type FormRequest =
  | { journeyId: string; form: 'interviewer-insight'; interviewer: number; taskToken: string }
  | { journeyId: string; form: 'offer-outcome'; ask: number; taskToken: string };

/**
 * Opens the form a waiting task depends on and mails its link. A retried task finds the same form: when the
 * form was already answered or expired, the task is resumed at once with that result instead of waiting.
 */
export const requestForm = async (request: FormRequest): Promise<void> => {
  const journey = await requireJourney(request.journeyId);
  const opened =
    request.form === 'interviewer-insight'
      ? await requestInterviewerInsight(journey, request.interviewer, request.taskToken)
      : await requestOutcome(journey, request.ask + 1, request.taskToken);
  if (opened.status !== 'open') await resumeTask(request.taskToken, formTaskOutput(opened, journey, now()));
};

const requestInterviewerInsight = async (
  journey: Journey,
  index: number,
  taskToken: string,
): Promise<FormRecord> => {
  const { journeyId, offer } = journey;
  const interviewer = offer.interviewers[index];
  if (!interviewer) throw new Error(`no interviewer ${index} in this journey`);
  const requestedAt = now();
  const window = interviewerInsightWindow(offer, requestedAt);
  const formId = formIdFor(journeyId, `interviewer-insight#${index}`);
  const form = await openForm({
    journeyId,
    formId,
    kind: 'interviewer-insight',
    recipient: { role: 'interviewer', ...interviewer },
    status: 'open',
    taskToken,
    createdAt: requestedAt.toISOString(),
    linkExpiresAt: window.deadline.toUTC().toISO() ?? '',
    deadline: window.deadline.toUTC().toISO() ?? '',
    interviewerIndex: index,
  });
  if (form.status !== 'open') return form;

  const formUrl = await createFormLink({ journeyId, formId, expiresAt: window.deadline.toJSDate() });
  await sendEmailOnce(
    journeyId,
    `prep.requested#${formId}`,
    interviewerInsightEmail(journey, form, formUrl, false),
  );
  await appendEvent(journeyId, `prep.requested#${formId}`, {
    type: 'prep.requested',
    formId,
    role: 'interviewer',
    interviewer: index,
    deadline: form.deadline,
  });
  if (window.remindAt) {
    await scheduleTimer({
      journeyId,
      name: `remind-${formId}`,
      at: window.remindAt,
      action: { kind: 'remind-form', formId },
    });
  }
  await scheduleTimer({
    journeyId,
    name: `expire-${formId}`,
    at: window.deadline,
    action: { kind: 'expire-form', formId },
  });
  return form;
};

const requestOutcome = async (journey: Journey, ask: number, taskToken: string): Promise<FormRecord> => {
  const { journeyId, offer } = journey;
  const requestedAt = now();
  const linkExpiresAt = DateTime.fromJSDate(requestedAt).plus({ days: OUTCOME_LINK_DAYS });
  const formId = formIdFor(journeyId, `offer-outcome#${ask}`);
  const form = await openForm({
    journeyId,
    formId,
    kind: 'offer-outcome',
    recipient: { role: 'hr', ...offer.hr },
    status: 'open',
    taskToken,
    createdAt: requestedAt.toISOString(),
    linkExpiresAt: linkExpiresAt.toUTC().toISO() ?? '',
    ask,
  });
  if (form.status !== 'open') return form;

  const formUrl = await createFormLink({ journeyId, formId, expiresAt: linkExpiresAt.toJSDate() });
  await sendEmailOnce(
    journeyId,
    `outcome.requested#${formId}`,
    outgoingEmail(
      journey,
      offer.hr,
      renderOutcomeRequest({
        locale: offer.hr.locale,
        hrName: offer.hr.name,
        candidateName: offer.candidate.name,
        formUrl,
        ask,
        respondBy: offer.respondBy,
      }),
    ),
  );
  await appendEvent(journeyId, `outcome.requested#${formId}`, { type: 'outcome.requested', formId, ask });
  return form;
};
