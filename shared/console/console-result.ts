import type { SafeHtml } from '#shared/html/escape.ts';
import type { ApiResult } from '#shared/http/api-handler.ts';

/**
 * What a console route answers: a page in the console's frame, a redirect (after every successful POST), or a
 * file to download as it is.
 */
export type ConsoleResult =
  | { redirect: string }
  | { status: number; title: string; body: SafeHtml }
  | { file: ApiResult };
