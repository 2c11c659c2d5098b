import { bilingual, bothOf } from '#shared/console/bilingual.ts';
import { CSRF_FIELD } from '#shared/console/csrf.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { formFieldOf } from '#shared/console/start-journey-form.ts';
import { DEFAULT_TEMPLATE_NAME } from '#shared/domain/journey-template.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { situationFlags } from '#shared/domain/situation-flags.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';

export interface StartJourneyPageInput {
  csrfToken: string;
  /** What HR sent, shown again with the messages; absent on a fresh form. */
  values?: URLSearchParams;
  /** The API's field messages, keyed by its paths (`candidate.email`). */
  errors?: Record<string, string>;
  /** The signed-in HR person, the HR contact unless they name another. */
  signedIn: { name: string; email: string };
  /** A refusal that belongs to no field (the offer id started another journey). */
  problem?: string;
  /** The journey templates HR can choose, the built-in default first. */
  templates: string[];
}

const situationLabels: Record<Locale, Record<(typeof situationFlags)[number], string>> = {
  ja: {
    'multiple-offers': '他社の内定もある',
    'unclear-role-image': '仕事のイメージがまだ曖昧',
    'conditions-concern': '条件面に気がかりがある',
    'career-change': '異業種・異職種からの転職',
    relocation: '転居を伴う',
    'new-graduate': '新卒',
  },
  en: {
    'multiple-offers': 'Holds other offers',
    'unclear-role-image': 'Role still unclear to them',
    'conditions-concern': 'Concerns about conditions',
    'career-change': 'Changing career',
    relocation: 'Relocating',
    'new-graduate': 'New graduate',
  },
};

/** The start form: one for an offer and for a hire posted directly, like `POST /journeys`. */
export const startJourneyPageBody = (input: StartJourneyPageInput): SafeHtml => {
  const { values } = input;
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(input.errors ?? {})) {
    errors[formFieldOf(path)] ??= fieldMessage(message);
  }
  const value = (name: string, fallback = '') => (values ? (values.get(name) ?? '') : fallback);
  const checked = (name: string, option?: string) =>
    (values ? (option ? values.getAll(name).includes(option) : values.has(name)) : !option)
      ? html` checked`
      : '';
  const phase = value('phase', 'offer');
  const error = (name: string) =>
    errors[name] ? html`<p class="error" id="${name}-error">${errors[name]}</p>` : '';
  const invalid = (name: string) =>
    errors[name] ? html` aria-invalid="true" aria-describedby="${name}-error"` : '';
  const input_ = (
    name: string,
    label: SafeHtml,
    type = 'text',
    options: { fallback?: string; required?: boolean } = {},
  ) =>
    html`<div class="field"><label for="${name}">${label}</label>${error(name)}
<input type="${type}" id="${name}" name="${name}" value="${value(name, options.fallback)}"${options.required ? html` required` : ''}${invalid(name)}></div>`;
  const localeSelect = (prefix: string) => {
    const current = value(`${prefix}.locale`, 'ja');
    return html`<div class="field"><label for="${prefix}.locale">${bilingual('メールの言語', 'Mail language')}</label>
<select id="${prefix}.locale" name="${prefix}.locale"><option value="ja"${current === 'ja' ? html` selected` : ''}>日本語</option><option value="en"${current === 'en' ? html` selected` : ''}>English</option></select></div>`;
  };
  const personFields = (
    prefix: string,
    legend: SafeHtml,
    options: { required: boolean; fallback?: { name: string; email: string } },
  ) =>
    html`<fieldset class="group"><legend>${legend}</legend>
${input_(`${prefix}.name`, bilingual('氏名', 'Name'), 'text', { fallback: options.fallback?.name, required: options.required })}
${input_(`${prefix}.email`, bilingual('メールアドレス', 'Email'), 'email', { fallback: options.fallback?.email, required: options.required })}
${localeSelect(prefix)}</fieldset>`;
  const summary = Object.entries(errors);
  return html`<h1>${bilingual('ジャーニーを開始', 'Start a journey')}</h1>
${input.problem && html`<div class="error-summary" role="alert"><p>${input.problem}</p></div>`}
${
  summary.length > 0 &&
  html`<div class="error-summary" role="alert"><p>${bilingual('入力を確認してください。', 'Please check these fields.')}</p><ul>${summary.map(
    ([name, message]) => html`<li><a href="#${name}">${name}</a>: ${message}</li>`,
  )}</ul></div>`
}
<form method="post" action="/console/journeys" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${input.csrfToken}">
<fieldset class="field"><legend>${bilingual('どこから始めますか', 'Where does it start?')}</legend>
<label class="choice"><input type="radio" name="phase" value="offer"${phase !== 'onboarding' ? html` checked` : ''}> ${bilingual('内定から（内定フォロー面談を含む）', 'At the offer (with the offer follow-up meeting)')}</label>
<label class="choice"><input type="radio" name="phase" value="onboarding"${phase === 'onboarding' ? html` checked` : ''}> ${bilingual('入社から（内定フォローは他で実施済み）', 'At the start date (the offer phase happened elsewhere)')}</label>
</fieldset>
${input_('key', bilingual('内定ID または 社員ID（ATS の ID）', 'Offer id or hire id (from your ATS)'), 'text', { required: true })}
${personFields('person', bilingual('本人', 'The candidate or new hire'), { required: true })}
${personFields('hr', bilingual('人事担当', 'HR contact'), { required: true, fallback: input.signedIn })}
${personFields('manager', bilingual('上司', 'Manager'), { required: true })}
${personFields('mentor', bilingual('メンター（任意）', 'Mentor (optional)'), { required: false })}
<h2>${bilingual('日程', 'Dates')}</h2>
${input_('startDate', bilingual('入社日', 'Start date'), 'date', { required: true })}
${input_('timezone', bilingual('タイムゾーン', 'Time zone'), 'text', { fallback: 'Asia/Tokyo', required: true })}
${input_('location', bilingual('面談の場所またはビデオ会議のURL（任意）', 'Meeting place or video link (optional)'))}
<h2>${bilingual('内定から始める場合', 'When it starts at the offer')}</h2>
${input_('offerMeetingAt', bilingual('内定フォロー面談の日時', 'Offer follow-up meeting'), 'datetime-local')}
${input_('respondBy', bilingual('回答期限', 'Respond by'), 'date')}
${[1, 2, 3].map((index) => personFields(`interviewer${index}`, bilingual(`面接官${index}（任意）`, `Interviewer ${index} (optional)`), { required: false }))}
<div class="field"><label for="concerns">${bilingual('選考で見えた懸念（1行に1つ）', 'Concerns seen in selection (one a line)')}</label>${error('concerns')}
<textarea id="concerns" name="concerns"${invalid('concerns')}>${value('concerns')}</textarea></div>
<fieldset class="field"><legend>${bilingual('状況', 'Situation')}</legend>${error('situation')}
${situationFlags.map((flag) => html`<label class="choice"><input type="checkbox" name="situation" value="${flag}"${checked('situation', flag)}> ${bothOf(situationLabels, flag)}</label>`)}
</fieldset>
<h2>${bilingual('入社後のフォロー', 'After the start')}</h2>
<div class="field"><label for="template">${bilingual('テンプレート（面談とパルスチェックの予定）', 'Template (the cadence of 1on1s and pulse checks)')}</label>${error('template')}
<select id="template" name="template"${invalid('template')}>${input.templates.map((name) => html`<option value="${name}"${value('template', DEFAULT_TEMPLATE_NAME) === name ? html` selected` : ''}>${name}</option>`)}</select></div>
${input_('rounds', bilingual('面談の回数（1〜6、default のみ）', 'Rounds (1 to 6, default only)'), 'number', { fallback: '3' })}
${input_('sessionTime', bilingual('面談の時刻', 'Session time'), 'time', { fallback: '15:00' })}
<label class="choice"><input type="checkbox" name="pulse"${checked('pulse')}> ${bilingual('本人にパルスチェックを送る', 'Send the new hire pulse checks')}</label>
<label class="choice"><input type="checkbox" name="hireConfirmsSummary"${checked('hireConfirmsSummary')}> ${bilingual('チームへの要約は本人の確認後に共有する', 'The new hire confirms a team summary before it is shared')}</label>
<p><button type="submit">${bilingual('開始する', 'Start')}</button></p>
</form>`;
};
