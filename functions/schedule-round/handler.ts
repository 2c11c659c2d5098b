import * as z from 'zod';
import { closeRound } from '#shared/journeys/close-round.ts';
import { scheduleNextRound } from '#shared/journeys/schedule-round.ts';
import { sessionOutcome } from '#shared/journeys/session-outcome.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const journeyId = z.string().min(1);
const round = z.number().int().min(1);

export const handler = taskHandler(
  z.union([
    // The last step of a session's execution: sharing, then the next round or the journey's end.
    z.object({
      journeyId,
      round,
      followUp: z.boolean(),
      outcome: sessionOutcome,
    }),
    // Executions started on the definition before CloseRound schedule here and decide what follows themselves.
    z.object({ journeyId, after: round.optional() }),
  ]),
  async (payload) => {
    if (!('outcome' in payload)) return scheduleNextRound(payload.journeyId, payload.after);
    return closeRound(payload.journeyId, payload.round, payload.followUp, payload.outcome);
  },
);
