import * as z from 'zod';
import { actOnOutcome } from '#shared/journeys/act-on-outcome.ts';
import { raiseAlert } from '#shared/journeys/raise-alert.ts';
import { sessionOutcome } from '#shared/journeys/session-outcome.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const journeyId = z.string().min(1);
const round = z.number().int().min(1);
const followUp = z.boolean();

// The state machine raises only the session's alert; prep alerts are raised when the form is submitted.
export const handler = taskHandler(
  z.union([
    // The waiting step after a session's outcome: its alert, then the new hire's confirmation of what is shared.
    z.object({
      journeyId,
      round,
      followUp,
      outcome: sessionOutcome,
      taskToken: z.string().min(1),
    }),
    // Executions started on the definition before ActOnOutcome raise the alert alone.
    z.object({ journeyId, round, reason: z.literal('condition-alert'), followUp }),
  ]),
  (payload) =>
    'outcome' in payload
      ? actOnOutcome(payload)
      : // After the round's extra session, an "alert" tells HR again under a reason of its own.
        raiseAlert(payload.journeyId, payload.round, payload.followUp ? 'follow-up-alert' : payload.reason),
);
