import * as z from 'zod';
import { fireTimer } from '#shared/journeys/fire-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), timer: z.string().min(1) }),
  ({ journeyId, timer }) => fireTimer(journeyId, timer),
);
