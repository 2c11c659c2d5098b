import * as z from 'zod';
import { beginOnboarding } from '#shared/journeys/begin-onboarding.ts';
import { completeOnboarding } from '#shared/journeys/complete-onboarding.ts';
import { advanceOnboarding } from '#shared/journeys/schedule-round.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const journeyId = z.string().min(1);

export const handler = taskHandler(
  z.union([
    // On the start date it plans the rounds and schedules the first; after a template's last pulse check
    // (`ending`) it completes the journey.
    z.object({ journeyId, ending: z.boolean() }),
    // Executions started on the definition before `ending` plan here and schedule the first round next.
    z.object({ journeyId }),
  ]),
  async (payload) => {
    if (!('ending' in payload)) return beginOnboarding(payload.journeyId);
    if (payload.ending) return completeOnboarding(payload.journeyId);
    await beginOnboarding(payload.journeyId);
    await advanceOnboarding(payload.journeyId);
  },
);
