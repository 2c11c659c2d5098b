import * as z from 'zod';
import { sendMeetingBrief } from '#shared/journeys/send-brief.ts';
import { startTimer } from '#shared/journeys/start-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.object({ journeyId: z.string().min(1), taskToken: z.string().min(1).optional() });

// The brief, then the wait for the meeting's end in the same task. Executions started on the earlier
// definition pass no token: they wait in a step of their own (start-timer).
export const handler = taskHandler(payload, async ({ journeyId, taskToken }) => {
  await sendMeetingBrief(journeyId);
  if (taskToken) await startTimer({ journeyId, timer: 'meeting-end', taskToken });
});
