import type { ApiResult } from '#shared/http/api-handler.ts';
import { openApiDocument } from '#shared/http/openapi-document.ts';

// Once per cold start: the routes and schemas it describes are fixed in the bundle.
const body = JSON.stringify(openApiDocument());

/**
 * Without `apiHandler`: nothing here can fail per request, and leaving out its error mapping and mail pacing
 * keeps the AWS SDK out of this bundle.
 */
export const handler = async (): Promise<ApiResult> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body,
});
