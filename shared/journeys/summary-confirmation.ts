import { DateTime } from 'luxon';
import { type FormRecord, getForm, openForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { confirmationDeadline } from '#shared/domain/confirmation-window.ts';
import { linkExpiryAfter } from '#shared/domain/form-link-expiry.ts';
import { formIdFor } from '#shared/domain/ids.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderSummaryConfirmationRequest } from '#shared/email/templates/summary-confirmation-request.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/**
 * The new hire's confirmation of one outcome form's team summary. Keyed by the outcome form, not the round, so
 * any session with an outcome form (a monthly 1on1, an extra session in the same round) gets its own.
 */
export const summaryConfirmationFormId = (journeyId: string, outcomeFormId: string): string =>
  formIdFor(journeyId, `summary-confirmation#${outcomeFormId}`);

/** The request to confirm a team summary, as first sent and as sent again with a fresh link. */
export const summaryConfirmationEmail = (
  journey: Journey,
  form: FormRecord,
  formUrl: string,
): OutgoingEmail =>
  outgoingEmail(
    journey,
    form.recipient,
    renderSummaryConfirmationRequest({
      locale: form.recipient.locale,
      employeeName: form.recipient.name,
      hrName: journey.hire.hr.name,
      round: form.round ?? 1,
      formUrl,
      followUp: form.followUp,
      deadline: form.deadline ?? form.linkExpiresAt,
      zone: journey.hire.timezone,
    }),
  );

/**
 * Asks the new hire whether the team summary HR recorded with their consent may go to the team, showing the
 * exact text: the form keeps a copy, so a yes shares the very words they read. Due at closing time on the third
 * business day; past it the form expires and nothing is shared.
 */
export const requestSummaryConfirmation = async (
  journey: Journey,
  outcomeFormId: string,
  taskToken: string,
  calendar: BusinessCalendar,
): Promise<FormRecord> => {
  const { journeyId, hire } = journey;
  const outcome = await getForm(journeyId, outcomeFormId);
  const teamSummary = outcome?.answers?.teamSummary;
  if (outcome?.status !== 'submitted' || !teamSummary) {
    throw new Error(`form ${outcomeFormId} has no team summary to confirm`);
  }
  const requestedAt = now();
  const deadline = confirmationDeadline(calendar, DateTime.fromJSDate(requestedAt).setZone(hire.timezone));
  const linkExpiresAt = linkExpiryAfter(deadline);
  const formId = summaryConfirmationFormId(journeyId, outcomeFormId);
  const form = await openForm({
    journeyId,
    formId,
    kind: 'summary-confirmation',
    recipient: { role: 'employee', ...hire.employee },
    status: 'open',
    taskToken,
    createdAt: requestedAt.toISOString(),
    linkExpiresAt: linkExpiresAt.toUTC().toISO() ?? '',
    deadline: deadline.toUTC().toISO() ?? '',
    round: outcome.round,
    ...(outcome.followUp ? { followUp: true } : {}),
    outcomeFormId,
    teamSummary,
  });
  if (form.status !== 'open') return form;

  const formUrl = await createFormLink({ journeyId, formId, expiresAt: linkExpiresAt.toJSDate() });
  await sendEmailOnce(
    journeyId,
    `summary.requested#${formId}`,
    summaryConfirmationEmail(journey, form, formUrl),
  );
  await appendEvent(journeyId, `summary.requested#${formId}`, {
    type: 'summary.requested',
    formId,
    round: form.round,
    ...(form.followUp ? { followUp: true } : {}),
    deadline: form.deadline,
  });
  await scheduleTimer({
    journeyId,
    name: `expire-${formId}`,
    at: deadline,
    action: { kind: 'expire-form', formId },
  });
  return form;
};
