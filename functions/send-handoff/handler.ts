import * as z from 'zod';
import { sendHandoff } from '#shared/journeys/send-handoff.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  sendHandoff(journeyId),
);
