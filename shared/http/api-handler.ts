import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { JourneyErased } from '#shared/data/erasures.ts';
import { whilePersonWaits } from '#shared/email/person-waiting.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { logger } from '#shared/observability/logger.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export const json = (statusCode: number, body: unknown): ApiResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** A file to download (`text/csv`), named for the browser to save it under. */
export const csv = (filename: string, body: string): ApiResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  },
  body,
});

const mapErrors = (): middy.MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async function mapErrorsToResponses(request) {
    const { error } = request;
    // A change racing the journey's erasure: answered as any request after the erasure is. Should reading the
    // erasure fail too, that failure is answered here like any other: nothing escapes to the runtime's log.
    const answer: unknown =
      error instanceof JourneyErased
        ? await missingJourney(error.journeyId).catch((failure) => failure)
        : error;
    if (answer instanceof HttpError) {
      request.response = json(answer.statusCode, answer.body);
      return;
    }
    // Only the error's name: messages from SDKs can quote keys or addresses.
    logger.error('request failed', { errorName: (answer as Error | undefined)?.name });
    request.response = json(500, { message: 'Something went wrong on our side. Please try again later.' });
  },
});

export type Route = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/**
 * A request a person waits on, as middy's handler (API and pages alike): run within its invocation's time, its
 * mail going ahead of the queue.
 */
export const personRequest =
  (fn: Route) =>
  (event: ApiEvent, context: Context, { signal }: { signal: AbortSignal }): Promise<ApiResult> =>
    withinInvocation(context.getRemainingTimeInMillis(), signal, () =>
      whilePersonWaits(() => fn(event, context)),
    );

/** JSON API routes: handlers throw HttpError for anything the caller should see. */
export const apiHandler = (fn: Route) =>
  middy<ApiEvent, ApiResult>().use(mapErrors()).handler(personRequest(fn));

/** The HR API's JSON bodies: an offer is a few KiB, so anything near this is not one. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The body as text, refused with 413 above `maxBytes` (JSON bodies by default; forms pass their own). */
export const readBody = (event: ApiEvent, maxBytes = MAX_JSON_BODY_BYTES): string => {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(body) > maxBytes) {
    throw new HttpError(413, { message: `The body is larger than ${maxBytes} bytes.` });
  }
  return body;
};

export const readJsonBody = (event: ApiEvent): unknown => {
  const body = readBody(event);
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, { message: 'The body must be JSON.' });
  }
};
