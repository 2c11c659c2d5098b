import * as z from 'zod';
import { raiseAlert } from '#shared/journeys/raise-alert.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

// The state machine raises only the session's alert; prep alerts are raised when the form is submitted.
const payload = z.object({
  journeyId: z.string().min(1),
  round: z.number().int().min(1),
  reason: z.literal('condition-alert'),
  followUp: z.boolean(),
});

// After the round's extra session, an "alert" tells HR again under a reason of its own.
export const handler = taskHandler(payload, ({ journeyId, round, reason, followUp }) =>
  raiseAlert(journeyId, round, followUp ? 'follow-up-alert' : reason),
);
