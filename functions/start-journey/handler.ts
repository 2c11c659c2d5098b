import { latestReplyDeadline } from '#shared/domain/execution-limits.ts';
import { onboardingJourneySchema } from '#shared/domain/hire.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { SESSION_MINUTES } from '#shared/domain/onboarding-schedule.ts';
import { apiHandler, json, readJsonBody } from '#shared/http/api-handler.ts';
import type { Answer, journeyStartedSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { startJourney } from '#shared/journeys/start-journey.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

// A missing field reads better as "required" than as zod's "expected string, received undefined".
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : undefined;

export const handler = apiHandler(async (event) => {
  const body = readJsonBody(event);
  // A hire whose offer phase happened elsewhere starts at onboarding, with no offer fields.
  const schema =
    (body as { phase?: unknown } | null)?.phase === 'onboarding' ? onboardingJourneySchema : offerSchema;
  const parsed = schema.safeParse(body, { error: requiredWhenMissing });
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  const at = now();
  // The offer phase runs in one execution until the decision, so its reply deadline cannot be far off.
  if (parsed.data.phase === 'offer') {
    const latest = latestReplyDeadline(at, parsed.data.timezone);
    if (parsed.data.respondBy > latest) {
      throw badRequest({ respondBy: `must be within six months of today (no later than ${latest})` });
    }
  }
  const result = await startJourney(parsed.data, at);
  if (result.outcome === 'meeting-passed') throw badRequest({ offerMeetingAt: 'must be in the future' });
  if (result.outcome === 'no-round-ahead') {
    throw badRequest({
      startDate:
        'is too far in the past: every round would already have had to start its prep (five business days before its session)',
    });
  }
  if (result.outcome === 'session-time-outside-hours') {
    const { from, to } = result.workingHours;
    throw badRequest({
      'onboarding.sessionTime': `must leave room for a ${SESSION_MINUTES}-minute session within working hours, ${from} to ${to}`,
    });
  }
  if (result.outcome === 'conflict') {
    throw new HttpError(409, {
      message: 'This offerId (or hireId) already started a journey with different details.',
      journeyId: result.journeyId,
    });
  }
  if (result.outcome === 'erased') {
    throw new HttpError(409, {
      message:
        'The journey of this offerId (or hireId) was erased on request and cannot start again. ' +
        'If the person asks to be followed up anew, start a journey under a new offerId or hireId.',
      journeyId: result.journeyId,
      status: 'erased',
    });
  }
  logger.info('journey started', { journeyId: result.journey.journeyId, outcome: result.outcome });
  return json(result.outcome === 'started' ? 201 : 200, {
    journeyId: result.journey.journeyId,
    status: result.journey.status,
    roundsLeftOut: result.journey.roundsLeftOut,
  } satisfies Answer<typeof journeyStartedSchema>);
});
