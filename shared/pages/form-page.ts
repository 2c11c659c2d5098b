import {
  ANSWER_MAX_LENGTH,
  type Decision,
  decisions,
  type FormKind,
  fieldErrorMessage,
  NOTES_MAX_LENGTH,
} from '#shared/domain/form-answers.ts';
import type { Locale } from '#shared/domain/offer.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { renderPage } from '#shared/pages/page-layout.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface FormPageContext {
  recipientName: string;
  candidateName: string;
  /** ISO 8601 date-time. */
  deadline?: string;
  zone: string;
  /** Which time HR is asked for the outcome; 1 is the first. */
  ask?: number;
}

export interface FormPageInput {
  form: FormKind;
  locale: Locale;
  /** Where the form posts: the link's own path, so the signed token travels back unchanged. */
  action: string;
  context: FormPageContext;
  /** What the person typed, shown again when the answer needs fixing. */
  values?: Record<string, string>;
  /** Error codes by field, from `fieldErrors`. */
  errors?: Record<string, string>;
}

type Field =
  | { kind: 'text'; name: string; maxLength: number; label: string; hint: string; private?: boolean }
  | {
      kind: 'choice';
      name: string;
      label: string;
      hint: string;
      options: { value: string; label: string }[];
    };

interface FormCopy {
  title: string;
  intro: string[];
  fields: Field[];
}

interface PageCopy {
  deadline: (when: string) => string;
  errorSummary: string;
  labelSeparator: string;
  submit: string;
  forms: Record<FormKind, (context: FormPageContext) => FormCopy>;
}

// The page offers exactly the choices the schema accepts, in the schema's order.
const decisionOptions = (labels: Record<Decision, string>) =>
  decisions.map((value) => ({ value, label: labels[value] }));

const copy: Record<Locale, PageCopy> = {
  ja: {
    deadline: (when) => `回答期限：${when}`,
    errorSummary: '入力内容を確認してください',
    labelSeparator: '：',
    submit: '送信する',
    forms: {
      'interviewer-insight': ({ recipientName, candidateName }) => ({
        title: `${candidateName}さんのオファー面談に向けて`,
        intro: [
          `${recipientName} さん、ご協力ありがとうございます。`,
          `選考で${candidateName}さんと接した中で感じたことを教えてください。回答は人事が面談の準備のためだけに使います。いずれか1つ以上の欄にご記入ください。箇条書きでも構いません。`,
        ],
        fields: [
          {
            kind: 'text',
            name: 'concerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: '感じた迷いや不安・懸念',
            hint: '入社を判断するうえで迷っていそうなこと、不安そうだったこと。本人がはっきり口にしなかったものも含めて教えてください。',
          },
          {
            kind: 'text',
            name: 'impressions',
            maxLength: ANSWER_MAX_LENGTH,
            label: '全体的な印象',
            hint: '選考を通じて受けた印象を自由にお書きください。',
          },
          {
            kind: 'text',
            name: 'strengths',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'フィードバックとして伝えたい強み',
            hint: '面談で本人に伝えたい、選考で印象に残った強みや良かった点。',
          },
        ],
      }),
      'offer-outcome': ({ recipientName, candidateName, ask }) => ({
        title: `${candidateName}さんのオファー面談の結果`,
        intro: [
          `${recipientName} さん、面談の結果を記録してください。`,
          ...(ask !== undefined && ask > 1
            ? [`${ask}回目の確認です。前回の記録では、まだ検討中でした。`]
            : []),
        ],
        fields: [
          {
            kind: 'choice',
            name: 'decision',
            label: 'ご意向',
            hint: '検討中の場合は、回答期限まで後日あらためて伺います。',
            options: decisionOptions({
              accepted: '承諾された',
              declined: '辞退された',
              undecided: 'まだ検討中',
            }),
          },
          {
            kind: 'text',
            name: 'remainingConcerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: '残っている不安・気がかり',
            hint: '面談での反応や言葉から、まだ残っていそうな不安を書き留めてください。入社を承諾された場合、受け入れ準備のために配属先の上司・メンターへ共有されます。',
          },
          {
            kind: 'text',
            name: 'notes',
            maxLength: NOTES_MAX_LENGTH,
            label: '人事メモ（非公開）',
            hint: 'このメモは人事だけが見るものです。上司・メンターや候補者には共有されません。',
            private: true,
          },
        ],
      }),
    },
  },
  en: {
    deadline: (when) => `Please answer by ${when}`,
    errorSummary: 'Please check your answers',
    labelSeparator: ': ',
    submit: 'Send',
    forms: {
      'interviewer-insight': ({ recipientName, candidateName }) => ({
        title: `Before the offer meeting with ${candidateName}`,
        intro: [
          `Thank you for your help, ${recipientName}.`,
          `Please tell us what you sensed when you met ${candidateName} during selection. Only HR reads your answer, to prepare for the meeting. Fill in at least one of the boxes; bullet points are fine.`,
        ],
        fields: [
          {
            kind: 'text',
            name: 'concerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Hesitations or worries you sensed',
            hint: 'What they seemed unsure or worried about in deciding to join, including things they never said out loud.',
          },
          {
            kind: 'text',
            name: 'impressions',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Your overall impressions',
            hint: 'Anything that stayed with you from the selection.',
          },
          {
            kind: 'text',
            name: 'strengths',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Strengths to feed back',
            hint: 'Strengths and good moments from the selection that HR can tell them about in the meeting.',
          },
        ],
      }),
      'offer-outcome': ({ recipientName, candidateName, ask }) => ({
        title: `Outcome of the offer meeting with ${candidateName}`,
        intro: [
          `${recipientName}, please record how the meeting ended.`,
          ...(ask !== undefined && ask > 1
            ? [`This is check ${ask}: last time, they were still deciding.`]
            : []),
        ],
        fields: [
          {
            kind: 'choice',
            name: 'decision',
            label: 'Decision',
            hint: 'If they are still deciding, you will be asked again later, until the reply deadline.',
            options: decisionOptions({
              accepted: 'Accepted',
              declined: 'Declined',
              undecided: 'Still deciding',
            }),
          },
          {
            kind: 'text',
            name: 'remainingConcerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Worries that remain',
            hint: 'From their reactions and words, the worries that still seem to remain. If they accept, this goes to their manager and mentor so the team can prepare.',
          },
          {
            kind: 'text',
            name: 'notes',
            maxLength: NOTES_MAX_LENGTH,
            label: 'Private HR notes',
            hint: 'Only HR sees these notes. They are never shared with the manager, the mentor or the candidate.',
            private: true,
          },
        ],
      }),
    },
  },
};

const describedBy = (name: string, error: string | undefined): string =>
  error ? `${name}-hint ${name}-error` : `${name}-hint`;

const errorLine = (name: string, error: string | undefined): SafeHtml | undefined =>
  error ? html`<p class="error" id="${name}-error">${error}</p>` : undefined;

// Where the error summary's link lands: the box itself, or a group's first choice.
const focusTarget = (field: Field): string =>
  field.kind === 'choice' ? `${field.name}-${field.options[0]?.value ?? ''}` : field.name;

const renderField = (field: Field, value: string, error: string | undefined): SafeHtml => {
  if (field.kind === 'choice') {
    return html`<fieldset class="field" aria-describedby="${describedBy(field.name, error)}">
<legend>${field.label}</legend>
<p class="hint" id="${field.name}-hint">${field.hint}</p>
${errorLine(field.name, error)}
${field.options.map(
  (option) =>
    html`<label class="choice"><input type="radio" name="${field.name}" id="${field.name}-${option.value}" value="${option.value}" required${option.value === value ? html` checked` : ''}${error ? html` aria-invalid="true"` : ''}> ${option.label}</label>
`,
)}</fieldset>`;
  }
  // The newline after the opening tag is dropped by HTML parsers, so a value keeps its own first line.
  return html`<div class="field">
<label for="${field.name}"${field.private ? html` class="private"` : ''}>${field.label}</label>
<p class="hint" id="${field.name}-hint">${field.hint}</p>
${errorLine(field.name, error)}
<textarea id="${field.name}" name="${field.name}" rows="6" maxlength="${field.maxLength}" aria-describedby="${describedBy(field.name, error)}"${error ? html` aria-invalid="true"` : ''}>
${value}</textarea>
</div>`;
};

/** One of the emailed forms, as a plain HTML page that works without JavaScript and with a screen reader. */
export const renderFormPage = (input: FormPageInput): string => {
  const { locale, context } = input;
  const text = copy[locale];
  const form = text.forms[input.form](context);
  const errors = Object.fromEntries(
    Object.entries(input.errors ?? {}).map(([name, code]) => [name, fieldErrorMessage(code, locale)]),
  );
  const flagged = form.fields.filter((field) => errors[field.name] !== undefined);
  const summary =
    flagged.length > 0 &&
    html`<div class="error-summary" role="alert">
<h2>${text.errorSummary}</h2>
<ul>${flagged.map((field) => html`<li><a href="#${focusTarget(field)}">${field.label}${text.labelSeparator}${errors[field.name]}</a></li>`)}</ul>
</div>`;
  const deadline =
    context.deadline &&
    html`<p class="meta">${text.deadline(formatDateTime(context.deadline, context.zone, locale))}</p>`;
  return renderPage({
    locale,
    title: form.title,
    body: html`<h1>${form.title}</h1>
${summary}
${form.intro.map((line) => html`<p>${line}</p>`)}
${deadline}
<form method="post" action="${input.action}" accept-charset="utf-8">
${form.fields.map((field) => renderField(field, input.values?.[field.name] ?? '', errors[field.name]))}
<button type="submit">${text.submit}</button>
</form>`,
  });
};
