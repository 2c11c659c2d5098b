import * as z from 'zod';
import { startTimer } from '#shared/journeys/start-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const journeyId = z.string().min(1);
const taskToken = z.string().min(1);
const payload = z.discriminatedUnion('timer', [
  z.object({ journeyId, timer: z.literal('meeting-end'), taskToken }),
  z.object({ journeyId, timer: z.literal('ask-again'), at: z.iso.datetime({ offset: true }), taskToken }),
  z.object({
    journeyId,
    timer: z.literal('session-end'),
    round: z.number().int().min(1),
    followUp: z.boolean(),
    taskToken,
  }),
]);

export const handler = taskHandler(payload, startTimer);
