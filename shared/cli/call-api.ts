import type { ApiRequest } from './api-request.ts';
import { httpRequest, needsSignature, regionOfUrl } from './http-request.ts';
import { type Credentials, signRequest } from './sign-request.ts';

export interface ApiTarget {
  base: string;
  region?: string;
  credentials: () => Promise<Credentials>;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A failure before any answer, worded for the person at the terminal. */
export class CallError extends Error {
  override name = 'CallError';
}

export const callApi = async (target: ApiTarget, request: ApiRequest): Promise<ApiAnswer> => {
  const http = httpRequest(target.base, request);
  let headers = http.headers;
  if (needsSignature(http.url)) {
    const region = target.region ?? regionOfUrl(http.url);
    if (!region) throw new CallError('no region to sign with: pass --region or set AWS_REGION');
    let credentials: Credentials;
    try {
      credentials = await target.credentials();
    } catch (error) {
      throw new CallError(
        `no AWS credentials found (${(error as Error).message}): set AWS_PROFILE, run "aws sso login", or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`,
      );
    }
    headers = await signRequest(http, credentials, region);
  }
  let response: Response;
  try {
    response = await fetch(http.url, { method: http.method, headers, body: http.body });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new CallError(
      `cannot reach the API at ${target.base}${cause ? ` (${cause})` : ''}: is it running, is --api right?`,
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Gateways answer some refusals (403 from IAM, 502) in plain text: show them as they came.
  }
  return { status: response.status, body };
};
