import * as z from 'zod';
import { inviteCandidate } from '#shared/journeys/invite-candidate.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  inviteCandidate(journeyId),
);
