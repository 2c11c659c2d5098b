import { bilingual, bilingualText } from '#shared/console/bilingual.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { CSRF_FIELD } from '#shared/console/csrf.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { refusalOf } from '#shared/console/refusal.ts';
import { roundLabel } from '#shared/console/timeline-words.ts';
import { type AttentionItem, type AttentionKind, attentionItemIds } from '#shared/domain/attention.ts';
import { attentionQuerySchema } from '#shared/domain/attention-requests.ts';
import type { ConsoleUser } from '#shared/domain/console-access.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { handleAlertRequest } from '#shared/journeys/handle-alert-request.ts';
import { listAttention } from '#shared/journeys/list-attention.ts';
import { formatDateTime } from '#shared/time/format.ts';

const HOME_ZONE = 'Asia/Tokyo';

const kindWords: Record<AttentionKind, [string, string]> = {
  alert: ['アラート', 'Alert'],
  'needs-attention': ['処理が止まったジャーニー', 'Journey stopped, needs a person'],
  'outcome-overdue': ['面談結果が期限までに未記録', 'Outcome past its deadline'],
  'prep-unanswered': ['事前アンケートが未回答のまま締切', 'Prep form closed unanswered'],
  'mail-bounced': ['メールが届かなかった', 'Mail bounced'],
};

const detailWords: Record<string, [string, string]> = {
  manager: ['上司から', 'from the manager'],
  mentor: ['メンターから', 'from the mentor'],
  session: ['面談から', 'from the 1on1'],
  pulse: ['パルスチェックから', 'from a pulse check'],
  stormy: ['嵐の回答', 'a stormy answer'],
  'below-usual': ['いつもより低い', 'below their usual'],
  falling: ['下がり続けている', 'falling three times'],
  interviewer: ['面接官', 'interviewer'],
};

interface Failed {
  itemId: string;
  note: string;
  message: string;
}

/** Whose mail bounced: the role as the timeline names it (`interviewer-<index>` for an interviewer). */
const recipientWords = (role: string | undefined): [string, string] | undefined => {
  if (role?.startsWith('interviewer-')) return ['面接官宛て', 'to an interviewer'];
  const words: Record<string, [string, string]> = {
    employee: ['本人宛て', 'to the new hire'],
    hr: ['人事担当宛て', 'to the HR contact'],
    manager: ['上司宛て', 'to the manager'],
    mentor: ['メンター宛て', 'to the mentor'],
  };
  return role ? words[role] : undefined;
};

const details = (item: AttentionItem): SafeHtml[] =>
  [
    item.round !== undefined ? [roundLabel(item.round), ''] : undefined,
    ...(item.kind === 'mail-bounced'
      ? [recipientWords(item.role)]
      : [item.source, item.cause, item.role].map((key) => (key ? detailWords[key] : undefined))),
  ]
    .filter((words): words is [string, string] => words !== undefined)
    .map(([ja, en]) => (en ? bilingual(ja, en) : html`${ja}`));

const handleForm = (item: AttentionItem, csrfToken: string, failed?: Failed) => {
  const id = `note-${item.itemId}`;
  const error = failed?.itemId === item.itemId ? failed.message : undefined;
  return html`<form method="post" action="/console/journeys/${item.journeyId}/alerts/${item.alertId ?? ''}/handled" class="handle">
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<label for="${id}">${bilingual('対応したこと（タイムラインに残ります）', 'What was done (kept in the timeline)')}</label>
${error && html`<p class="error" id="${id}-error">${error}</p>`}
<textarea id="${id}" name="note" maxlength="500" required${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${failed?.itemId === item.itemId ? failed.note : ''}</textarea>
<button type="submit">${bilingual('対応済みにする', 'Mark handled')}</button>
</form>`;
};

const itemRow = (item: AttentionItem, csrfToken: string, failed?: Failed) => {
  const [ja, en] = kindWords[item.kind];
  return html`<li class="attention-item attention-${item.kind}">
<p><strong>${bilingual(ja, en)}</strong> — <a href="/console/journeys/${item.journeyId}">${item.person.name}</a>
<span class="meta">${details(item).map((part) => html` · ${part}`)}</span></p>
<p class="meta">${bilingual('発生', 'Since')} ${formatDateTime(item.since, HOME_ZONE, 'ja')} · ${bilingual('担当', 'HR contact')} ${item.hr.name}</p>
${item.kind === 'alert' && item.alertId && handleForm(item, csrfToken, failed)}
</li>`;
};

/**
 * "Needs attention now": HR's queue, oldest first, the count in the title. Each item links to its journey, and an
 * alert is marked handled here with a note of what was done, through the use case `POST …/handled` runs.
 */
export const showAttention = async (
  viewer: ConsoleUser,
  csrfToken: string,
  params: Record<string, string | undefined>,
  failed?: Failed,
  status = 200,
): Promise<ConsoleResult> => {
  const mine = params.mine === '1';
  const hr = mine ? { hr: viewer.email } : {};
  // A cursor this queue did not give out (an edited address) starts the queue from its first page.
  const parsed =
    attentionQuerySchema.safeParse({ ...hr, ...(params.cursor ? { cursor: params.cursor } : {}) }).data ??
    attentionQuerySchema.parse(hr);
  const queue = await listAttention(parsed);
  const count = `${queue.count}${queue.countCapped ? '+' : ''}`;
  const next = new URLSearchParams({ ...(mine ? { mine: '1' } : {}), cursor: queue.nextCursor ?? '' });
  return {
    status,
    title: bilingualText(`要対応 (${count})`, 'Needs attention'),
    body: html`<h1>${bilingual(`要対応 (${count})`, 'Needs attention')}</h1>
${params.done === 'handled' && html`<p class="notice" role="status">${bilingual('対応済みにしました。タイムラインに記録されています。', 'Marked handled, with the note in the timeline.')}</p>`}
<p><a href="/console/attention${mine ? '' : '?mine=1'}">${mine ? bilingual('すべて表示', 'Show everyone’s') : bilingual('自分の担当だけ表示', 'Show mine only')}</a></p>
${
  queue.items.length === 0
    ? html`<p>${bilingual('いま対応が必要なものはありません。', 'Nothing needs HR right now.')}</p>`
    : html`<ol class="attention">${queue.items.map((item) => itemRow(item, csrfToken, failed))}</ol>`
}
${queue.nextCursor && html`<p><a href="/console/attention?${next.toString()}" rel="next">${bilingual('次のページ', 'Next page')}</a></p>`}`,
  };
};

/** An alert marked handled from the queue; a note to fix shows next to its form, with what was typed. */
export const handleAlertFromQueue = async (
  request: { journeyId: string; alertId: string; viewer: ConsoleUser; csrfToken: string },
  form: URLSearchParams,
): Promise<ConsoleResult> => {
  const note = form.get('note') ?? '';
  try {
    await handleAlertRequest(request.journeyId, request.alertId, { note }, request.viewer.email);
  } catch (error) {
    const { status, message, fields } = refusalOf(error);
    const shown = fieldMessage(fields.note ?? message);
    return showAttention(
      request.viewer,
      request.csrfToken,
      {},
      { itemId: attentionItemIds.alert(request.alertId), note, message: shown },
      status,
    );
  }
  return { redirect: '/console/attention?done=handled' };
};
