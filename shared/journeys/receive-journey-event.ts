import type * as z from 'zod';
import { getClaim } from '#shared/data/journeys.ts';
import {
  cancellationReasons,
  employeeLeftSchema,
  hireCancelledSchema,
  type IncomingDetailType,
  isIncomingDetailType,
  journeyKeyOf,
  offerWithdrawnSchema,
  startDateChangedSchema,
} from '#shared/domain/incoming-events.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';

/** An event as EventBridge hands it to a rule's target: only what applying it reads. */
export interface IncomingEvent {
  id?: unknown;
  'detail-type'?: unknown;
  detail?: unknown;
}

const parseDetail = <S extends z.ZodType>(schema: S, detail: unknown): z.infer<S> => {
  const parsed = schema.safeParse(detail);
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  return parsed.data;
};

/** The journey started under an offerId or hireId, found through its claim, or a 404 the sender must fix. */
const journeyIdOf = async (detail: { offerId?: string; hireId?: string }): Promise<string> => {
  const claim = await getClaim(journeyKeyOf(detail));
  if (!claim) {
    throw new HttpError(404, {
      message: `No journey was started for this ${detail.offerId !== undefined ? 'offerId' : 'hireId'}.`,
    });
  }
  return claim.journeyId;
};

// Each kind of event imports its use case with the first event of that kind: a container that only ever moves
// start dates never loads what starting a journey takes (the offer's schemas, the planning, the first mails).
const apply = async (type: IncomingDetailType, detail: unknown, at: Date): Promise<string> => {
  switch (type) {
    case 'OfferIssued': {
      // A hire whose offer phase happened elsewhere has no offer to issue: HR's systems post it to /journeys.
      if ((detail as { phase?: unknown } | null)?.phase === 'onboarding') {
        throw badRequest({
          phase: 'must be "offer" (or left out): a hire with no offer phase is posted to /journeys',
        });
      }
      const { startJourneyRequest } = await import('#shared/journeys/start-journey-request.ts');
      return (await startJourneyRequest(detail, at)).journey.journeyId;
    }
    case 'StartDateChanged': {
      const { startDate, ...key } = parseDetail(startDateChangedSchema, detail);
      const journeyId = await journeyIdOf(key);
      const { moveJourneyRequest } = await import('#shared/journeys/move-journey-request.ts');
      await moveJourneyRequest(journeyId, { startDate });
      return journeyId;
    }
    case 'OfferWithdrawn': {
      const journeyId = await journeyIdOf(parseDetail(offerWithdrawnSchema, detail));
      const { cancelJourneyRequest } = await import('#shared/journeys/cancel-journey-request.ts');
      await cancelJourneyRequest(journeyId, { reason: cancellationReasons.OfferWithdrawn });
      return journeyId;
    }
    case 'HireCancelled': {
      const journeyId = await journeyIdOf(parseDetail(hireCancelledSchema, detail));
      const { cancelJourneyRequest } = await import('#shared/journeys/cancel-journey-request.ts');
      await cancelJourneyRequest(journeyId, { reason: cancellationReasons.HireCancelled });
      return journeyId;
    }
    case 'EmployeeLeft': {
      const { on, reason, ...key } = parseDetail(employeeLeftSchema, detail);
      const journeyId = await journeyIdOf(key);
      const { recordDepartureRequest } = await import('#shared/journeys/record-departure-request.ts');
      await recordDepartureRequest(journeyId, { on, reason }, at);
      return journeyId;
    }
  }
};

/**
 * Applies an event from HR's systems through the use case its API request would run, so an event and a request
 * are checked and recorded alike, and a redelivery, like a retried request, changes nothing. What the sender must
 * fix is thrown as the HttpError the API would answer (400 with a message per field, 404, 409, 410), before
 * anything is written; the journey's id comes back.
 */
export const receiveJourneyEvent = async (event: IncomingEvent, at: Date): Promise<string> => {
  const type = event['detail-type'];
  if (!isIncomingDetailType(type)) throw badRequest({ 'detail-type': 'is not an event this service takes' });
  return apply(type, event.detail, at);
};
