import middy from '@middy/core';
import { JourneyErased } from '#shared/data/erasures.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { type ApiEvent, type ApiResult, personRequest, type Route } from '#shared/http/api-handler.ts';
import { logger } from '#shared/observability/logger.ts';
import { type NoticeKind, renderNoticePage } from '#shared/pages/notice-page.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';

export const page = (statusCode: number, html: string): ApiResult => ({
  statusCode,
  headers: { ...pageHeaders },
  body: html,
});

export const noticePage = (kind: NoticeKind, locale: Locale): ApiResult => {
  const notice = renderNoticePage(kind, locale);
  return page(notice.status, notice.html);
};

const mapErrorsToPage = (): middy.MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async function showUnavailablePage(request) {
    // A form answered while its journey was being erased: closed, as its link shows from now on.
    if (request.error instanceof JourneyErased) {
      request.response = noticePage('closed', 'ja');
      return;
    }
    logger.error('page request failed', { errorName: request.error?.name });
    request.response = noticePage('unavailable', 'ja');
  },
});

/** Routes people open in a browser: every failure becomes a readable page, never a stack trace. */
export const pageHandler = (fn: Route) =>
  middy<ApiEvent, ApiResult>().use(mapErrorsToPage()).handler(personRequest(fn));
