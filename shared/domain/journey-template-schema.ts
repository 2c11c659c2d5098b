import * as z from 'zod';
import {
  type CadencePoint,
  cadenceKinds,
  hasSession,
  prepQuestionFields,
  pulseQuestionFields,
} from '#shared/domain/journey-template.ts';

const words = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
  .trim()
  .min(1, 'required')
  .max(200, 'at most 200 characters');
/** Both languages, always: every page is Japanese first, with English too. */
const wording = z.object({ ja: words, en: words }).strict();
export type Wording = z.infer<typeof wording>;

const questionsOf = <Field extends string>(fields: readonly Field[]) =>
  z
    .object(
      Object.fromEntries(fields.map((field) => [field, wording.optional()])) as Record<
        Field,
        z.ZodOptional<typeof wording>
      >,
    )
    .strict();

const cadencePointSchema = z
  .object({
    weeks: z.number().int().min(1, 'at least 1').max(52, 'at most 52').optional(),
    months: z.number().int().min(1, 'at least 1').max(12, 'at most 12').optional(),
    kind: z.enum(cadenceKinds, { error: 'must be 1on1, pulse or both' }),
  })
  .strict()
  .superRefine((point, ctx) => {
    if ((point.weeks === undefined) === (point.months === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'give either weeks or months' });
    }
  });

/** The fewest calendar days a point can come after the start date (a month has at least 28). */
const shortestDays = (point: CadencePoint): number =>
  point.weeks !== undefined ? point.weeks * 7 : (point.months ?? 0) * 28;
/** The order of points: a month counts as its average length, so week 4 comes before month 1. */
const averageDays = (point: CadencePoint): number =>
  point.weeks !== undefined ? point.weeks * 7 : (point.months ?? 0) * 30.44;
/** The most calendar days `businessDays` can span: weekends included, before any holiday. */
const longestSpan = (businessDays: number): number => businessDays + 2 * Math.ceil(businessDays / 5);

/**
 * How a company runs its onboarding months, as data HR keeps (`PUT /settings/templates/{name}`): the cadence of
 * 1on1s and pulse checks, how long before a 1on1 its prep starts, how long the 1on1 is booked for, whether
 * round 1 is HR-only, and the company's own words for the prep and pulse questions.
 */
export const journeyTemplateSchema = z
  .object({
    cadence: z.array(cadencePointSchema).min(1, 'at least one point').max(24, 'at most 24 points'),
    prepLeadBusinessDays: z.number().int().min(1, 'at least 1').max(10, 'at most 10').default(5),
    sessionMinutes: z.number().int().min(15, 'at least 15').max(120, 'at most 120').default(60),
    firstRoundHrOnly: z.boolean({ error: 'must be true or false' }).default(true),
    questions: z
      .object({
        prep: questionsOf(prepQuestionFields).optional(),
        pulse: questionsOf(pulseQuestionFields).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((template, ctx) => {
    if (!template.cadence.some(hasSession)) {
      ctx.addIssue({ code: 'custom', path: ['cadence'], message: 'must hold at least one 1on1' });
    }
    for (const [index, point] of template.cadence.entries()) {
      const previous = template.cadence[index - 1];
      if (previous && averageDays(point) <= averageDays(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cadence', index],
          message: 'must come after the point before it',
        });
      }
      if (hasSession(point) && shortestDays(point) <= longestSpan(template.prepLeadBusinessDays)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cadence', index],
          message: `its prep (${template.prepLeadBusinessDays} business days before) would start before the start date`,
        });
      }
    }
  });
export type JourneyTemplateBody = z.infer<typeof journeyTemplateSchema>;
export type TemplateQuestions = JourneyTemplateBody['questions'];
