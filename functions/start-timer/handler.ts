import { z } from 'zod';
import { startTimer } from '#shared/journeys/start-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.discriminatedUnion('timer', [
  z.object({ journeyId: z.string().min(1), timer: z.literal('meeting-end'), taskToken: z.string().min(1) }),
  z.object({
    journeyId: z.string().min(1),
    timer: z.literal('ask-again'),
    at: z.iso.datetime({ offset: true }),
    taskToken: z.string().min(1),
  }),
]);

export const handler = taskHandler(payload, startTimer);
