import * as z from 'zod';
import { sendFollowUpBrief } from '#shared/journeys/send-follow-up-brief.ts';
import { sendSessionBrief } from '#shared/journeys/send-session-brief.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

// A round's 1on1 and its extra follow-up session are briefed by the same function, each by its own module.
export const handler = taskHandler(
  z.object({
    journeyId: z.string().min(1),
    round: z.number().int().min(1),
    followUp: z.literal(true).optional(),
  }),
  ({ journeyId, round, followUp }) =>
    followUp ? sendFollowUpBrief(journeyId, round) : sendSessionBrief(journeyId, round),
);
