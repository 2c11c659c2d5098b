import * as z from 'zod';
import { closeJourney } from '#shared/journeys/close-journey.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.object({
  journeyId: z.string().min(1),
  status: z.enum(['declined', 'lapsed', 'completed', 'needs-attention']),
});

export const handler = taskHandler(payload, ({ journeyId, status }) => closeJourney(journeyId, status));
