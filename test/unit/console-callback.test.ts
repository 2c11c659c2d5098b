import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { consoleHandler } from '#shared/console/console-handler.ts';
import { finishSignIn } from '#shared/console/oidc-sign-in.ts';
import type { ApiEvent, ApiResult } from '#shared/http/api-handler.ts';

vi.mock('#shared/console/oidc-sign-in.ts', async (original) => ({
  ...(await original<typeof import('#shared/console/oidc-sign-in.ts')>()),
  finishSignIn: vi.fn(),
}));

Object.assign(process.env, {
  LINK_SIGNING_KEY: 'console-callback-test-key',
  OIDC_ISSUER: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool',
  OIDC_CLIENT_ID: 'client',
  BASE_URL: 'https://console.example.com',
});

const handler = consoleHandler({});
const callback = (): Promise<ApiResult> =>
  handler(
    {
      routeKey: 'GET /console/callback',
      rawPath: '/console/callback',
      rawQueryString: 'code=c&state=s',
      cookies: ['__Host-journeys-sign-in=sealed'],
      headers: {},
      requestContext: { http: { method: 'GET' } },
    } as unknown as ApiEvent,
    lambdaContext('console'),
  );

const user = { sub: 's', email: 'hr@example.com', name: '佐藤 綾', groups: ['hr' as const] };

beforeEach(() => vi.mocked(finishSignIn).mockReset());

describe("the console's callback", () => {
  it('opens a session and goes on to the page asked for, but never off the console', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    vi.mocked(finishSignIn).mockResolvedValue({
      ok: true,
      user,
      expiresAt,
      next: '/console?status=onboarding',
    });
    const result = await callback();
    expect([result.statusCode, result.headers?.location]).toEqual([302, '/console?status=onboarding']);
    expect(result.cookies).toEqual([
      expect.stringMatching(/^__Host-journeys-sign-in=; Path=\/; Max-Age=0;/),
      expect.stringMatching(
        /^__Host-journeys-session=[\w.-]+; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/,
      ),
    ]);
    vi.mocked(finishSignIn).mockResolvedValue({ ok: true, user, expiresAt, next: '//evil.example' });
    expect((await callback()).headers?.location).toBe('/console');
  });

  it('shows someone in neither HR group a readable 403 page, and opens no session', async () => {
    vi.mocked(finishSignIn).mockResolvedValue({ ok: false, reason: 'not-hr' });
    const result = await callback();
    expect(result.statusCode).toBe(403);
    expect(result.body).toContain('このコンソールは人事担当者向けです');
    expect(result.body).toContain('not in an HR group');
    expect(result.cookies).toEqual([expect.stringMatching(/^__Host-journeys-sign-in=; /)]);
  });

  it('asks to sign in again after a refused, replayed or stale answer', async () => {
    for (const reason of ['refused', 'no-sign-in'] as const) {
      vi.mocked(finishSignIn).mockResolvedValue({ ok: false, reason });
      const result = await callback();
      expect([reason, result.statusCode]).toEqual([reason, 400]);
      expect(result.body).toContain('href="/console/sign-in"');
    }
  });
});
