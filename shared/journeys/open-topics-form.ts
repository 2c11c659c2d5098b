import { DateTime } from 'luxon';
import { openForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { linkExpiryAfter } from '#shared/domain/form-link-expiry.ts';
import { formIdFor } from '#shared/domain/ids.ts';
import { prepWindow } from '#shared/domain/prep-window.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

export const topicsFormId = (journeyId: string, round: number): string =>
  formIdFor(journeyId, `session-topics#${round}`);

/**
 * Opens the new hire's optional topics form for a round's 1on1 and returns its link, for the invitation.
 * Nothing waits on it (no task token). It closes at the prep deadline, as the manager's and mentor's forms do,
 * so a moved session moves it with theirs; what arrives after HR's brief went out is mailed to HR on its own.
 */
export const openTopicsForm = async (journey: Journey, round: number, sessionAt: string): Promise<string> => {
  const { journeyId, hire } = journey;
  const calendar = await loadCompanyCalendar();
  const requestedAt = DateTime.fromJSDate(now()).setZone(hire.timezone);
  const { deadline } = prepWindow(calendar, DateTime.fromISO(sessionAt, { setZone: true }), requestedAt);
  const formId = topicsFormId(journeyId, round);
  // A retried step finds the form it opened and links to it as it was opened.
  const form = await openForm({
    journeyId,
    formId,
    kind: 'session-topics',
    recipient: { role: 'employee', ...hire.employee },
    status: 'open',
    createdAt: requestedAt.toUTC().toISO() ?? '',
    linkExpiresAt: linkExpiryAfter(deadline).toUTC().toISO() ?? '',
    deadline: deadline.toUTC().toISO() ?? '',
    round,
  });
  if (form.status === 'open' && form.deadline) {
    await scheduleTimer({
      journeyId,
      name: `expire-${formId}`,
      at: DateTime.fromISO(form.deadline).setZone(hire.timezone),
      action: { kind: 'expire-form', formId },
    });
  }
  return createFormLink({ journeyId, formId, expiresAt: new Date(form.linkExpiresAt) });
};
