import { closeJourney } from '#shared/journeys/close-journey.ts';
import { scheduleOnboarding } from '#shared/journeys/schedule-onboarding.ts';
import { sendHandoff } from '#shared/journeys/send-handoff.ts';

export type OfferDecision = 'accepted' | 'declined' | 'undecided';

/**
 * The offer phase's last step, on HR's final answer: an accepted offer goes to the team (the handoff) and
 * onboarding is scheduled; a declined one ends the journey; one still undecided when no ask is left lapses.
 * One step decides it, so no state has to route the answer.
 */
export const closeOffer = async (journeyId: string, decision: OfferDecision): Promise<void> => {
  if (decision === 'accepted') {
    await sendHandoff(journeyId);
    await scheduleOnboarding(journeyId);
    return;
  }
  await closeJourney(journeyId, decision === 'declined' ? 'declined' : 'lapsed');
};
