import * as z from 'zod';
import { sendJourneySummary } from '#shared/journeys/send-journey-summary.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  sendJourneySummary(journeyId),
);
