import * as z from 'zod';
import type { Locale } from '#shared/domain/offer.ts';
import { weathers } from '#shared/domain/pulse.ts';

/**
 * The emailed forms, as browsers submit them (every value a string). Messages are codes, not sentences:
 * the people who read them see their own language, so the page turns each code into words with
 * `fieldErrorMessage`.
 */
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

// Browsers send textarea line breaks as CRLF but count them as one character against maxlength; normalising
// first keeps a text that fitted in the box from being refused as too long.
const freeText = (max: number) =>
  z
    .string({ error: 'invalid' satisfies ErrorCode })
    .overwrite((text) => text.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, 'too-long' satisfies ErrorCode)
    .default('');

export const interviewerInsightSchema = z
  .object({
    concerns: freeText(ANSWER_MAX_LENGTH),
    impressions: freeText(ANSWER_MAX_LENGTH),
    strengths: freeText(ANSWER_MAX_LENGTH),
  })
  .refine((answers) => answers.concerns !== '' || answers.impressions !== '' || answers.strengths !== '', {
    path: ['concerns'],
    message: 'one-needed' satisfies ErrorCode,
  });
export type InterviewerInsightAnswers = z.infer<typeof interviewerInsightSchema>;

// A radio group left unticked sends nothing; anything else that is not an option was made up.
const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid-choice'),
  });

export const decisions = ['accepted', 'declined', 'undecided'] as const;
export type Decision = (typeof decisions)[number];

export const offerOutcomeSchema = z.object({
  decision: choice(decisions),
  remainingConcerns: freeText(ANSWER_MAX_LENGTH),
  notes: freeText(NOTES_MAX_LENGTH),
});
export type OfferOutcomeAnswers = z.infer<typeof offerOutcomeSchema>;

/** How the manager or mentor sees the new hire lately. */
export const wellbeings = ['well', 'some-concern', 'worried'] as const;
export type Wellbeing = (typeof wellbeings)[number];

export const managerPrepSchema = z.object({
  progress: freeText(ANSWER_MAX_LENGTH),
  wellbeing: choice(wellbeings),
  topics: freeText(ANSWER_MAX_LENGTH),
});
export type ManagerPrepAnswers = z.infer<typeof managerPrepSchema>;

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

export const sessionOutcomeSchema = z
  .object({
    condition: choice(conditions),
    privateNotes: freeText(NOTES_MAX_LENGTH),
    consent: choice(consents),
    teamSummary: freeText(ANSWER_MAX_LENGTH),
    followUp: freeText(ANSWER_MAX_LENGTH),
  })
  .refine((answers) => answers.consent !== 'summary' || answers.teamSummary !== '', {
    path: ['teamSummary'],
    message: 'text-needed' satisfies ErrorCode,
    // Checked even when another field is wrong, so HR sees every problem at once.
    when: ({ value }) =>
      typeof value === 'object' && value !== null && 'consent' in value && value.consent === 'summary',
  })
  // Without consent a summary typed earlier must not travel on with the answers, where a later step could
  // pass it to the team.
  .transform((answers) => (answers.consent === 'summary' ? answers : { ...answers, teamSummary: '' }));
export type SessionOutcomeAnswers = z.infer<typeof sessionOutcomeSchema>;

/**
 * What the new hire would like to talk about in their 1on1, and what HR should not raise with the team. Optional
 * as a whole (nobody waits on it), but a form sent empty says nothing: at least one box is asked for.
 */
export const sessionTopicsSchema = z
  .object({
    topics: freeText(ANSWER_MAX_LENGTH),
    keepFromTeam: freeText(ANSWER_MAX_LENGTH),
  })
  .refine((answers) => answers.topics !== '' || answers.keepFromTeam !== '', {
    path: ['topics'],
    message: 'one-needed' satisfies ErrorCode,
  });
export type SessionTopicsAnswers = z.infer<typeof sessionTopicsSchema>;

/** The new hire's answer on the team summary HR recorded with their consent: share it with the team, or not. */
export const shareChoices = ['yes', 'no'] as const;
export type ShareChoice = (typeof shareChoices)[number];

export const summaryConfirmationSchema = z.object({ share: choice(shareChoices) });
export type SummaryConfirmationAnswers = z.infer<typeof summaryConfirmationSchema>;
// An optional radio group left unticked sends nothing; it is then left out of the answers, not saved empty.
const optionalChoice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.preprocess((value) => (value === '' ? undefined : value), choice(values).optional());

/**
 * A pulse check: how the new hire is doing at work lately, as weather, and optionally how their workload and
 * their relationships at work feel, on the same scale, and a comment. Only HR reads it.
 */
export const pulseSchema = z
  .object({
    answer: choice(weathers),
    workload: optionalChoice(weathers),
    relationships: optionalChoice(weathers),
    comment: freeText(PULSE_COMMENT_MAX_LENGTH),
  })
  .transform(({ answer, workload, relationships, comment }) => ({
    answer,
    ...(workload ? { workload } : {}),
    ...(relationships ? { relationships } : {}),
    ...(comment ? { comment } : {}),
  }));
export type PulseAnswers = z.infer<typeof pulseSchema>;

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

export const formAnswerSchemas = {
  'interviewer-insight': interviewerInsightSchema,
  'offer-outcome': offerOutcomeSchema,
  'manager-prep': managerPrepSchema,
  'session-outcome': sessionOutcomeSchema,
  'session-topics': sessionTopicsSchema,
  'summary-confirmation': summaryConfirmationSchema,
  pulse: pulseSchema,
} as const satisfies Record<FormKind, z.ZodType>;

/** The first problem with each field, keyed by field name, so the page shows one message next to each. */
export const fieldErrors = (error: z.ZodError): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  }
  return errors;
};

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
