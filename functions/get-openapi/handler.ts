import type { ApiResult } from '#shared/http/api-handler.ts';
import document from '../../docs/openapi.json' with { type: 'json' };

// The document as `npm run openapi` wrote it from the schemas (a test keeps it current): read once per cold start,
// without zod or the schemas themselves.
const body = JSON.stringify(document);

/**
 * Without `apiHandler`: nothing here can fail per request, and leaving out its error mapping and mail pacing
 * keeps the AWS SDK out of this bundle.
 */
export const handler = async (): Promise<ApiResult> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body,
});
