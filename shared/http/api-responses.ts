import * as z from 'zod';
import { attentionKinds } from '#shared/domain/attention.ts';
import { departureSchema } from '#shared/domain/departure.ts';
import { cadenceKinds } from '#shared/domain/journey-template.ts';

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
    departure: departureSchema
      .optional()
      .describe('Once the person left: their last day and the reason category'),
    template: z
      .object({ name: z.string(), version: z.number().int() })
      .describe('The journey template it runs on, in the version it started with'),
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

export const departureRecordedSchema = z.object({
  journeyId,
  status: z.literal('left'),
  departure: departureSchema,
});

export const formReissuedSchema = z.object({ journeyId, formId: z.string(), status: z.literal('reissued') });

export const journeyErasedSchema = z.object({
  journeyId,
  status: z.literal('erased'),
  erasedAt: isoDateTime,
});

const wordingSchema = z.object({ ja: z.string(), en: z.string() });

/** A journey template as saved (`shared/domain/journey-template.ts`), with its name and version. */
export const templateSchema = z.object({
  name: z.string(),
  version: z.number().int().describe('1 for the first save; each change of the body adds one'),
  updatedAt: isoDateTime.optional().describe('When this version was saved; absent for the built-in default'),
  cadence: z.array(
    z.object({
      weeks: z.number().int().optional(),
      months: z.number().int().optional(),
      kind: z.enum(cadenceKinds),
    }),
  ),
  prepLeadBusinessDays: z.number().int(),
  sessionMinutes: z.number().int(),
  firstRoundHrOnly: z.boolean(),
  questions: z.object({
    prep: z.record(z.string(), wordingSchema).optional(),
    pulse: z.record(z.string(), wordingSchema).optional(),
  }),
});

export const templateListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      version: z.number().int(),
      updatedAt: isoDateTime.nullable().describe('Null for the built-in default'),
    }),
  ),
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

const rate = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe('A share from 0 to 1; null when there was nothing to count it over');
const response = z.object({ closed: z.number().int(), submitted: z.number().int(), responseRate: rate });

/** `GET /reports` (`shared/journeys/build-report.ts`): counts and rates only, never a name or a word anyone wrote. */
export const reportSchema = z.object({
  period: z
    .object({ from: z.iso.date(), to: z.iso.date() })
    .describe('The journeys whose start date falls in these days, both included'),
  hr: z.string().nullable().describe('The HR contact the report is limited to; null for all'),
  generatedAt: isoDateTime,
  journeys: z.number().int(),
  offers: z.object({
    made: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    lapsed: z.number().int(),
    noDecision: z.number().int().describe('Still being decided, or cancelled first'),
    acceptanceRate: rate.describe('Accepted out of accepted, declined and lapsed'),
  }),
  rounds: z.object({
    due: z
      .number()
      .int()
      .describe('Monthly 1on1s whose outcome was recorded or whose outcome deadline passed'),
    heldOnTime: z.number().int(),
    onTimeRate: rate,
    byRound: z.array(
      z.object({
        round: z.number().int(),
        due: z.number().int(),
        heldOnTime: z.number().int(),
        onTimeRate: rate,
        conditions: z.object({
          good: z.number().int(),
          watch: z.number().int(),
          alert: z.number().int(),
          notRecorded: z.number().int(),
        }),
        prep: response,
      }),
    ),
  }),
  prep: response.extend({
    byRole: z.array(response.extend({ role: z.enum(['interviewer', 'manager', 'mentor']) })),
  }),
  alerts: z.object({
    raised: z.number().int(),
    bySource: z.record(z.string(), z.number().int()),
    handled: z.number().int(),
    open: z.number().int(),
    medianHoursToHandle: z.number().nullable(),
  }),
  pulse: z.object({
    answered: z.number().int(),
    unanswered: z.number().int(),
    byCheck: z.array(
      z.object({
        check: z.number().int(),
        answers: z.object({
          sunny: z.number().int(),
          fair: z.number().int(),
          cloudy: z.number().int(),
          rainy: z.number().int(),
          stormy: z.number().int(),
        }),
        unanswered: z.number().int(),
      }),
    ),
  }),
  retention: z.object({
    byStartMonth: z.array(
      z.object({
        startMonth: z.string().describe('YYYY-MM'),
        started: z
          .number()
          .int()
          .describe(
            'Hires who started: an offer accepted (or a hire posted), not cancelled before the start date',
          ),
        after: z.array(
          z.object({
            months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
            reached: z
              .boolean()
              .describe('Whether every hire of the month is this far past their start date'),
            stayed: z
              .number()
              .int()
              .nullable()
              .describe('Still with the company that many months after their start date; null until reached'),
            retentionRate: rate.describe('Stayed out of started; null until reached'),
          }),
        ),
      }),
    ),
  }),
});

/** A page of HR's attention queue (`shared/domain/attention.ts` `AttentionItem`): oldest first, no free text. */
export const attentionPageSchema = z.object({
  items: z.array(
    z.object({
      itemId: z.string().describe('Unique within its journey'),
      kind: z
        .enum(attentionKinds)
        .describe('mail-bounced: mail to someone on the journey bounced for good or was marked as spam'),
      journeyId,
      person: z.object({ name: z.string() }),
      hr: z.object({ name: z.string(), email: z.string() }),
      since: isoDateTime.describe('When it came to need HR'),
      round: z.number().int().optional(),
      role: z.string().optional().describe("A prep form's recipient: interviewer, manager or mentor"),
      alertId: z
        .string()
        .optional()
        .describe('An alert’s id, for POST /journeys/{id}/alerts/{alertId}/handled'),
      source: z.string().optional().describe("An alert's source: manager, mentor, session or pulse"),
      reason: z.string().optional(),
      cause: z.string().optional().describe("A pulse alert's cause: stormy, below-usual or falling"),
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
  count: z.number().int().describe('Open items (for `hr`, that contact’s), counted up to 99'),
  countCapped: z.boolean().describe('There were more open items than were counted'),
});

export const alertHandledAnswerSchema = z.object({
  journeyId,
  alertId: z.string(),
  status: z.literal('handled'),
  handledAt: isoDateTime,
});
