import { z } from 'zod';
import { shareWithTeam } from '#shared/journeys/share-summary.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), round: z.number().int().min(1), followUp: z.boolean() }),
  ({ journeyId, round, followUp }) => shareWithTeam(journeyId, round, followUp),
);
