import type { Locale } from '#shared/domain/locale.ts';

/**
 * What the emailed forms ask and how their answers read, without the schemas that check them
 * (`form-answers.ts`): the choices and their labels, the limits, and the words for each error code. Answers'
 * messages are codes, not sentences: the people who read them see their own language, so the page turns each
 * code into words with `fieldErrorMessage`.
 */

/** What an answer's error says, as a code. */
export const errorCodes = [
  'required',
  'too-long',
  'invalid-choice',
  'one-needed',
  'text-needed',
  'invalid',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Exported so the page's maxlength stops a too-long answer in the browser, before it is sent. */
export const ANSWER_MAX_LENGTH = 2000;
export const NOTES_MAX_LENGTH = 4000;
/** A pulse check's comment is a line or two next to a one-click answer, not a report. */
export const PULSE_COMMENT_MAX_LENGTH = 1000;

/**
 * The largest form post accepted. Browsers send every character of a Japanese answer as 9 bytes (`%E3%81%82`),
 * so the session outcome form filled to its boxes' maxlength (4,000 + 2 × 2,000 characters) is about 70 KiB:
 * the limit leaves room for that and refuses anything far beyond what the forms let people type.
 */
export const FORM_BODY_MAX_BYTES = 128 * 1024;

export const decisions = ['accepted', 'declined', 'undecided'] as const;
export type Decision = (typeof decisions)[number];

/** How the manager or mentor sees the new hire lately. */
export const wellbeings = ['well', 'some-concern', 'worried'] as const;
export type Wellbeing = (typeof wellbeings)[number];

/** How a wellbeing answer reads in briefs and on the form, in few words. */
export const wellbeingLabels: Record<Locale, Record<Wellbeing, string>> = {
  ja: { well: '順調そう', 'some-concern': '少し気がかり', worried: '心配' },
  en: { well: 'Doing well', 'some-concern': 'Some concern', worried: 'Worried' },
};

/** HR's reading of the new hire after a session; `alert` calls for individual follow-up. */
export const conditions = ['good', 'watch', 'alert'] as const;
export type Condition = (typeof conditions)[number];

/** How a condition reads in briefs, summaries and on the form, in few words. */
export const conditionLabels: Record<Locale, Record<Condition, string>> = {
  ja: { good: '良好', watch: '見守り', alert: '要フォロー' },
  en: { good: 'Good', watch: 'Watch', alert: 'Alert' },
};

/** What the new hire agreed HR may pass on to the team: nothing, or the summary HR wrote with them. */
export const consents = ['none', 'summary'] as const;
export type Consent = (typeof consents)[number];

/** The new hire's answer on the team summary HR recorded with their consent: share it with the team, or not. */
export const shareChoices = ['yes', 'no'] as const;
export type ShareChoice = (typeof shareChoices)[number];

export const formKinds = [
  'interviewer-insight',
  'offer-outcome',
  'manager-prep',
  'session-outcome',
  'session-topics',
  'summary-confirmation',
  'pulse',
] as const;
export type FormKind = (typeof formKinds)[number];

const messages: Record<Locale, Record<ErrorCode, string>> = {
  ja: {
    required: '選択してください。',
    'too-long': '長すぎます。少し短くしてください。',
    'invalid-choice': '選択肢の中から選んでください。',
    'one-needed': 'いずれか1つ以上の欄にご記入ください。',
    'text-needed': 'ご記入ください。',
    invalid: '入力内容を確認してください。',
  },
  en: {
    required: 'Please choose one.',
    'too-long': 'This is too long. Please shorten it a little.',
    'invalid-choice': 'Please pick one of the options.',
    'one-needed': 'Please fill in at least one of the boxes.',
    'text-needed': 'Please fill this in.',
    invalid: 'Please check what you entered.',
  },
};

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);

/** Unknown codes still read as a polite request to check the field, never as a raw code. */
export const fieldErrorMessage = (code: string, locale: Locale): string =>
  messages[locale][isErrorCode(code) ? code : 'invalid'];
