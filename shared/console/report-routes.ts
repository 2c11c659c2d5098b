import { DateTime } from 'luxon';
import { bilingual, bilingualText } from '#shared/console/bilingual.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { type ConsoleUser, isHrLead } from '#shared/domain/console-access.ts';
import { reportCsv, reportCsvFilename } from '#shared/domain/report-csv.ts';
import { reportQuerySchema } from '#shared/domain/report-query.ts';
import { html } from '#shared/html/escape.ts';
import { csv } from '#shared/http/api-handler.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { buildReport } from '#shared/journeys/build-report.ts';
import { reportCharts } from '#shared/pages/report-charts.ts';
import { now } from '#shared/time/clock.ts';

const HOME_ZONE = 'Asia/Tokyo';
const fields = ['startMonth', 'from', 'to', 'hr'] as const;
const title = bilingualText('レポート', 'Reports');

/**
 * Reports in the console: the figures and charts of `GET /reports` for a start month or a period, and the same as
 * CSV. HR leads read across all of HR; everyone else reads the journeys they are the HR contact of, whatever the
 * address asks for.
 */
export const showReport = async (
  viewer: ConsoleUser,
  params: Record<string, string | undefined>,
): Promise<ConsoleResult> => {
  const given: Record<string, string> = Object.fromEntries(
    fields.flatMap((field) => (params[field]?.trim() ? [[field, params[field].trim()]] : [])),
  );
  const thisMonth = DateTime.fromJSDate(now()).setZone(HOME_ZONE).toFormat('yyyy-MM');
  const asked = given.from || given.to ? given : { startMonth: thisMonth, ...given };
  const lead = isHrLead(viewer);
  const scoped = { ...asked, hr: lead ? asked.hr : viewer.email };
  const parsed = reportQuerySchema.safeParse({ ...scoped, format: params.format === 'csv' ? 'csv' : 'json' });
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const english = params.lang === 'en';
  const form = html`<form method="get" action="/console/reports" class="filters">
<div class="filter"><label for="startMonth">${bilingual('入社月', 'Start month')}</label>${errorOf(errors, 'startMonth')}
<input type="month" id="startMonth" name="startMonth" value="${asked.startMonth ?? ''}"></div>
<div class="filter"><label for="from">${bilingual('または期間（入社日）', 'Or a period of start dates')}</label>${errorOf(errors, 'from')}
<input type="date" id="from" name="from" value="${asked.from ?? ''}"> 〜 <label for="to" class="visually-hidden">${bilingual('まで', 'To')}</label>${errorOf(errors, 'to')}<input type="date" id="to" name="to" value="${asked.to ?? ''}"></div>
${
  lead &&
  html`<div class="filter"><label for="hr">${bilingual('人事担当者のメール（空欄ですべて）', 'HR contact’s email (empty: all)')}</label>${errorOf(errors, 'hr')}
<input type="email" id="hr" name="hr" value="${asked.hr ?? ''}"></div>`
}
<div class="filter filter-actions"><button type="submit">${bilingual('表示', 'Show')}</button></div>
</form>`;
  if (!parsed.success) {
    return { status: 400, title, body: html`<h1>${bilingual('レポート', 'Reports')}</h1>${form}` };
  }
  const report = await buildReport(parsed.data);
  if (parsed.data.format === 'csv') return { file: csv(reportCsvFilename(report.period), reportCsv(report)) };
  // The address keeps what was asked, never the scope forced on someone who is not an HR lead.
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(asked)) if (value) query.set(name, value);
  const csvHref = `/console/reports?${new URLSearchParams([...query, ['format', 'csv']])}`;
  const languageHref = `/console/reports?${new URLSearchParams([...query, ...(english ? [] : [['lang', 'en'] as [string, string]])])}`;
  return {
    status: 200,
    title,
    body: html`<h1>${bilingual('レポート', 'Reports')}</h1>
${form}
<p class="meta">${bilingual(
      `入社日 ${report.period.from} 〜 ${report.period.to} のジャーニー ${report.journeys} 件${lead ? (report.hr ? `（担当 ${report.hr}）` : '（人事全体）') : '（自分が担当）'}`,
      `${report.journeys} journeys starting ${report.period.from} to ${report.period.to}${lead ? (report.hr ? ` (HR contact ${report.hr})` : ' (all of HR)') : ' (yours)'}`,
    )}</p>
<p class="row-actions"><a class="button-link" href="${csvHref}" download>${bilingual('CSV をダウンロード', 'Download CSV')}</a>
<a href="${languageHref}">${english ? '日本語のグラフ' : 'Charts in English'}</a></p>
${reportCharts(report, english ? 'en' : 'ja')}`,
  };
};

const errorOf = (errors: Record<string, string>, field: string) =>
  errors[field] ? html`<p class="error" id="${field}-error">${fieldMessage(errors[field])}</p>` : '';
