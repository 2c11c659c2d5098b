import { loadCompanyCalendar } from '#shared/data/company-calendar.ts';
import { getErasure } from '#shared/data/erasures.ts';
import {
  claimJourneyKey,
  getClaim,
  getJourney,
  type Journey,
  putJourneyOnce,
} from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { hireFromOffer, hireFromRequest, type OnboardingJourneyRequest } from '#shared/domain/hire.ts';
import { journeyIdFor, offerFingerprint } from '#shared/domain/ids.ts';
import type { Offer } from '#shared/domain/offer.ts';
import { planRounds, roundsStillAhead } from '#shared/domain/onboarding-schedule.ts';
import { scheduleOnboarding } from '#shared/journeys/schedule-onboarding.ts';
import { startExecutionOnce } from '#shared/journeys/start-execution.ts';

export type JourneyRequest = Offer | OnboardingJourneyRequest;

export type StartResult =
  | { outcome: 'started' | 'already-started'; journey: Journey }
  | { outcome: 'conflict'; journeyId: string }
  | { outcome: 'erased'; journeyId: string }
  | { outcome: 'meeting-passed' }
  | { outcome: 'no-round-ahead' };

const journeyKeyOf = (request: JourneyRequest): string =>
  request.phase === 'onboarding' ? `hire:${request.hireId}` : `offer:${request.offerId}`;

/**
 * Starts a journey once per offerId (or hireId). Every write is idempotent, so a retry after a partial failure
 * completes what the first attempt began instead of starting a second journey.
 */
export const startJourney = async (request: JourneyRequest, at: Date): Promise<StartResult> => {
  const key = journeyKeyOf(request);
  const journeyId = journeyIdFor(key);
  const requestHash = offerFingerprint(request);
  // An erased journey's key never starts a journey again: the person asked for their data to go, and a retry of
  // the original request from HR's systems must not quietly bring it back.
  if (await getErasure(journeyId)) return { outcome: 'erased', journeyId };
  // A new journey needs a meeting ahead; a retry of one that started earlier still finds its journey.
  if (
    request.phase === 'offer' &&
    Date.parse(request.offerMeetingAt) <= at.getTime() &&
    !(await getClaim(key))
  ) {
    return { outcome: 'meeting-passed' };
  }
  // A hire posted after their start date runs only the rounds whose prep can still run in full.
  let roundsLeftOut: number[] | undefined;
  if (request.phase === 'onboarding' && !(await getClaim(key))) {
    const planned = planRounds(hireFromRequest(request), request.onboarding, await loadCompanyCalendar());
    const ahead = roundsStillAhead(planned, at);
    if (ahead.length === 0) return { outcome: 'no-round-ahead' };
    const leftOut = planned.filter((plan) => !ahead.includes(plan)).map((plan) => plan.round);
    if (leftOut.length > 0) roundsLeftOut = leftOut;
  }
  const earlier = await claimJourneyKey(key, { journeyId, requestHash });
  if (earlier && earlier.requestHash !== requestHash)
    return { outcome: 'conflict', journeyId: earlier.journeyId };

  const common = {
    journeyId,
    key,
    requestHash,
    onboarding: request.onboarding,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  if (request.phase === 'onboarding') {
    await putJourneyOnce({
      ...common,
      phase: 'onboarding',
      hireId: request.hireId,
      status: 'awaiting-start',
      hire: hireFromRequest(request),
      roundsLeftOut,
    });
    await appendEvent(journeyId, 'journey.started', { type: 'journey.started', phase: 'onboarding' });
    await scheduleOnboarding(journeyId);
  } else {
    await putJourneyOnce({
      ...common,
      phase: 'offer',
      status: 'offer-follow-up',
      offer: request,
      hire: hireFromOffer(request),
    });
    await appendEvent(journeyId, 'journey.started', { type: 'journey.started', phase: 'offer' });
    await startExecutionOnce('STATE_MACHINE_ARN', journeyId, {
      journeyId,
      interviewers: request.interviewers.map((_, index) => ({ index })),
      outcome: { ask: 0 },
    });
  }
  const journey = await getJourney(journeyId);
  if (!journey) throw new Error('journey vanished after it was written');
  return { outcome: earlier ? 'already-started' : 'started', journey };
};
