import * as z from 'zod';
import { scheduleOnboarding } from '#shared/journeys/schedule-onboarding.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  scheduleOnboarding(journeyId),
);
