import { createHash } from 'node:crypto';
import * as z from 'zod';
import { type TimelineEventType, timelineEventTypes } from '#shared/data/timeline.ts';
import { templateNameSchema } from '#shared/domain/journey-template.ts';

// Events out: every timeline event, with ids, types, dates and categories only.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
/** An offerId or hireId, as HR's systems gave it (`journeyKeySchema`). */
const hrKey = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);
const count = z.number().int().min(0).max(1000);
const dateTime = z.iso.datetime({ offset: true });
const date = z.union([z.iso.date(), dateTime]);
const category = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const role = z.enum(['candidate', 'employee', 'hr', 'manager', 'mentor', 'interviewer']);
const condition = z.enum(['good', 'watch', 'alert']);

/**
 * Each field a published event may carry, and what its value must look like: a value that does not fit is left
 * out, so a field reused some day for free text can never carry it onto the bus.
 */
const publishedFields = {
  formId: id,
  alertId: id,
  offerId: hrKey,
  hireId: hrKey,
  template: templateNameSchema,
  round: count,
  check: count,
  interviewer: count,
  ask: count,
  sequence: count,
  insights: count,
  missing: count,
  prepAnswers: count,
  alerts: count,
  followUp: z.boolean(),
  phase: z.enum(['offer', 'onboarding']),
  role,
  to: z.array(role),
  meeting: category,
  meetingAt: dateTime,
  sessionAt: dateTime,
  startsAt: dateTime,
  until: date,
  deadline: date,
  startDate: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
  on: z.iso.date(),
  decision: category,
  outcome: category,
  consent: category,
  condition,
  conditions: z.array(condition.nullable()),
  reason: category,
  source: category,
  followUpAt: dateTime,
  rounds: z.array(z.strictObject({ round: count, sessionAt: dateTime })),
  sessions: z.record(z.string().regex(/^\d+$/), dateTime),
  /** The rounds given a place of their own: which, never where. */
  locations: z.array(z.union([count, z.string().regex(/^\d+$/)])),
} satisfies Record<string, z.ZodType>;
type PublishedField = keyof typeof publishedFields;

/**
 * What each timeline event type publishes beyond its ids, type and time. Not published, ever: names, addresses,
 * places, what anyone wrote (a cancellation's own words, an alert's note, the summary), who handled an alert,
 * and what the new hire answered in a pulse check (its weather, and the cause of an alert drawn from it).
 */
export const publishedFieldsByType: Record<TimelineEventType, readonly PublishedField[]> = {
  'journey.started': ['phase', 'offerId', 'hireId', 'template'],
  'prep.requested': ['formId', 'role', 'deadline', 'interviewer', 'round', 'followUp'],
  'prep.reminded': ['formId', 'role', 'round'],
  'prep.submitted': ['formId', 'role', 'interviewer', 'round'],
  'prep.expired': ['formId', 'role', 'interviewer', 'round'],
  'topics.submitted': ['formId', 'round'],
  'pulse.requested': ['formId', 'check'],
  'pulse.reminded': ['formId', 'check'],
  'pulse.answered': ['formId', 'check'],
  'pulse.expired': ['formId', 'check'],
  'brief.sent': ['meeting', 'round', 'followUp', 'insights', 'missing', 'prepAnswers'],
  'invitation.sent': ['meeting', 'meetingAt', 'sequence', 'round', 'followUp'],
  'invitation.updated': ['meeting', 'meetingAt', 'sequence', 'round', 'followUp'],
  'invitation.cancelled': ['meeting', 'meetingAt', 'sequence', 'round', 'followUp'],
  'outcome.requested': ['formId', 'deadline', 'round', 'followUp', 'ask'],
  'outcome.recorded': ['formId', 'round', 'followUp', 'condition', 'consent', 'decision', 'ask'],
  'outcome.expired': ['formId', 'round', 'followUp'],
  'form.reissued': ['formId'],
  'offer.accepted': [],
  'offer.declined': [],
  'offer.lapsed': [],
  'handoff.sent': ['to'],
  'onboarding.scheduled': ['startsAt'],
  'onboarding.started': ['rounds'],
  'onboarding.checks-continue': ['until'],
  'round.started': ['round', 'sessionAt'],
  'team-session.reminded': ['round'],
  'summary.requested': ['formId', 'round', 'followUp'],
  'summary.confirmed': ['formId', 'round', 'followUp'],
  'summary.declined': ['formId', 'round', 'followUp'],
  'summary.expired': ['formId', 'round', 'followUp'],
  'summary.shared': ['round', 'followUp', 'consent'],
  'alert.raised': ['alertId', 'round', 'reason', 'source', 'followUpAt'],
  'alert.handled': ['alertId', 'round'],
  'journey.summarized': ['conditions', 'alerts'],
  'journey.rescheduled': ['startDate', 'sessions', 'locations'],
  'journey.cancelled': ['reason'],
  'journey.left': ['on', 'reason'],
  'journey.needs-attention': [],
  'journey.completed': ['outcome'],
  'mail.bounced': ['role', 'reason'],
};

/** The detail of every published event, for subscribers (`docs/events/journey-event.schema.json`). */
export const publishedEventSchema = z
  .object({
    eventId: z.string().meta({ description: 'Stable for the same timeline event: dedupe on it' }),
    journeyId: z.string(),
    type: z.enum(timelineEventTypes).meta({ description: "The event's detail-type, too" }),
    at: dateTime,
    ...Object.fromEntries(
      Object.entries(publishedFields).map(([field, schema]) => [field, schema.optional()]),
    ),
  })
  .meta({
    description:
      'A timeline event of a journey, as published to the journeys bus (source follow-up-journeys): ids, dates and categories, never names, addresses or free text. Which fields each type carries: README, Events.',
  });

/** The cancellation reasons HR's systems and these events use; anything HR wrote in its own words is `other`. */
const knownCancellationReasons = new Set(['offer-withdrawn', 'resigned', 'hire-cancelled']);

/** The fields of a timeline item that say what happened, before the whitelist picks from them. */
const facts = (type: TimelineEventType, item: Record<string, unknown>): Record<string, unknown> =>
  type === 'journey.cancelled'
    ? {
        reason:
          typeof item.reason === 'string' && knownCancellationReasons.has(item.reason)
            ? item.reason
            : 'other',
      }
    : item;

export interface PublishedJourneyEvent {
  /** Stable across redeliveries of the same timeline event: subscribers dedupe on it. */
  eventId: string;
  journeyId: string;
  type: TimelineEventType;
  at: string;
  [field: string]: unknown;
}

const isTimelineEventType = (value: unknown): value is TimelineEventType =>
  typeof value === 'string' && (timelineEventTypes as readonly string[]).includes(value);

/**
 * The detail published for a timeline item as the table stores it (`pk` `JOURNEY#<id>`, `sk` `EVENT#<key>`), or
 * nothing for an item that is no timeline event.
 */
export const publishedEventOf = (item: Record<string, unknown>): PublishedJourneyEvent | undefined => {
  const { pk, sk, type, at } = item;
  if (typeof pk !== 'string' || !pk.startsWith('JOURNEY#')) return undefined;
  if (typeof sk !== 'string' || !sk.startsWith('EVENT#')) return undefined;
  if (!isTimelineEventType(type) || typeof at !== 'string') return undefined;
  const detail: PublishedJourneyEvent = {
    eventId: createHash('sha256').update(`${pk}\n${sk}`).digest('base64url').slice(0, 32),
    journeyId: pk.slice('JOURNEY#'.length),
    type,
    at,
  };
  const source = facts(type, item);
  for (const field of publishedFieldsByType[type]) {
    const parsed = publishedFields[field].safeParse(source[field]);
    if (parsed.success && parsed.data !== undefined) detail[field] = parsed.data;
  }
  return detail;
};
