import { getTemplate } from '#shared/data/journey-templates.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { latestReplyDeadline } from '#shared/domain/execution-limits.ts';
import { DEFAULT_TEMPLATE_NAME, type JourneyTemplateCopy } from '#shared/domain/journey-template.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { onboardingJourneySchema } from '#shared/domain/onboarding-request.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';
import { type JourneyRequest, startJourney } from '#shared/journeys/start-journey.ts';

// A missing field reads better as "required" than as zod's "expected string, received undefined".
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : undefined;

export interface StartedJourney {
  /** `started` for a new journey, `already-started` for a retry of the same request. */
  outcome: 'started' | 'already-started';
  journey: Journey;
}

/**
 * Starts a journey from a request as HR sent it, from their systems (`POST /journeys`) or the console's form: one
 * validation for both. Whatever the caller should fix is thrown as an HttpError (400 with a message per field, or
 * 409), before anything is written.
 */
export const startJourneyRequest = async (body: unknown, at: Date): Promise<StartedJourney> => {
  // A hire whose offer phase happened elsewhere starts at onboarding, with no offer fields.
  const schema =
    (body as { phase?: unknown } | null)?.phase === 'onboarding' ? onboardingJourneySchema : offerSchema;
  const parsed = schema.safeParse(body, { error: requiredWhenMissing });
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  // The offer phase runs in one execution until the decision, so its reply deadline cannot be far off.
  if (parsed.data.phase === 'offer') {
    const latest = latestReplyDeadline(at, parsed.data.timezone);
    if (parsed.data.respondBy > latest) {
      throw badRequest({ respondBy: `must be within six months of today (no later than ${latest})` });
    }
  }
  const template = await namedTemplate(parsed.data, body);
  const result = await startJourney(parsed.data, at, template);
  switch (result.outcome) {
    case 'started':
    case 'already-started':
      return result;
    case 'meeting-passed':
      throw badRequest({ offerMeetingAt: 'must be in the future' });
    case 'no-round-ahead':
      throw badRequest({
        startDate: `is too far in the past: every round would already have had to start its prep (${result.prepLeadBusinessDays} business days before its session)`,
      });
    case 'session-time-outside-hours': {
      const { from, to } = result.workingHours;
      throw badRequest({
        'onboarding.sessionTime': `must leave room for a ${result.sessionMinutes}-minute session within working hours, ${from} to ${to}`,
      });
    }
    case 'conflict':
      throw new HttpError(409, {
        message: 'This offerId (or hireId) already started a journey with different details.',
        journeyId: result.journeyId,
      });
    case 'erased':
      throw new HttpError(409, {
        message:
          'The journey of this offerId (or hireId) was erased on request and cannot start again. ' +
          'If the person asks to be followed up anew, start a journey under a new offerId or hireId.',
        journeyId: result.journeyId,
        status: 'erased',
      });
  }
};

/**
 * The template a request names, as it is now: the journey keeps this copy, so a later change of the template
 * never reaches it. None for the default, which the request's `onboarding.rounds` and `monthsBetween` shape; a
 * named template sets the cadence itself, so the request may not set those too.
 */
const namedTemplate = async (
  request: JourneyRequest,
  body: unknown,
): Promise<JourneyTemplateCopy | undefined> => {
  const name = request.template ?? DEFAULT_TEMPLATE_NAME;
  const saved = name === DEFAULT_TEMPLATE_NAME ? undefined : await getTemplate(name);
  const errors: Record<string, string> = {};
  if (name !== DEFAULT_TEMPLATE_NAME && !saved) errors.template = 'unknown template';
  if (name !== DEFAULT_TEMPLATE_NAME) {
    const given = (body as { onboarding?: Record<string, unknown> }).onboarding ?? {};
    for (const field of ['rounds', 'monthsBetween']) {
      if (given[field] !== undefined) errors[`onboarding.${field}`] = 'set by the template: leave it out';
    }
  }
  if (request.onboarding.threePartyFromRound === 1 && (saved?.firstRoundHrOnly ?? true)) {
    errors['onboarding.threePartyFromRound'] =
      'never in round 1, unless the template lets round 1 be three-party';
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  if (!saved) return undefined;
  const { updatedAt: _updatedAt, ...copy } = saved;
  return copy;
};
