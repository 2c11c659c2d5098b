import * as z from 'zod';
import { closeOffer } from '#shared/journeys/close-offer.ts';
import { scheduleOnboarding } from '#shared/journeys/schedule-onboarding.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const payload = z.object({
  journeyId: z.string().min(1),
  decision: z.enum(['accepted', 'declined', 'undecided']).optional(),
});

// Executions started on the earlier definition pass no decision: they sent the handoff in a step of their own
// and only schedule onboarding here.
export const handler = taskHandler(payload, ({ journeyId, decision }) =>
  decision ? closeOffer(journeyId, decision) : scheduleOnboarding(journeyId),
);
