import * as z from 'zod';
import { startRound } from '#shared/journeys/start-round.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), round: z.number().int().min(1) }),
  ({ journeyId, round }) => startRound(journeyId, round),
);
