import type { ConsolePage } from '#shared/console/console-handler.ts';
import { renderConsolePage } from '#shared/console/console-layout.ts';
import { consolePage } from '#shared/console/console-responses.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { type JourneyStatus, journeyStatuses } from '#shared/data/journeys.ts';
import { journeyListQuerySchema } from '#shared/domain/journey-list-query.ts';
import type { JourneyListItem, NextStep } from '#shared/domain/journey-listing.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { type JourneyListPage, listJourneys } from '#shared/journeys/list-journeys.ts';
import { formatDate, formatDateTime } from '#shared/time/format.ts';

export const statusLabels: Record<JourneyStatus, string> = {
  'offer-follow-up': '入社前フォロー Offer follow-up',
  'awaiting-start': '入社待ち Awaiting start',
  onboarding: 'オンボーディング Onboarding',
  declined: '辞退 Declined',
  lapsed: '回答期限切れ Lapsed',
  'needs-attention': '要対応 Needs attention',
  completed: '完了 Completed',
  cancelled: '中止 Cancelled',
  left: '退職 Left',
};

const phaseLabels: Record<JourneyListItem['phase'], string> = {
  offer: '入社前 Offer',
  onboarding: '入社後 Onboarding',
};

const stepLabel = (step: NextStep): string => {
  switch (step.kind) {
    case 'offer-meeting':
      return 'オファー面談 Offer meeting';
    case 'offer-reply-due':
      return '回答期限 Reply due';
    case 'onboarding-start':
      return '入社日 Start date';
    case 'round-session':
      return `第${step.round}回 1on1 (1on1, round ${step.round})`;
  }
};

/** A moment in the journey's own zone; a bare date (a deadline, a start date) as the day it is. */
const stepWhen = (step: NextStep, zone: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(step.at) ? formatDate(step.at, 'ja') : formatDateTime(step.at, zone, 'ja');

const filterFields = ['status', 'hr', 'startMonth', 'q'] as const;
type Filters = Partial<Record<(typeof filterFields)[number], string>>;

const filterLabels: Record<(typeof filterFields)[number], string> = {
  status: '状況 Status',
  hr: '人事担当者のメール HR contact’s email',
  startMonth: '入社月 Start month',
  q: '氏名で検索 Search by name',
};

const errorOf = (errors: Record<string, string>, field: string) =>
  errors[field] && html`<p class="error" id="${field}-error">${errors[field]}</p>`;

const described = (errors: Record<string, string>, field: string) =>
  errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';

const filterForm = (
  filters: Filters,
  errors: Record<string, string>,
): SafeHtml => html`<form method="get" action="/console" class="filters" role="search">
<div class="filter">
<label for="status">${filterLabels.status}</label>
<select id="status" name="status"${described(errors, 'status')}>
<option value="">すべて All</option>
${journeyStatuses.map(
  (status) =>
    html`<option value="${status}"${filters.status === status ? html` selected` : ''}>${statusLabels[status]}</option>`,
)}
</select>
${errorOf(errors, 'status')}
</div>
<div class="filter">
<label for="hr">${filterLabels.hr}</label>
<input id="hr" name="hr" type="email" autocomplete="off" value="${filters.hr ?? ''}"${described(errors, 'hr')}>
${errorOf(errors, 'hr')}
</div>
<div class="filter">
<label for="startMonth">${filterLabels.startMonth}</label>
<input id="startMonth" name="startMonth" type="month" value="${filters.startMonth ?? ''}"${described(errors, 'startMonth')}>
${errorOf(errors, 'startMonth')}
</div>
<div class="filter">
<label for="q">${filterLabels.q}</label>
<input id="q" name="q" type="search" value="${filters.q ?? ''}"${described(errors, 'q')}>
${errorOf(errors, 'q')}
</div>
<div class="filter filter-actions">
<button type="submit">絞り込む Filter</button>
<a href="/console">条件をクリア Clear</a>
</div>
</form>`;

const columns = {
  person: '氏名 Person',
  phase: 'フェーズ Phase',
  status: '状況 Status',
  hr: '人事担当 HR contact',
  startDate: '入社日 Start date',
  nextStep: '次の予定 Next step',
} as const;

// On a phone the rows stack, and each cell shows its column's name from `data-label` (page-style.ts).
const row = (item: JourneyListItem): SafeHtml => html`<tr>
<th scope="row" data-label="${columns.person}"><a href="/console/journeys/${encodeURIComponent(item.journeyId)}">${item.person.name}</a></th>
<td data-label="${columns.phase}">${phaseLabels[item.phase]}</td>
<td data-label="${columns.status}"><span class="status status-${item.status}">${statusLabels[item.status as JourneyStatus] ?? item.status}</span></td>
<td data-label="${columns.hr}">${item.hr.name}<br><span class="meta">${item.hr.email}</span></td>
<td data-label="${columns.startDate}">${formatDate(item.startDate, 'ja')}</td>
<td data-label="${columns.nextStep}">${item.nextStep ? html`${stepLabel(item.nextStep)}<br><span class="meta">${stepWhen(item.nextStep, item.timezone)}</span>` : html`<span class="meta">—</span>`}</td>
</tr>`;

const nextPageHref = (filters: Filters, cursor: string): string => {
  const query = new URLSearchParams();
  for (const field of filterFields) if (filters[field]) query.set(field, filters[field]);
  query.set('cursor', cursor);
  return `/console?${query}`;
};

const results = (list: JourneyListPage, filters: Filters): SafeHtml =>
  list.items.length === 0
    ? html`<p>該当するジャーニーはありません。 No journeys match.</p>`
    : html`<div class="table-scroll">
<table class="journeys">
<caption>ジャーニー一覧 (入社日の新しい順) Journeys, latest start date first</caption>
<thead><tr>${Object.values(columns).map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>
${list.items.map(row)}
</tbody>
</table>
</div>
${list.nextCursor && html`<p><a href="${nextPageHref(filters, list.nextCursor)}" rel="next">次のページ Next page</a></p>`}`;

/**
 * The console's home: HR's journeys, with the filters of `GET /journeys`, validated by the same schema (a bad
 * filter is shown next to its field), and a link to each journey's page.
 */
export const journeysListPage: ConsolePage = async ({ event, session }) => {
  const given = event.queryStringParameters ?? {};
  // An empty field of the filter form means "any", not a value to validate.
  const filters: Filters = Object.fromEntries(
    filterFields.flatMap((field) => (given[field]?.trim() ? [[field, given[field].trim()]] : [])),
  );
  const parsed = journeyListQuerySchema.safeParse({
    ...filters,
    ...(given.cursor ? { cursor: given.cursor } : {}),
  });
  const errors = parsed.success
    ? {}
    : Object.fromEntries(
        Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => [field, fieldMessage(message)]),
      );
  const title = 'ジャーニー一覧 Journeys';
  const body = html`<h1>${title}</h1>
${filterForm(filters, errors)}
${
  parsed.success
    ? results(await listJourneys(parsed.data), filters)
    : html`<div class="error-summary" role="alert"><p>条件を確認してください。 Please check the filters.</p>
<ul>${Object.entries(errors).map(([field, message]) => html`<li>${filterLabels[field as keyof typeof filterLabels] ?? field}: ${message}</li>`)}</ul></div>`
}`;
  return consolePage(
    parsed.success ? 200 : 400,
    renderConsolePage({ title, body, section: '/console', session }),
  );
};
