import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  claimOffer,
  getJourney,
  getOfferClaim,
  type Journey,
  putJourneyOnce,
} from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { journeyIdFor, offerFingerprint } from '#shared/domain/ids.ts';
import type { Offer } from '#shared/domain/offer.ts';

const sfn = new SFNClient({});

/** A repeated start finds the execution already there, running or (when the journey has ended) closed. */
const startExecutionOnce = async (command: StartExecutionCommand): Promise<void> => {
  try {
    await sfn.send(command);
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
};

export type StartResult =
  | { outcome: 'started' | 'already-started'; journey: Journey }
  | { outcome: 'conflict'; journeyId: string }
  | { outcome: 'meeting-passed' };

/**
 * Starts the offer follow-up for an offer, once per offerId. Every write is idempotent, so a retry after a
 * partial failure completes what the first attempt began instead of starting a second journey.
 */
export const startJourney = async (offer: Offer, at: Date): Promise<StartResult> => {
  const journeyId = journeyIdFor(offer.offerId);
  const offerHash = offerFingerprint(offer);
  // A new journey needs a meeting ahead; a retry of one that started earlier still finds its journey.
  if (Date.parse(offer.offerMeetingAt) <= at.getTime() && !(await getOfferClaim(offer.offerId))) {
    return { outcome: 'meeting-passed' };
  }
  const earlier = await claimOffer(offer.offerId, { journeyId, offerHash });
  if (earlier && earlier.offerHash !== offerHash)
    return { outcome: 'conflict', journeyId: earlier.journeyId };

  await putJourneyOnce({
    journeyId,
    offerId: offer.offerId,
    offerHash,
    status: 'offer-follow-up',
    offer,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  });
  await appendEvent(journeyId, 'journey.started', { type: 'journey.started', offerId: offer.offerId });
  await startExecutionOnce(
    new StartExecutionCommand({
      stateMachineArn: process.env.STATE_MACHINE_ARN,
      // Execution names are unique per state machine: the journey id makes a repeated start a no-op.
      name: journeyId,
      // Ids and counters only: people's names and addresses stay out of the execution history.
      input: JSON.stringify({
        journeyId,
        interviewers: offer.interviewers.map((_, index) => ({ index })),
        outcome: { ask: 0 },
      }),
    }),
  );
  const journey = await getJourney(journeyId);
  if (!journey) throw new Error('journey vanished after it was written');
  return { outcome: earlier ? 'already-started' : 'started', journey };
};
