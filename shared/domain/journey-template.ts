import * as z from 'zod';
import type { Locale } from '#shared/domain/offer.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings.ts';

/** Every template in one partition: the list is one Query, and its writer can touch nothing else. */
export const TEMPLATES_PARTITION_KEY = 'SETTINGS#templates';

/** The built-in template: today's journey, shaped by a request's `onboarding.rounds` and `monthsBetween`. */
export const DEFAULT_TEMPLATE_NAME = 'default';

export const templateNameSchema = z
  .string()
  .min(1, 'required')
  .max(40, 'at most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes only');

export const cadenceKinds = ['1on1', 'pulse', 'both'] as const;
export type CadenceKind = (typeof cadenceKinds)[number];

/** A point of the cadence: so many weeks or months after the start date, and what happens then. */
export interface CadencePoint {
  weeks?: number;
  months?: number;
  kind: CadenceKind;
}

/** The fields of each form whose question a template may word: they keep their meaning, only the words change. */
export const prepQuestionFields = ['progress', 'wellbeing', 'topics'] as const;
export const pulseQuestionFields = ['answer', 'workload', 'relationships', 'comment'] as const;

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

export const hasSession = (point: CadencePoint): boolean => point.kind !== 'pulse';
export const hasCheck = (point: CadencePoint): boolean => point.kind !== '1on1';

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

/** A template as HR saved it: each change a new version. */
export interface JourneyTemplate extends JourneyTemplateBody {
  name: string;
  version: number;
  updatedAt?: string;
}

/** The copy a journey keeps of its template: a later change of the template never reaches it. */
export type JourneyTemplateCopy = Omit<JourneyTemplate, 'updatedAt'>;

/**
 * Today's journey as a template: checks one and two weeks after the start date, then every month up to the
 * last round, with a 1on1 every `monthsBetween` months.
 */
export const defaultTemplate = (
  settings: Pick<OnboardingSettings, 'rounds' | 'monthsBetween'>,
): JourneyTemplateCopy => ({
  name: DEFAULT_TEMPLATE_NAME,
  version: 1,
  cadence: [
    { weeks: 1, kind: 'pulse' },
    { weeks: 2, kind: 'pulse' },
    ...Array.from({ length: settings.rounds * settings.monthsBetween }, (_, index) => ({
      months: index + 1,
      kind: (index + 1) % settings.monthsBetween === 0 ? ('both' as const) : ('pulse' as const),
    })),
  ],
  prepLeadBusinessDays: 5,
  sessionMinutes: 60,
  firstRoundHrOnly: true,
  questions: {},
});

/** The template a journey runs on: its own copy, or (saved before templates, or named none) the default. */
export const templateOf = (journey: {
  template?: JourneyTemplateCopy;
  onboarding: Pick<OnboardingSettings, 'rounds' | 'monthsBetween'>;
}): JourneyTemplateCopy => journey.template ?? defaultTemplate(journey.onboarding);

/**
 * The template's own words for the questions of a form, in one language, by field: the manager's prep form and
 * the pulse check may be worded by the company; every other form keeps the product's words.
 */
export const questionWords = (
  template: Pick<JourneyTemplateCopy, 'questions'>,
  form: string,
  locale: Locale,
): Record<string, string> => {
  const worded: Record<string, Partial<Record<string, Wording>> | undefined> = {
    'manager-prep': template.questions.prep,
    pulse: template.questions.pulse,
  };
  return Object.fromEntries(
    Object.entries(worded[form] ?? {}).flatMap(([field, words]) => (words ? [[field, words[locale]]] : [])),
  );
};

/** The body of a template, as compared to tell a real change from a repeated PUT. */
export const templateBody = (template: JourneyTemplateBody): JourneyTemplateBody => ({
  cadence: template.cadence.map((point) => ({ ...point })),
  prepLeadBusinessDays: template.prepLeadBusinessDays,
  sessionMinutes: template.sessionMinutes,
  firstRoundHrOnly: template.firstRoundHrOnly,
  questions: template.questions,
});

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([one], [two]) => one.localeCompare(two)))
      : inner,
  );

export const sameTemplateBody = (one: JourneyTemplateBody, two: JourneyTemplateBody): boolean =>
  canonical(templateBody(one)) === canonical(templateBody(two));
