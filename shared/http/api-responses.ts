import { z } from 'zod';

/**
 * The bodies the HR routes answer with, for the API description. Handlers check their answers against these
 * (`satisfies Answer<typeof schema>`), so an answer that leaves the description fails the type-check.
 */
export type Answer<Schema extends z.ZodType> = z.output<Schema>;

const journeyId = z.string().describe('The journey, as POST /journeys named it');
const isoDateTime = z.iso.datetime({ offset: true });

export const journeyStartedSchema = z.object({
  journeyId,
  status: z.string().describe('offer-follow-up, or awaiting-start for a hire posted in the onboarding phase'),
  roundsLeftOut: z
    .array(z.number().int())
    .optional()
    .describe('Rounds whose prep could no longer be held for a hire posted after their start date'),
});

/** Described loosely: the view grows with the product, and HR's systems read the fields they know. */
export const journeyViewSchema = z
  .object({
    journeyId,
    phase: z.enum(['offer', 'onboarding']),
    status: z.string(),
    startDate: z.iso.date(),
    timezone: z.string(),
    rounds: z.array(z.looseObject({ round: z.number().int() })),
    forms: z.array(z.looseObject({ formId: z.string(), kind: z.string(), status: z.string() })),
    timeline: z.array(z.looseObject({ at: isoDateTime, type: z.string() })),
  })
  .loose();

/** A planned onboarding round: when it starts (invitation, prep requests), its session and the prep deadline. */
const roundPlanSchema = z.object({
  round: z.number().int(),
  startsAt: isoDateTime,
  sessionAt: isoDateTime,
  prepDeadline: isoDateTime,
});

export const journeyMovedSchema = z.object({
  journeyId,
  startDate: z.iso.date().optional(),
  rounds: z.array(roundPlanSchema),
});

export const journeyCancelledSchema = z.object({ journeyId, status: z.literal('cancelled') });

export const formReissuedSchema = z.object({ journeyId, formId: z.string(), status: z.literal('reissued') });

export const journeyErasedSchema = z.object({
  journeyId,
  status: z.literal('erased'),
  erasedAt: isoDateTime,
});

/** Every refusal and failure of an HR route carries a message fit to show a person. */
export const errorSchema = z.looseObject({ message: z.string() });

/** 400: one message per invalid field, keyed by its dotted path (`candidate.email`, `interviewers.0.name`). */
export const invalidRequestSchema = z.object({
  message: z.string(),
  errors: z.record(z.string(), z.string()),
});

/** 410: the journey was erased on request; only the time of the erasure is kept. */
export const erasedJourneySchema = journeyErasedSchema.extend({ message: z.string() });

/** A page of HR's journey list (`shared/domain/journey-listing.ts` `listItemOf`): who, status, what comes next. */
export const journeyListPageSchema = z.object({
  items: z.array(
    z.looseObject({
      journeyId,
      person: z.object({ name: z.string() }),
      phase: z.enum(['offer', 'onboarding']),
      status: z.string(),
      hr: z.object({ name: z.string(), email: z.string() }),
      startDate: z.iso.date(),
      timezone: z.string().describe("The journey's IANA time zone, which its times are read in"),
      nextStep: z.looseObject({ kind: z.string(), at: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});
