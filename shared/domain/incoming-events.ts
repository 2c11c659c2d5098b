import * as z from 'zod';
import { departureSchema } from '#shared/domain/departure.ts';
import { isoDate, journeyKeySchema } from '#shared/domain/field-schemas.ts';

// Events in: what HR's systems put on the bus, each applied through the same use case as the API. Apart from the
// events out (`published-events.ts`), which only the publisher checks.

/** The journey an event is about, by the key it was started with: offerId, or hireId for a journey posted at onboarding. */
const journeyKeyFields = {
  offerId: journeyKeySchema.optional(),
  hireId: journeyKeySchema.optional(),
};
/** `oneJourneyKey` as JSON Schema says it, for the published schemas. */
const oneJourneyKeyRequired = { oneOf: [{ required: ['offerId'] }, { required: ['hireId'] }] };
const oneJourneyKey = (detail: { offerId?: string; hireId?: string }, ctx: z.RefinementCtx) => {
  if ((detail.offerId === undefined) === (detail.hireId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['offerId'], message: 'give either offerId or hireId' });
  }
};

export const offerWithdrawnSchema = z.strictObject({ offerId: journeyKeySchema }).meta({
  description: 'The candidate will not join: the offer was withdrawn or turned down outside the journey.',
});

export const startDateChangedSchema = z
  .strictObject({ ...journeyKeyFields, startDate: isoDate })
  .superRefine(oneJourneyKey)
  .meta({
    description: 'The new hire starts on another day: the journey moves as PATCH {"startDate"} moves it.',
    ...oneJourneyKeyRequired,
  });

export const hireCancelledSchema = z
  .strictObject(journeyKeyFields)
  .superRefine(oneJourneyKey)
  .meta({
    description: 'The hire will not happen (after acceptance): the journey is cancelled.',
    ...oneJourneyKeyRequired,
  });

export const employeeLeftSchema = z
  .strictObject({ ...journeyKeyFields, ...departureSchema.shape })
  .superRefine(oneJourneyKey)
  .meta({
    description:
      'The person left (or will leave) the company: their last day and a reason category, as POST /journeys/{id}/left records it.',
    ...oneJourneyKeyRequired,
  });

/**
 * The detail-types the bus's rule takes. An offer's detail is checked by `offerSchema`, as `POST /journeys` checks
 * it, and only when one arrives; the JSON Schemas published for all five are `scripts/event-schemas.ts`'s.
 */
export const incomingDetailTypes = [
  'OfferIssued',
  'OfferWithdrawn',
  'StartDateChanged',
  'HireCancelled',
  'EmployeeLeft',
] as const;
export type IncomingDetailType = (typeof incomingDetailTypes)[number];

export const isIncomingDetailType = (value: unknown): value is IncomingDetailType =>
  (incomingDetailTypes as readonly unknown[]).includes(value);

/** The claim key (`offer:<id>` or `hire:<id>`) of the journey an event names. */
export const journeyKeyOf = (detail: { offerId?: string; hireId?: string }): string =>
  detail.offerId !== undefined ? `offer:${detail.offerId}` : `hire:${detail.hireId}`;

/** The reason a cancelling event records, as HR's cancellations name theirs. */
export const cancellationReasons = {
  OfferWithdrawn: 'offer-withdrawn',
  HireCancelled: 'hire-cancelled',
} as const;
