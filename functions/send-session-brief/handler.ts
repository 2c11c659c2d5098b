import * as z from 'zod';
import { sendFollowUpBrief } from '#shared/journeys/send-follow-up-brief.ts';
import { sendSessionBrief } from '#shared/journeys/send-session-brief.ts';
import { startTimer } from '#shared/journeys/start-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.object({
  journeyId: z.string().min(1),
  round: z.number().int().min(1),
  followUp: z.literal(true).optional(),
  taskToken: z.string().min(1).optional(),
  asksOutcome: z.literal(true).optional(),
});

// A round's 1on1 and its extra follow-up session are briefed by the same function, each by its own module; then
// the same task waits for the session's end, and for HR's outcome on it (`asksOutcome`). Executions started on
// earlier definitions ask for the outcome from a task of their own (no `asksOutcome`), or also wait for the
// session's end in one (no token).
export const handler = taskHandler(
  payload,
  async ({ journeyId, round, followUp, taskToken, asksOutcome }) => {
    await (followUp ? sendFollowUpBrief(journeyId, round) : sendSessionBrief(journeyId, round));
    if (taskToken) {
      await startTimer({
        journeyId,
        timer: 'session-end',
        round,
        followUp: followUp ?? false,
        taskToken,
        ...(asksOutcome ? { asksOutcome } : {}),
      });
    }
  },
);
