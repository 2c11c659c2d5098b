import { DateTime } from 'luxon';
import { getErasure } from '#shared/data/erasures.ts';
import {
  claimJourneyKey,
  getClaim,
  getJourney,
  type Journey,
  JourneyNotFoundError,
  putJourneyOnce,
} from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { hireFromOffer, hireFromRequest } from '#shared/domain/hire.ts';
import { journeyIdFor, offerFingerprint, unkeyedJourneyIdFor } from '#shared/domain/ids.ts';
import {
  DEFAULT_TEMPLATE_NAME,
  type JourneyTemplateCopy,
  templateOf,
} from '#shared/domain/journey-template.ts';
import type { Offer } from '#shared/domain/offer.ts';
import type { OnboardingJourneyRequest } from '#shared/domain/onboarding-request.ts';
import {
  planRounds,
  type RoundPlan,
  roundsStillAhead,
  sessionEndsAt,
} from '#shared/domain/onboarding-schedule.ts';
import { identifierKey } from '#shared/identifiers/identifier-key.ts';
import { sweepErasedJourney } from '#shared/journeys/erase-journey.ts';
import { scheduleOnboarding } from '#shared/journeys/schedule-onboarding.ts';
import { startExecutionOnce } from '#shared/journeys/start-execution.ts';

export type JourneyRequest = Offer | OnboardingJourneyRequest;

export type StartResult =
  | { outcome: 'started' | 'already-started'; journey: Journey }
  | { outcome: 'conflict'; journeyId: string }
  | { outcome: 'erased'; journeyId: string }
  | { outcome: 'meeting-passed' }
  | { outcome: 'no-round-ahead'; prepLeadBusinessDays: number }
  | {
      outcome: 'session-time-outside-hours';
      workingHours: { from: string; to: string };
      sessionMinutes: number;
    };

const journeyKeyOf = (request: JourneyRequest): string =>
  request.phase === 'onboarding' ? `hire:${request.hireId}` : `offer:${request.offerId}`;

/**
 * Starts a journey once per offerId (or hireId). Every write is idempotent, so a retry after a partial failure
 * completes what the first attempt began instead of starting a second journey.
 *
 * An erasure of the same journey may run meanwhile. Whatever this start wrote before the erasure was recorded,
 * the erasure sweeps; finding the record after its writes, the start takes back what it began (the claim, the
 * journey's items, an execution it started) and answers as for an erased journey.
 */
export const startJourney = async (
  request: JourneyRequest,
  at: Date,
  template?: JourneyTemplateCopy,
): Promise<StartResult> => {
  const key = journeyKeyOf(request);
  const claim = await getClaim(key);
  // A journey started before ids were keyed keeps the id its claim names.
  const journeyId = claim?.journeyId ?? journeyIdFor(key, await identifierKey());
  // An erased journey's key never starts a journey again: the person asked for their data to go, and a retry of
  // the original request from HR's systems must not quietly bring it back.
  if (await getErasure(journeyId)) return { outcome: 'erased', journeyId };
  const unkeyed = unkeyedJourneyIdFor(key);
  if (await getErasure(unkeyed)) return { outcome: 'erased', journeyId: unkeyed };
  // A retry of a journey that started earlier skips what a new one must pass, and finds its journey.
  let roundsLeftOut: number[] | undefined;
  if (!claim) {
    const plan = await planNewJourney(request, at, template);
    if ('outcome' in plan) return plan;
    roundsLeftOut = plan.roundsLeftOut;
  }
  let result: StartResult | undefined;
  try {
    result = await writeJourney(request, key, journeyId, at, roundsLeftOut, template);
  } catch (error) {
    // An erasure deleting the journey under a start shows up as anything from JourneyErased to a missing item.
    if (!(await getErasure(journeyId))) throw error;
  }
  if (result && !(await getErasure(journeyId))) return result;
  await sweepErasedJourney(journeyId, key);
  return { outcome: 'erased', journeyId };
};

type Refusal = Extract<
  StartResult,
  { outcome: 'meeting-passed' | 'no-round-ahead' | 'session-time-outside-hours' }
>;

/**
 * What a new journey must pass: a meeting ahead, HR's usual session time within the company's working hours, and
 * a round whose prep can still run in full. A hire posted after their start date runs only the rounds whose prep
 * can still run in full.
 */
const planNewJourney = async (
  request: JourneyRequest,
  at: Date,
  named: JourneyTemplateCopy | undefined,
): Promise<Refusal | { roundsLeftOut?: number[] }> => {
  if (request.phase === 'offer' && Date.parse(request.offerMeetingAt) <= at.getTime()) {
    return { outcome: 'meeting-passed' };
  }
  const calendar = await loadCompanyCalendar();
  const hire = request.phase === 'onboarding' ? hireFromRequest(request) : hireFromOffer(request);
  const template = templateOf({ template: named, onboarding: request.onboarding });
  const planned = planRounds(hire, request.onboarding, template, calendar);
  const fits = (plan: RoundPlan) =>
    calendar.holdsMeeting(DateTime.fromISO(plan.sessionAt, { setZone: true }), sessionEndsAt(plan));
  if (!planned.every(fits)) {
    return {
      outcome: 'session-time-outside-hours',
      workingHours: calendar.settings.workingHours,
      sessionMinutes: template.sessionMinutes,
    };
  }
  if (request.phase === 'offer') return {};
  const ahead = roundsStillAhead(planned, at);
  if (ahead.length === 0) {
    return { outcome: 'no-round-ahead', prepLeadBusinessDays: template.prepLeadBusinessDays };
  }
  const leftOut = planned.filter((plan) => !ahead.includes(plan)).map((plan) => plan.round);
  return leftOut.length > 0 ? { roundsLeftOut: leftOut } : {};
};

const writeJourney = async (
  request: JourneyRequest,
  key: string,
  journeyId: string,
  at: Date,
  roundsLeftOut: number[] | undefined,
  template: JourneyTemplateCopy | undefined,
): Promise<StartResult> => {
  const requestHash = offerFingerprint(request);
  const earlier = await claimJourneyKey(key, { journeyId, requestHash });
  if (earlier && earlier.requestHash !== requestHash)
    return { outcome: 'conflict', journeyId: earlier.journeyId };

  const common = {
    journeyId,
    key,
    requestHash,
    onboarding: request.onboarding,
    ...(template ? { template } : {}),
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const initialStatus = request.phase === 'onboarding' ? 'awaiting-start' : 'offer-follow-up';
  await putJourneyOnce(
    request.phase === 'onboarding'
      ? {
          ...common,
          phase: 'onboarding',
          hireId: request.hireId,
          status: initialStatus,
          hire: hireFromRequest(request),
          roundsLeftOut,
        }
      : { ...common, phase: 'offer', status: initialStatus, offer: request, hire: hireFromOffer(request) },
  );
  await appendEvent(journeyId, 'journey.started', {
    type: 'journey.started',
    phase: request.phase,
    // HR's own id, once: how HR's systems tell which of their offers or hires the journey's other events are about.
    ...(request.phase === 'onboarding' ? { hireId: request.hireId } : { offerId: request.offerId }),
    template: template?.name ?? DEFAULT_TEMPLATE_NAME,
  });
  const journey = await getJourney(journeyId);
  if (!journey) throw new JourneyNotFoundError(journeyId);
  // A repeat finishes what an earlier attempt left undone, and only while the journey is where that attempt
  // left it: one that has begun, ended or been flagged since is answered as it is, and changed in nothing.
  if (journey.status === initialStatus) {
    if (request.phase === 'onboarding') await scheduleOnboarding(journeyId);
    else await startExecutionOnce('STATE_MACHINE_ARN', journeyId, { journeyId });
  }
  return { outcome: earlier ? 'already-started' : 'started', journey };
};
