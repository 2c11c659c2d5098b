import { z } from 'zod';
import { isoDate } from '#shared/domain/offer.ts';

/** `PATCH /journeys/{id}`: a new start date, or new times for named rounds' sessions. */
export const journeyMoveSchema = z.union([
  z.strictObject({ startDate: isoDate }),
  z.strictObject({
    sessions: z
      .record(z.string().regex(/^\d+$/, 'must be a round number'), z.iso.datetime({ offset: true }))
      .refine((sessions) => Object.keys(sessions).length > 0, 'name at least one round'),
  }),
]);

/**
 * `POST /journeys/{id}/cancel`: `offer-withdrawn` and `resigned` are the common reasons; HR may write any other
 * short one.
 */
export const cancellationSchema = z.object({
  reason: z.string().trim().min(1, 'required').max(200, 'at most 200 characters'),
});
