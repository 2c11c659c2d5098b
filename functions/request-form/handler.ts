import * as z from 'zod';
import { requestForm } from '#shared/journeys/request-form.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const journeyId = z.string().min(1);
const taskToken = z.string().min(1);
const round = z.number().int().min(1);
const payload = z.discriminatedUnion('form', [
  z.object({
    journeyId,
    form: z.literal('interviewer-insight'),
    interviewer: z.number().int().min(0).optional(),
    taskToken,
  }),
  z.object({ journeyId, form: z.literal('offer-outcome'), ask: z.number().int().min(0), taskToken }),
  z.object({
    journeyId,
    form: z.literal('manager-prep'),
    round,
    role: z.enum(['manager', 'mentor']).optional(),
    taskToken,
  }),
  z.object({ journeyId, form: z.literal('session-outcome'), round, followUp: z.boolean(), taskToken }),
  z.object({
    journeyId,
    form: z.literal('summary-confirmation'),
    outcomeFormId: z.string().min(1),
    taskToken,
  }),
]);

export const handler = taskHandler(payload, requestForm);
