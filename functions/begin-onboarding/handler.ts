import * as z from 'zod';
import { beginOnboarding } from '#shared/journeys/begin-onboarding.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(z.object({ journeyId: z.string().min(1) }), ({ journeyId }) =>
  beginOnboarding(journeyId),
);
