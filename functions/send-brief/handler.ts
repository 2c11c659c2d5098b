import * as z from 'zod';
import { sendMeetingBrief } from '#shared/journeys/send-brief.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  sendMeetingBrief(journeyId),
);
