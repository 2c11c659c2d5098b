import * as z from 'zod';
import { openOfferFollowUp } from '#shared/journeys/open-offer-follow-up.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

export const handler = taskHandler(
  z.object({ journeyId: z.string().min(1), taskToken: z.string().min(1).optional() }),
  ({ journeyId, taskToken }) => openOfferFollowUp(journeyId, taskToken),
);
