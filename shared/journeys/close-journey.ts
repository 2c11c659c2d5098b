import { setJourneyStatus } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { now } from '#shared/time/clock.ts';

export type ClosingStatus = 'declined' | 'lapsed' | 'completed' | 'needs-attention';

export const closeJourney = async (journeyId: string, status: ClosingStatus): Promise<void> => {
  await setJourneyStatus(journeyId, status, now());
  if (status === 'needs-attention') {
    // Not completed: a person has to look at it, and the timeline says so.
    await appendEvent(journeyId, 'journey.needs-attention', { type: 'journey.needs-attention' });
    return;
  }
  if (status === 'lapsed') await appendEvent(journeyId, 'offer.lapsed', { type: 'offer.lapsed' });
  await appendEvent(journeyId, 'journey.completed', { type: 'journey.completed', outcome: status });
};
