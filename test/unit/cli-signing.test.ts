import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { httpRequest } from '#shared/cli/http-request.ts';
import { signRequest } from '#shared/cli/sign-request.ts';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const at = new Date('2026-12-02T05:30:00Z');
const request = httpRequest('https://abc.execute-api.ap-northeast-1.amazonaws.com/prod', {
  method: 'POST',
  path: '/journeys/j-1/cancel',
  query: { b: '2', a: '1' },
  body: { reason: 'resigned' },
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();

/** SigV4 worked out by hand from AWS's specification, to check the signer against something other than itself. */
const expectedSignature = (headers: Record<string, string>, signedHeaders: string[]) => {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const canonicalRequest = [
    'POST',
    '/prod/journeys/j-1/cancel',
    'a=1&b=2',
    ...signedHeaders.map((name) => `${name}:${lower[name]?.trim()}`),
    '',
    signedHeaders.join(';'),
    sha256('{"reason":"resigned"}'),
  ].join('\n');
  const scope = '20261202/ap-northeast-1/execute-api/aws4_request';
  const toSign = ['AWS4-HMAC-SHA256', '20261202T053000Z', scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, '20261202');
  for (const part of ['ap-northeast-1', 'execute-api', 'aws4_request']) key = hmac(key, part);
  return hmac(key, toSign).toString('hex');
};

describe('follow-up request signing', () => {
  it('signs for execute-api in the region, over the host, date and content', async () => {
    const headers = await signRequest(request, credentials, 'ap-northeast-1', at);
    expect(headers['x-amz-date']).toBe('20261202T053000Z');
    const match =
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261202\/ap-northeast-1\/execute-api\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        headers.authorization ?? '',
      );
    expect(match).not.toBeNull();
    const signed = (match?.[1] ?? '').split(';');
    expect(signed).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'content-type']));
    expect(match?.[2]).toBe(expectedSignature(headers, signed));
  });

  it('carries a session token from temporary credentials, and a changed body changes the signature', async () => {
    const withToken = await signRequest(
      request,
      { ...credentials, sessionToken: 'TOKEN' },
      'ap-northeast-1',
      at,
    );
    expect(withToken['x-amz-security-token']).toBe('TOKEN');
    const other = await signRequest(
      { ...request, body: '{"reason":"other"}' },
      credentials,
      'ap-northeast-1',
      at,
    );
    const first = await signRequest(request, credentials, 'ap-northeast-1', at);
    expect(other.authorization).not.toBe(first.authorization);
  });
});
