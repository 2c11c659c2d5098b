import * as z from 'zod';
import { isoDate } from '#shared/domain/field-schemas.ts';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';

const roundNumber = z.string().regex(/^\d+$/, 'must be a round number');
const someRounds = (rounds: Record<string, unknown>) => Object.keys(rounds).length > 0;

/**
 * `PATCH /journeys/{id}`: a new start date, new times for named rounds' sessions, or where named rounds' sessions
 * take place (a room, or a video link), each round's own rather than the journey's `location`.
 */
export const journeyMoveSchema = z.union([
  z.strictObject({ startDate: isoDate }),
  z.strictObject({
    sessions: z
      .record(roundNumber, z.iso.datetime({ offset: true }))
      .refine(someRounds, 'name at least one round'),
  }),
  z.strictObject({
    locations: z.record(roundNumber, meetingLocationSchema).refine(someRounds, 'name at least one round'),
  }),
]);

/**
 * `POST /journeys/{id}/cancel`: `offer-withdrawn` and `resigned` are the common reasons; HR may write any other
 * short one.
 */
export const cancellationSchema = z.object({
  reason: z.string().trim().min(1, 'required').max(200, 'at most 200 characters'),
});
