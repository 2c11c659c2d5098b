import { z } from 'zod';
import { requestForm } from '#shared/journeys/request-form.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.discriminatedUnion('form', [
  z.object({
    journeyId: z.string().min(1),
    form: z.literal('interviewer-insight'),
    interviewer: z.number().int().min(0),
    taskToken: z.string().min(1),
  }),
  z.object({
    journeyId: z.string().min(1),
    form: z.literal('offer-outcome'),
    ask: z.number().int().min(0),
    taskToken: z.string().min(1),
  }),
]);

export const handler = taskHandler(payload, requestForm);
