import type { ApiRequest } from './api-request.ts';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** Joins the API base (which on AWS carries the stage, `/prod`) with the request's path and query. */
export const httpRequest = (base: string, request: ApiRequest): HttpRequest => {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${request.path}`;
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body === undefined) return { method: request.method, url, headers };
  headers['content-type'] = 'application/json';
  return { method: request.method, url, headers, body: JSON.stringify(request.body) };
};

/** `npm start`'s API answers unsigned on the loopback; everything else is a deployed stack behind IAM. */
export const needsSignature = (url: URL): boolean =>
  !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** `https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod` names its region; a custom domain does not. */
export const regionOfUrl = (url: URL): string | undefined =>
  /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1];
