import * as z from 'zod';
import { openRound } from '#shared/journeys/open-round.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({
    journeyId: z.string().min(1),
    round: z.number().int().min(1),
    taskToken: z.string().min(1).optional(),
  }),
  ({ journeyId, round, taskToken }) => openRound(journeyId, round, taskToken),
);
