import { bilingual, bilingualText } from '#shared/console/bilingual.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { CSRF_FIELD } from '#shared/console/csrf.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { refusalOf } from '#shared/console/refusal.ts';
import { getCalendarSettings } from '#shared/data/company-calendar.ts';
import { type ConsoleUser, isHrLead } from '#shared/domain/console-access.ts';
import { html } from '#shared/html/escape.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { saveCalendarRequest } from '#shared/journeys/save-calendar-request.ts';
import { now } from '#shared/time/clock.ts';

const title = bilingualText('会社カレンダー', 'Company calendar');

/** The form's fields: one closed day or range a line, and the working hours. */
interface CalendarForm {
  closedDays: string;
  from: string;
  to: string;
}

/** Which of the form's fields a message of the API's schema belongs to (`closedDays.3` → `closedDays`). */
const fieldOf = (path: string): keyof CalendarForm =>
  path.startsWith('workingHours.to') ? 'to' : path.startsWith('workingHours') ? 'from' : 'closedDays';

const page = (
  viewer: ConsoleUser,
  csrfToken: string,
  form: CalendarForm,
  errors: Record<string, string> = {},
  done = false,
) => {
  const lead = isHrLead(viewer);
  const error = (field: keyof CalendarForm) =>
    errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : '';
  const invalid = (field: keyof CalendarForm) =>
    errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const readOnly = lead ? '' : html` readonly`;
  return html`<h1>${bilingual('会社カレンダー', 'Company calendar')}</h1>
${done && html`<p class="notice" role="status">${bilingual('保存しました。これからの予定はこのカレンダーで計算されます。', 'Saved. Schedules from now on are computed with it.')}</p>`}
<p>${bilingual('休業日と勤務時間です。面談の日程、締切、リマインドはこの営業日と時間で決まります。', 'Closed days and working hours: every session, deadline and reminder keeps to them.')}</p>
${!lead && html`<p class="meta">${bilingual('変更できるのは人事責任者 (hr-lead) だけです。', 'Only HR leads change it.')}</p>`}
<form method="post" action="/console/settings/calendar">
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<div class="field"><label for="closedDays">${bilingual('休業日（1行に1つ）', 'Closed days (one a line)')}</label>
<p class="hint">${bilingual('毎年の休み MM-DD または MM-DD..MM-DD、1回だけの休み YYYY-MM-DD。土日と祝日はいつも休みです。', 'Every year MM-DD or MM-DD..MM-DD, once YYYY-MM-DD. Weekends and public holidays are always closed.')}</p>
${error('closedDays')}<textarea id="closedDays" name="closedDays"${invalid('closedDays')}${readOnly}>${form.closedDays}</textarea></div>
<div class="filters">
<div class="filter"><label for="from">${bilingual('始業', 'Opens')}</label>${error('from')}<input type="time" id="from" name="from" value="${form.from}" required${invalid('from')}${readOnly}></div>
<div class="filter"><label for="to">${bilingual('終業', 'Closes')}</label>${error('to')}<input type="time" id="to" name="to" value="${form.to}" required${invalid('to')}${readOnly}></div>
</div>
${lead && html`<p><button type="submit">${bilingual('保存する', 'Save')}</button></p>`}
</form>`;
};

/** The company calendar: every HR person reads it, HR leads change it. */
export const showCalendar = async (
  viewer: ConsoleUser,
  csrfToken: string,
  done: boolean,
): Promise<ConsoleResult> => {
  const settings = await getCalendarSettings();
  const form = {
    closedDays: settings.closedDays.join('\n'),
    from: settings.workingHours.from,
    to: settings.workingHours.to,
  };
  return { status: 200, title, body: page(viewer, csrfToken, form, {}, done) };
};

/** Saves the calendar through `PUT /settings/calendar`'s use case; HR leads only. */
export const saveCalendar = async (
  viewer: ConsoleUser,
  csrfToken: string,
  posted: URLSearchParams,
): Promise<ConsoleResult> => {
  if (!isHrLead(viewer)) throw new HttpError(403, { message: 'Only HR leads change the company calendar.' });
  const form = {
    closedDays: posted.get('closedDays') ?? '',
    from: posted.get('from') ?? '',
    to: posted.get('to') ?? '',
  };
  const body = {
    closedDays: form.closedDays
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    workingHours: { from: form.from, to: form.to },
  };
  try {
    await saveCalendarRequest(body, now());
  } catch (error) {
    const { fields } = refusalOf(error, [400]);
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(fields)) {
      errors[fieldOf(path)] ??= fieldMessage(message);
    }
    return { status: 400, title, body: page(viewer, csrfToken, form, errors) };
  }
  return { redirect: '/console/settings/calendar?done=saved' };
};
