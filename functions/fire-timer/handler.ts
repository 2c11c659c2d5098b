import * as z from 'zod';
import { fireTimer } from '#shared/journeys/fire-timer.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';
import { invokedAsTimerTarget } from '#shared/timers/timer-target.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), timer: z.string().min(1) }),
  ({ journeyId, timer }, context) => {
    invokedAsTimerTarget(context.invokedFunctionArn);
    return fireTimer(journeyId, timer);
  },
);
