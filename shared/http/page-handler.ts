import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '#shared/http/api-handler.ts';
import { logger } from '#shared/observability/logger.ts';
import { renderNoticePage } from '#shared/pages/notice-page.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';

export const page = (statusCode: number, html: string): ApiResult => ({
  statusCode,
  headers: { ...pageHeaders },
  body: html,
});

const mapErrorsToPage = (): middy.MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async function showUnavailablePage(request) {
    logger.error('page request failed', { errorName: request.error?.name });
    const notice = renderNoticePage('unavailable', 'ja');
    request.response = page(notice.status, notice.html);
  },
});

/** Routes people open in a browser: every failure becomes a readable page, never a stack trace. */
export const pageHandler = (fn: (event: ApiEvent, context: Context) => Promise<ApiResult>) =>
  middy<ApiEvent, ApiResult>().use(mapErrorsToPage()).handler(fn);
