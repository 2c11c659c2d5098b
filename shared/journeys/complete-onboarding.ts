import { closeJourney } from '#shared/journeys/close-journey.ts';
import { sendJourneySummary } from '#shared/journeys/send-journey-summary.ts';

/**
 * The end of onboarding, after its last round or its last pulse check: HR gets the summary, then the journey
 * completes. Both are keyed, so a retried step sends nothing twice and finds the journey completed.
 */
export const completeOnboarding = async (journeyId: string): Promise<void> => {
  await sendJourneySummary(journeyId);
  await closeJourney(journeyId, 'completed');
};
