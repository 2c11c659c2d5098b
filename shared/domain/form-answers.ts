import * as z from 'zod';
import {
  ANSWER_MAX_LENGTH,
  conditions,
  consents,
  decisions,
  type ErrorCode,
  type FormKind,
  NOTES_MAX_LENGTH,
  PULSE_COMMENT_MAX_LENGTH,
  shareChoices,
  wellbeings,
} from '#shared/domain/form-fields.ts';
import { weathers } from '#shared/domain/pulse.ts';

/**
 * The emailed forms' answers as browsers submit them (every value a string), checked: each form's schema, and the
 * first error code of each field. What the forms ask and how answers read is in `form-fields.ts`, which the mails
 * and briefs load without these schemas.
 */

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

export const offerOutcomeSchema = z.object({
  decision: choice(decisions),
  remainingConcerns: freeText(ANSWER_MAX_LENGTH),
  notes: freeText(NOTES_MAX_LENGTH),
});
export type OfferOutcomeAnswers = z.infer<typeof offerOutcomeSchema>;

export const managerPrepSchema = z.object({
  progress: freeText(ANSWER_MAX_LENGTH),
  wellbeing: choice(wellbeings),
  topics: freeText(ANSWER_MAX_LENGTH),
});
export type ManagerPrepAnswers = z.infer<typeof managerPrepSchema>;

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
