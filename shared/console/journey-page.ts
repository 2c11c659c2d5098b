import { DateTime } from 'luxon';
import { bilingual, bilingualText, bothOf, bothTextOf } from '#shared/console/bilingual.ts';
import { CSRF_FIELD } from '#shared/console/csrf.ts';
import { departureReasonWords, roleLabel, roundLabel, timelineLine } from '#shared/console/timeline-words.ts';
import type { FormRecord } from '#shared/data/forms.ts';
import { isOpen, type JourneyStatus } from '#shared/data/journeys.ts';
import type { PrivateNotesRecord } from '#shared/data/private-notes.ts';
import { departureReasons, mayRecordDeparture } from '#shared/domain/departure.ts';
import type { Person } from '#shared/domain/field-schemas.ts';
import {
  type Condition,
  conditionLabels,
  conditions,
  type FormKind,
  type Wellbeing,
  wellbeingLabels,
} from '#shared/domain/form-fields.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { MEETING_LOCATION_MAX } from '#shared/domain/meeting-location.ts';
import { pulseSeries, type Weather, weatherLabels, weathers } from '#shared/domain/pulse.ts';
import { roundProgress } from '#shared/domain/round-progress.ts';
import { type HtmlValue, html, type SafeHtml, withLineBreaks } from '#shared/html/escape.ts';
import type { JourneyRecords } from '#shared/journeys/journey-records.ts';
import { levelChart } from '#shared/pages/level-chart.ts';
import { weatherGlyph } from '#shared/pages/weather-icons.ts';
import { now } from '#shared/time/clock.ts';
import { formatDate, formatDateTime } from '#shared/time/format.ts';

export interface JourneyPageInput {
  records: JourneyRecords;
  /**
   * HR's private notes, present only for a viewer allowed to read them (the journey's HR contact and HR leads);
   * absent, the page says they exist without showing them.
   */
  privateNotes?: PrivateNotesRecord[];
  /** Erasure is for HR leads only: others do not see the action. */
  mayErase: boolean;
  csrfToken: string;
  /** What the last action did (`?done=` after a redirect). */
  done?: string;
  /** What the last action could not do, per field, when the page is shown again with its form. */
  errors?: Record<string, string>;
  /** The action whose form the errors belong to, and the values to show again. */
  failed?: { action: string; values: Record<string, string> };
}

export const statusLabels: Record<Locale, Record<JourneyStatus, string>> = {
  ja: {
    'offer-follow-up': '内定フォロー中',
    'awaiting-start': '入社待ち',
    onboarding: '入社後フォロー中',
    declined: '辞退',
    lapsed: '期限切れ',
    'needs-attention': '要対応',
    completed: '完了',
    cancelled: '中止',
    left: '退職',
  },
  en: {
    'offer-follow-up': 'Offer follow-up',
    'awaiting-start': 'Awaiting start',
    onboarding: 'Onboarding',
    declined: 'Declined',
    lapsed: 'Lapsed',
    'needs-attention': 'Needs attention',
    completed: 'Completed',
    cancelled: 'Cancelled',
    left: 'Left the company',
  },
};

const formKindLabels: Record<Locale, Record<FormKind, string>> = {
  ja: {
    'interviewer-insight': '面接官の所見',
    'offer-outcome': '内定面談の結果',
    'manager-prep': '事前アンケート',
    'session-outcome': '面談結果',
    'session-topics': '本人が話したいこと',
    'summary-confirmation': '共有内容の確認',
    pulse: 'パルスチェック',
  },
  en: {
    'interviewer-insight': "Interviewer's insight",
    'offer-outcome': 'Offer meeting outcome',
    'manager-prep': 'Prep form',
    'session-outcome': 'Session outcome',
    'session-topics': "New hire's topics",
    'summary-confirmation': 'Summary confirmation',
    pulse: 'Pulse check',
  },
};

/** The answer fields each form shows HR, in order, with their labels; private notes are shown apart. */
const answerFields: Record<FormKind, Record<Locale, [string, string][]>> = {
  'interviewer-insight': {
    ja: [
      ['concerns', '懸念点'],
      ['impressions', '印象'],
      ['strengths', '強み'],
    ],
    en: [
      ['concerns', 'Concerns'],
      ['impressions', 'Impressions'],
      ['strengths', 'Strengths'],
    ],
  },
  'offer-outcome': {
    ja: [
      ['decision', '意思決定'],
      ['remainingConcerns', '残っている懸念'],
    ],
    en: [
      ['decision', 'Decision'],
      ['remainingConcerns', 'Remaining concerns'],
    ],
  },
  'manager-prep': {
    ja: [
      ['progress', '様子・進み具合'],
      ['wellbeing', '見え方'],
      ['topics', '話してほしいこと'],
    ],
    en: [
      ['progress', 'Progress'],
      ['wellbeing', 'How they seem'],
      ['topics', 'Topics'],
    ],
  },
  'session-outcome': {
    ja: [
      ['condition', 'コンディション'],
      ['consent', 'チームへの共有'],
      ['teamSummary', 'チームへの要約'],
      ['followUp', '次の対応'],
    ],
    en: [
      ['condition', 'Condition'],
      ['consent', 'Shared with the team'],
      ['teamSummary', 'Team summary'],
      ['followUp', 'Follow-up'],
    ],
  },
  'session-topics': {
    ja: [
      ['topics', '話したいこと'],
      ['keepFromTeam', 'チームには伝えないでほしいこと'],
    ],
    en: [
      ['topics', 'Topics'],
      ['keepFromTeam', 'Not to be raised with the team'],
    ],
  },
  'summary-confirmation': { ja: [['share', '共有してよいか']], en: [['share', 'May share']] },
  pulse: {
    ja: [
      ['answer', '全体'],
      ['workload', '業務量'],
      ['relationships', '人間関係'],
      ['comment', 'コメント'],
    ],
    en: [
      ['answer', 'Overall'],
      ['workload', 'Workload'],
      ['relationships', 'Relationships'],
      ['comment', 'Comment'],
    ],
  },
};

const choiceWords: Record<Locale, Record<string, Record<string, string>>> = {
  ja: {
    decision: { accepted: '承諾', declined: '辞退', undecided: '未定' },
    consent: { none: '共有しない', summary: '要約を共有する' },
    share: { yes: 'はい', no: 'いいえ' },
  },
  en: {
    decision: { accepted: 'Accepted', declined: 'Declined', undecided: 'Undecided' },
    consent: { none: 'Nothing', summary: 'The summary' },
    share: { yes: 'Yes', no: 'No' },
  },
};

const answerText = (field: string, value: string): SafeHtml => {
  if (field === 'wellbeing') return bothOf(wellbeingLabels, value as Wellbeing);
  if (field === 'condition') return bothOf(conditionLabels, value as Condition);
  if (['answer', 'workload', 'relationships'].includes(field)) return bothOf(weatherLabels, value as Weather);
  const ja = choiceWords.ja[field]?.[value];
  const en = choiceWords.en[field]?.[value];
  return ja && en ? bilingual(ja, en) : withLineBreaks(value);
};

const person = (who: Person | undefined) =>
  who
    ? html`${who.name} <span class="meta">&lt;${who.email}&gt; ${who.locale === 'en' ? 'EN' : ''}</span>`
    : bilingual('なし', 'None');

/**
 * What kept an action from being done, next to its form: every message of that action, whatever field the use
 * case named (a move's `sessions.2`, a cancellation refused as a whole).
 */
const actionErrors = (input: JourneyPageInput, action: string) =>
  input.failed?.action === action
    ? Object.values(input.errors ?? {}).map((message) => html`<p class="error">${message}</p>`)
    : '';

const shownValue = (input: JourneyPageInput, action: string, field: string, fallback = '') =>
  input.failed?.action === action ? (input.failed.values[field] ?? fallback) : fallback;

/** Parts of a heading, side by side. */
const joined = (parts: (SafeHtml | string | false)[]): SafeHtml =>
  html`${parts.filter((part) => part !== false && part !== '').map((part, index) => html`${index > 0 ? ' · ' : ''}${part}`)}`;

const csrf = (token: string) => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

const doneWords: Record<string, Record<Locale, string>> = {
  moved: {
    ja: '日程を変更しました。招待状とスケジュールも更新されます。',
    en: 'Moved. Invitations and schedules follow.',
  },
  placed: {
    ja: '面談の場所を設定しました。送付済みの招待状も更新されます。',
    en: 'The place is set. Invitations already sent are updated.',
  },
  cancelled: { ja: 'ジャーニーを中止しました。', en: 'The journey was cancelled.' },
  left: {
    ja: '退職を記録しました。予定は取り消され、レポートの定着率に数えます。',
    en: 'The departure is recorded. Schedules end, and reports count it in retention.',
  },
  started: { ja: 'ジャーニーを開始しました。', en: 'The journey was started.' },
  reissued: {
    ja: 'フォームのリンクを再送しました。以前のリンクは使えなくなります。',
    en: 'The link was sent again; earlier links stop working.',
  },
};

const peopleSection = ({ records }: JourneyPageInput) => {
  const { hire, offer } = records.journey;
  const rows: [SafeHtml, HtmlValue][] = [
    [bilingual('本人', 'New hire'), person(hire.employee)],
    [bilingual('人事担当', 'HR contact'), person(hire.hr)],
    [bilingual('上司', 'Manager'), person(hire.manager)],
    [bilingual('メンター', 'Mentor'), person(hire.mentor)],
    ...(offer?.interviewers.length
      ? [
          [
            bilingual('面接官', 'Interviewers'),
            offer.interviewers.map((who) => html`${person(who)}<br>`),
          ] as [SafeHtml, HtmlValue],
        ]
      : []),
  ];
  return html`<section aria-labelledby="people"><h2 id="people">${bilingual('関係者', 'People')}</h2>
<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl></section>`;
};

const planSection = ({ records }: JourneyPageInput) => {
  const { journey, forms } = records;
  const zone = journey.hire.timezone;
  const rounds = roundProgress(journey.rounds ?? [], forms);
  // The version it started with: a template saved since applies to journeys started after it.
  const template = templateOf(journey);
  const roundStatus: Record<string, { ja: string; en: string }> = {
    scheduled: { ja: '予定', en: 'Scheduled' },
    'in-progress': { ja: '進行中', en: 'In progress' },
    done: { ja: '実施済み', en: 'Held' },
    'not-recorded': { ja: '結果未記録', en: 'Outcome not recorded' },
  };
  return html`<section aria-labelledby="plan"><h2 id="plan">${bilingual('予定', 'Plan')}</h2>
<dl class="facts">
${
  journey.offer &&
  html`<dt>${bilingual('内定面談', 'Offer meeting')}</dt><dd>${formatDateTime(journey.offer.offerMeetingAt, zone, 'ja')}</dd>
<dt>${bilingual('回答期限', 'Respond by')}</dt><dd>${formatDate(journey.offer.respondBy, 'ja')}</dd>`
}
<dt>${bilingual('入社日', 'Start date')}</dt><dd>${formatDate(journey.hire.startDate, 'ja')}</dd>
<dt>${bilingual('テンプレート', 'Template')}</dt><dd>${template.name}（${bilingual(`第${template.version}版`, `version ${template.version}`)}）</dd>
</dl>
${
  rounds.length > 0
    ? html`<div class="table-scroll"><table class="plan">
<caption>${bilingual('入社後のフォローアップ面談', 'Follow-up rounds after the start')}</caption>
<thead><tr><th scope="col">${bilingual('回', 'Round')}</th><th scope="col">${bilingual('準備開始', 'Prep starts')}</th><th scope="col">${bilingual('面談', '1on1')}</th><th scope="col">${bilingual('状況', 'Status')}</th><th scope="col">${bilingual('コンディション', 'Condition')}</th></tr></thead>
<tbody>${rounds.map(
        (round) =>
          html`<tr><td>${roundLabel(round.round)}</td><td>${formatDateTime(round.startsAt, zone, 'ja')}</td><td>${formatDateTime(round.sessionAt, zone, 'ja')}</td><td>${bilingual(roundStatus[round.status]?.ja ?? round.status, roundStatus[round.status]?.en ?? '')}</td><td>${round.condition ? bothOf(conditionLabels, round.condition) : '—'}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="meta">${bilingual('入社後の面談は、入社の準備が始まるときに予定されます。', 'The rounds after the start are planned when onboarding begins.')}</p>`
}
</section>`;
};

const trendSection = ({ records }: JourneyPageInput) => {
  const { journey, forms } = records;
  const zone = journey.hire.timezone;
  const rounds = roundProgress(journey.rounds ?? [], forms).filter((round) => round.condition);
  const series = pulseSeries(forms);
  const day = (at: string) => DateTime.fromISO(at).setZone(zone).toFormat('M/d');
  const conditionChart =
    rounds.length > 0 &&
    levelChart({
      id: 'condition-chart',
      title: `${bilingualText('コンディションの推移', 'Condition by round')}: ${rounds
        .map(
          (round) =>
            `${roundLabel(round.round)} ${bothTextOf(conditionLabels, round.condition as Condition)}`,
        )
        .join(', ')}`,
      levels: conditions.map((condition) => ({
        key: condition,
        label: bothTextOf(conditionLabels, condition),
      })),
      labelWidth: 200,
      points: rounds.map((round) => ({
        level: round.condition as string,
        label: roundLabel(round.round),
      })),
    });
  const pulseChart =
    series.length > 0 &&
    levelChart({
      id: 'pulse-chart',
      title: `${bilingualText('パルスチェックの推移', 'Pulse answers')}: ${series
        .map((point) => `${day(point.at)} ${bothTextOf(weatherLabels, point.answer)}`)
        .join(', ')}`,
      levels: weathers.map((weather) => ({ key: weather, label: bothTextOf(weatherLabels, weather) })),
      points: series.map((point) => ({ level: point.answer, label: day(point.at) })),
      labelWidth: 200,
      mark: (weather, x, y) => weatherGlyph(weather as Weather, x, y, 30),
    });
  return html`<section aria-labelledby="trend"><h2 id="trend">${bilingual('コンディションとパルス', 'Condition and pulse')}</h2>
${conditionChart || html`<p class="meta">${bilingual('記録されたコンディションはまだありません。', 'No condition recorded yet.')}</p>`}
${pulseChart || html`<p class="meta">${bilingual('パルスチェックの回答はまだありません。', 'No pulse answers yet.')}</p>`}
</section>`;
};

const formTitle = (form: FormRecord): SafeHtml =>
  joined([
    form.round
      ? roundLabel(form.round)
      : form.kind === 'pulse'
        ? bilingual(`${form.check ?? ''}回目`, `check ${form.check ?? ''}`)
        : bilingual('内定', 'Offer'),
    form.followUp ? bilingual('追加面談', 'extra session') : '',
    bothOf(formKindLabels, form.kind),
    roleLabel(form.recipient.role),
  ]);

const answersSection = (input: JourneyPageInput) => {
  const { records, privateNotes } = input;
  const zone = records.journey.hire.timezone;
  const answered = records.forms
    .filter((form) => form.status === 'submitted' && form.answers)
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const notesOf = (form: FormRecord) => privateNotes?.find((notes) => notes.formId === form.formId);
  return html`<section aria-labelledby="answers"><h2 id="answers">${bilingual('回答と面談結果', 'Answers and outcomes')}</h2>
${
  answered.length === 0
    ? html`<p class="meta">${bilingual('まだ回答はありません。', 'No answers yet.')}</p>`
    : answered.map((form) => {
        const notes = notesOf(form);
        const labels = answerFields[form.kind];
        const fields = labels.ja
          .map(([field, ja], index) => [field, bilingual(ja, labels.en[index]?.[1] ?? field)] as const)
          .filter(([field]) => (form.answers?.[field] ?? '') !== '');
        return html`<article class="answer">
<h3>${formTitle(form)}</h3>
<p class="meta">${form.recipient.name} · ${form.submittedAt ? formatDateTime(form.submittedAt, zone, 'ja') : ''}</p>
<dl class="facts">${fields.map(
          ([field, label]) =>
            html`<dt>${label}</dt><dd>${answerText(field, form.answers?.[field] ?? '')}</dd>`,
        )}
${
  form.hasPrivateNotes &&
  (notes
    ? html`<dt class="private">${bilingual('非公開メモ（人事のみ）', 'Private notes (HR only)')}</dt><dd class="private">${withLineBreaks(notes.text)}</dd>`
    : html`<dt class="private">${bilingual('非公開メモ', 'Private notes')}</dt><dd class="private">${
        privateNotes
          ? bilingual('保存期間を過ぎて削除されました。', 'Deleted after their retention period.')
          : bilingual(
              '担当の人事と人事責任者だけが読めます。',
              'Only the HR contact and HR leads can read them.',
            )
      }</dd>`)
}</dl></article>`;
      })
}</section>`;
};

const openFormsSection = (input: JourneyPageInput) => {
  const { records, csrfToken } = input;
  const { journey } = records;
  const open = records.forms.filter((form) => form.status === 'open');
  const base = `/console/journeys/${journey.journeyId}`;
  return html`<section aria-labelledby="open-forms"><h2 id="open-forms">${bilingual('回答待ちのフォーム', 'Open forms')}</h2>
${
  open.length === 0
    ? html`<p class="meta">${bilingual('回答待ちのフォームはありません。', 'No form is waiting for an answer.')}</p>`
    : html`<ul class="open-forms">${open.map(
        (form) => html`<li><strong>${formTitle(form)}</strong> — ${form.recipient.name}${
          form.deadline
            ? html`<span class="meta"> · ${bilingual('締切', 'due')} ${formatDateTime(form.deadline, journey.hire.timezone, 'ja')}</span>`
            : ''
        }
<div class="row-actions">
${
  form.recipient.role === 'hr' &&
  html`<a class="button-link" href="${base}/forms/${form.formId}">${bilingual('結果を記録する', 'Record the outcome')}</a>`
}
${
  form.kind !== 'session-topics' &&
  html`<form method="post" action="${base}/forms/${form.formId}/reissue">${csrf(csrfToken)}<button type="submit" class="secondary">${bilingual('リンクを再送', 'Send the link again')}</button></form>`
}
</div></li>`,
      )}</ul>`
}</section>`;
};

const actionsSection = (input: JourneyPageInput) => {
  const { records, csrfToken, mayErase } = input;
  const { journey } = records;
  const base = `/console/journeys/${journey.journeyId}`;
  const upcoming = (journey.rounds ?? []).filter((round) => Date.parse(round.sessionAt) > now().getTime());
  const open = isOpen(journey.status);
  return html`<section aria-labelledby="actions"><h2 id="actions">${bilingual('操作', 'Actions')}</h2>
${
  open &&
  html`<form method="post" action="${base}/move" class="action">${csrf(csrfToken)}
<input type="hidden" name="change" value="startDate">
<label for="startDate">${bilingual('入社日を変更', 'Move the start date')}</label>
${actionErrors(input, 'move-start')}
<input type="date" id="startDate" name="startDate" required value="${shownValue(input, 'move-start', 'startDate', journey.hire.startDate)}">
<button type="submit">${bilingual('変更する', 'Move')}</button></form>`
}
${
  open &&
  upcoming.length > 0 &&
  html`<form method="post" action="${base}/move" class="action">${csrf(csrfToken)}
<input type="hidden" name="change" value="session">
<fieldset class="field"><legend>${bilingual('面談の日時を変更', 'Move a session')}</legend>
<p class="hint">${bilingual(`時刻は ${journey.hire.timezone} で入力します。`, `Times are in ${journey.hire.timezone}.`)}</p>
${actionErrors(input, 'move-session')}
<label for="round">${bilingual('回', 'Round')}</label>
<select id="round" name="round">${upcoming.map(
    (round) =>
      html`<option value="${round.round}"${shownValue(input, 'move-session', 'round') === String(round.round) ? html` selected` : ''}>${roundLabel(round.round)} (${formatDateTime(round.sessionAt, journey.hire.timezone, 'ja')})</option>`,
  )}</select>
<label for="sessionAt">${bilingual('新しい日時', 'New date and time')}</label>
<input type="datetime-local" id="sessionAt" name="sessionAt" required value="${shownValue(input, 'move-session', 'sessionAt')}">
</fieldset>
<button type="submit">${bilingual('変更する', 'Move')}</button></form>`
}
${
  open &&
  upcoming.length > 0 &&
  html`<form method="post" action="${base}/move" class="action">${csrf(csrfToken)}
<input type="hidden" name="change" value="location">
<fieldset class="field"><legend>${bilingual('面談の場所を設定', 'Set where a session takes place')}</legend>
<p class="hint">${bilingual('会議室や住所、またはビデオ会議のリンク（https://）。送付済みの招待状も更新されます。', 'A room or an address, or a video link (https://). Invitations already sent are updated.')}</p>
${actionErrors(input, 'move-place')}
<label for="placeRound">${bilingual('回', 'Round')}</label>
<select id="placeRound" name="round">${upcoming.map(
    (round) =>
      html`<option value="${round.round}"${shownValue(input, 'move-place', 'round') === String(round.round) ? html` selected` : ''}>${roundLabel(round.round)}${round.location ? ` (${round.location})` : ''}</option>`,
  )}</select>
<label for="location">${bilingual('場所', 'Place')}</label>
<input type="text" id="location" name="location" maxlength="${MEETING_LOCATION_MAX}" required value="${shownValue(input, 'move-place', 'location')}">
</fieldset>
<button type="submit">${bilingual('設定する', 'Set')}</button></form>`
}
${
  open &&
  html`<form method="post" action="${base}/cancel" class="action">${csrf(csrfToken)}
<label for="reason">${bilingual('ジャーニーを中止（理由）', 'Cancel the journey (reason)')}</label>
<p class="hint">${bilingual('例：offer-withdrawn、resigned。リンクは閉じられ、予定は取り消されます。', 'For example offer-withdrawn or resigned. Links close and meetings are withdrawn.')}</p>
${actionErrors(input, 'cancel')}
<input type="text" id="reason" name="reason" maxlength="200" required value="${shownValue(input, 'cancel', 'reason')}">
<button type="submit" class="danger">${bilingual('中止する', 'Cancel the journey')}</button></form>`
}
${
  mayRecordDeparture(journey.status) &&
  html`<form method="post" action="${base}/left" class="action">${csrf(csrfToken)}
<fieldset class="field"><legend>${bilingual('退職を記録', 'Record a departure')}</legend>
<p class="hint">${bilingual('予定中の面談とフォームは取り消されます。退職日を過ぎていれば、本人には取消のメールを送りません。', 'Meetings and forms ahead are withdrawn. Once the last day has passed, the person gets no withdrawal mail.')}</p>
${actionErrors(input, 'left')}
<label for="on">${bilingual('退職日（最終出社日ではなく在籍最終日）', 'Last day of employment')}</label>
<input type="date" id="on" name="on" required min="${journey.hire.startDate}" value="${shownValue(input, 'left', 'on')}">
<label for="departureReason">${bilingual('退職理由の区分', 'Reason')}</label>
<select id="departureReason" name="reason">${departureReasons.map(
    (reason) =>
      html`<option value="${reason}"${shownValue(input, 'left', 'reason') === reason ? html` selected` : ''}>${bilingual(departureReasonWords[reason].ja, departureReasonWords[reason].en)}</option>`,
  )}</select>
</fieldset>
<button type="submit" class="danger">${bilingual('退職を記録する', 'Record the departure')}</button></form>`
}
${
  mayErase &&
  html`<form method="post" action="${base}/erase" class="action">${csrf(csrfToken)}
<label for="confirm">${bilingual('ジャーニーを消去（本人の求めによる削除）', 'Erase the journey (on the person’s request)')}</label>
<p class="hint">${bilingual(`消去すると元に戻せません。確認のため、本人の氏名「${journey.hire.employee.name}」を入力してください。`, `Erasure cannot be undone. To confirm, type the person's name, "${journey.hire.employee.name}".`)}</p>
${actionErrors(input, 'erase')}
<input type="text" id="confirm" name="confirm" required autocomplete="off">
<button type="submit" class="danger">${bilingual('消去する', 'Erase')}</button></form>`
}
${!open && !mayErase && !mayRecordDeparture(journey.status) && html`<p class="meta">${bilingual('このジャーニーは終了しています。', 'This journey has ended.')}</p>`}
</section>`;
};

const timelineSection = ({ records }: JourneyPageInput) => {
  const zone = records.journey.hire.timezone;
  return html`<section aria-labelledby="timeline"><h2 id="timeline">${bilingual('タイムライン', 'Timeline')}</h2>
<ol class="timeline">${[...records.timeline]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(
      (event) =>
        html`<li><time datetime="${event.at}">${formatDateTime(event.at, zone, 'ja')}</time> ${timelineLine(event)}${
          event.type === 'alert.handled' && typeof event.note === 'string'
            ? html`<br><span class="quoted-inline">${event.note}</span>`
            : ''
        }</li>`,
    )}</ol></section>`;
};

/** A journey as HR works on it in the console: who, when, what people answered, and what HR can do next. */
export const journeyPageBody = (input: JourneyPageInput): SafeHtml => {
  const { records } = input;
  const { journey } = records;
  const doneWord = input.done ? doneWords[input.done] : undefined;
  const done = doneWord && bilingual(doneWord.ja, doneWord.en);
  return html`<h1>${journey.hire.employee.name} <span class="status status-${journey.status}">${bothOf(statusLabels, journey.status)}</span></h1>
<p class="meta">${journey.phase === 'offer' ? bilingual('内定から', 'From the offer') : bilingual('入社から', 'From the start date')} · ${journey.journeyId}</p>
${done && html`<p class="notice" role="status">${done}</p>`}
${
  input.errors &&
  html`<div class="error-summary" role="alert"><ul>${Object.values(input.errors).map((message) => html`<li>${message}</li>`)}</ul></div>`
}
${peopleSection(input)}
${planSection(input)}
${trendSection(input)}
${openFormsSection(input)}
${actionsSection(input)}
${answersSection(input)}
${timelineSection(input)}`;
};
