import * as z from 'zod';
import { shareWithTeam } from '#shared/journeys/share-summary.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), outcomeFormId: z.string().min(1) }),
  ({ journeyId, outcomeFormId }) => shareWithTeam(journeyId, outcomeFormId),
);
