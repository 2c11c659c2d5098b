import * as z from 'zod';
import type { JourneyTemplateBody, Wording } from '#shared/domain/journey-template-schema.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';

/** Every template in one partition: the list is one Query, and its writer can touch nothing else. */
export const TEMPLATES_PARTITION_KEY = 'SETTINGS#templates';

/** The built-in template: today's journey, shaped by a request's `onboarding.rounds` and `monthsBetween`. */
export const DEFAULT_TEMPLATE_NAME = 'default';

/**
 * A template's name, as offers and hire requests give it: checked here, where they load it without the
 * template's own schema (`journey-template-schema.ts`, for the templates HR saves).
 */
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

export const hasSession = (point: CadencePoint): boolean => point.kind !== 'pulse';
export const hasCheck = (point: CadencePoint): boolean => point.kind !== '1on1';

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
