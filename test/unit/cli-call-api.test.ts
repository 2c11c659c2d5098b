import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallError, callApi } from '#shared/cli/call-api.ts';

const deployed = 'https://abc.execute-api.ap-northeast-1.amazonaws.com';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
const answering = (status: number, body: string) => {
  const fetch = vi.fn(async () => new Response(body, { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
};
const sentHeaders = (fetch: ReturnType<typeof answering>) =>
  (fetch.mock.calls[0] as unknown as [URL, RequestInit])[1].headers as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('follow-up API calls', () => {
  it('signs a call to a deployed stack with the region of its URL', async () => {
    const fetch = answering(200, '{"items":[]}');
    const answer = await callApi({ base: deployed, credentials }, { method: 'GET', path: '/journeys' });
    expect(answer).toEqual({ status: 200, body: { items: [] } });
    expect(sentHeaders(fetch).authorization).toMatch(/\/ap-northeast-1\/execute-api\/aws4_request, /);
  });

  it('calls the local API unsigned, without looking for credentials', async () => {
    const fetch = answering(404, '{"message":"Not found"}');
    const noCredentials = vi.fn(async () => {
      throw new Error('none');
    });
    const answer = await callApi(
      { base: 'http://127.0.0.1:3000', credentials: noCredentials },
      { method: 'GET', path: '/journeys/j-1' },
    );
    expect(answer).toEqual({ status: 404, body: { message: 'Not found' } });
    expect(sentHeaders(fetch).authorization).toBeUndefined();
    expect(noCredentials).not.toHaveBeenCalled();
  });

  it('sends nothing to a deployed stack without credentials or a region', async () => {
    const fetch = answering(200, '{}');
    const missing = async () => {
      throw new Error('Could not load credentials from any providers');
    };
    await expect(
      callApi({ base: deployed, credentials: missing }, { method: 'DELETE', path: '/journeys/j-1' }),
    ).rejects.toThrow(/no AWS credentials found/);
    await expect(
      callApi({ base: 'https://hr-api.example.co.jp', credentials }, { method: 'GET', path: '/journeys' }),
    ).rejects.toThrow(CallError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps a plain-text refusal as it came', async () => {
    answering(403, 'Forbidden');
    expect(await callApi({ base: deployed, credentials }, { method: 'GET', path: '/journeys' })).toEqual({
      status: 403,
      body: 'Forbidden',
    });
  });
});
