import * as z from 'zod';
import { scheduleNextRound } from '#shared/journeys/schedule-round.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), after: z.number().int().min(1).optional() }),
  ({ journeyId, after }) => scheduleNextRound(journeyId, after),
);
