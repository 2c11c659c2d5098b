import { z } from 'zod';
import { raiseAlert } from '#shared/journeys/raise-alert.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.object({
  journeyId: z.string().min(1),
  round: z.number().int().min(1),
  reason: z.enum(['manager-worried', 'condition-alert']),
});

export const handler = taskHandler(payload, ({ journeyId, round, reason }) =>
  raiseAlert(journeyId, round, reason),
);
