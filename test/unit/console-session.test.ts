import { describe, expect, it, vi } from 'vitest';
import { readCookie, SESSION_COOKIE } from '#shared/console/cookies.ts';
import { csrfPasses, csrfTokenFor } from '#shared/console/csrf.ts';
import { safeNextPath } from '#shared/console/next-path.ts';
import { seal } from '#shared/console/sealed.ts';
import { openSession, sessionCookie } from '#shared/console/session.ts';
import {
  type ConsoleUser,
  consoleUserOf,
  isHrLead,
  MAX_SESSION_SECONDS,
} from '#shared/domain/console-access.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';
import { readKeySet, rotateKeySet, writeKeySet } from '#shared/links/key-set.ts';
import { useClock } from '#shared/time/clock.ts';

process.env.LINK_SIGNING_KEY = 'console-session-test-key';

const user: ConsoleUser = { sub: 'u-1', email: 'hr@example.com', name: '佐藤 綾', groups: ['hr'] };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

const cookieValue = (setCookie: string) => setCookie.split(';')[0]?.slice(`${SESSION_COOKIE}=`.length) ?? '';
const attributesOf = (setCookie: string) => setCookie.split('; ').slice(1);

describe('the session cookie', () => {
  it('is HttpOnly, Secure, SameSite=Lax on the whole site, and opens to the person it was made for', async () => {
    const cookie = await sessionCookie(user, inAnHour());
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(attributesOf(cookie)).toEqual([
      'Path=/',
      expect.stringMatching(/^Max-Age=3[56]\d\d$/),
      'HttpOnly',
      'Secure',
      'SameSite=Lax',
    ]);
    const session = await openSession(cookieValue(cookie));
    expect(session?.user).toEqual(user);
    expect(session?.sid).toMatch(/^[\w-]{22}$/);
    // Encrypted: neither the address nor the name can be read from the cookie.
    expect(
      Buffer.from(cookieValue(cookie).split('.').join(''), 'base64url').toString('latin1'),
    ).not.toContain('hr@example.com');
  });

  it('lasts as long as the ID token, and never more than a working day', async () => {
    const cookie = await sessionCookie(user, inAnHour() + 7 * 24 * 3600);
    expect(attributesOf(cookie)[1]).toBe(`Max-Age=${MAX_SESSION_SECONDS}`);
  });

  it('refuses a tampered, truncated, expired or other-purpose value, and one sealed with another key', async () => {
    const value = cookieValue(await sessionCookie(user, inAnHour()));
    const parts = value.split('.');
    const flip = (part: string) => `${part.slice(0, 5)}${part[5] === 'A' ? 'B' : 'A'}${part.slice(6)}`;
    for (const index of [0, 2, 3, 4]) {
      const tampered = parts.map((part, at) => (at === index ? flip(part) : part)).join('.');
      expect(await openSession(tampered), `part ${index}`).toBeUndefined();
    }
    expect(await openSession(value.slice(0, -3))).toBeUndefined();
    expect(await openSession(undefined)).toBeUndefined();
    expect(await openSession('eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4In0.')).toBeUndefined();
    const expired = await seal('console-session', { sid: 's', user }, new Date(Date.now() - 60_000));
    expect(await openSession(expired)).toBeUndefined();
    // The sign-in cookie's key is not the session's: one cannot stand in for the other.
    const signIn = await seal('console-sign-in', { sid: 's', user }, new Date(Date.now() + 60_000));
    expect(await openSession(signIn)).toBeUndefined();
  });

  it('is read from the cookies API Gateway hands over, by exact name', () => {
    const event = {
      cookies: ['x__Host-journeys-session=evil', `${SESSION_COOKIE}=good=ish`, 'other=1'],
    } as ApiEvent;
    expect(readCookie(event, SESSION_COOKIE)).toBe('good=ish');
    expect(readCookie({} as ApiEvent, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('who may use the console', () => {
  it('takes the person and only the console groups from verified ID token claims', () => {
    expect(
      consoleUserOf({
        sub: 's',
        email: 'lead@example.com',
        name: '高木',
        'cognito:groups': ['admins', 'hr-lead'],
      }),
    ).toEqual({ sub: 's', email: 'lead@example.com', name: '高木', groups: ['hr-lead'] });
    expect(consoleUserOf({ sub: 's', email: 'x@example.com', 'cognito:groups': ['hr'] })?.name).toBe(
      'x@example.com',
    );
    expect(consoleUserOf({ sub: 's', email: 'x@example.com', 'cognito:groups': ['staff'] })).toBeUndefined();
    expect(consoleUserOf({ sub: 's', email: 'x@example.com' })).toBeUndefined();
    expect(isHrLead({ ...user, groups: ['hr', 'hr-lead'] })).toBe(true);
    expect(isHrLead(user)).toBe(false);
  });
});

describe('the CSRF check', () => {
  const session = { sid: 'session-1', user };
  const origin = 'https://console.example.com';

  it("passes the session's own token from the console's origin only", async () => {
    const token = await csrfTokenFor(session);
    expect(await csrfPasses(session, { origin, token }, origin)).toBe(true);
    expect(await csrfPasses(session, { origin: 'https://evil.example', token }, origin)).toBe(false);
    expect(await csrfPasses(session, { origin: undefined, token }, origin)).toBe(false);
    expect(await csrfPasses(session, { origin: 'null', token }, origin)).toBe(false);
    expect(await csrfPasses(session, { origin, token: undefined }, origin)).toBe(false);
    expect(await csrfPasses(session, { origin, token: `${token}x` }, origin)).toBe(false);
    // Another session's token is worthless here.
    const other = await csrfTokenFor({ sid: 'session-2', user });
    expect(await csrfPasses(session, { origin, token: other }, origin)).toBe(false);
  });

  it('signs nobody out at a rotation of the link key: a session and a page from before it still post', async () => {
    const token = await csrfTokenFor(session);
    const cookie = cookieValue(await sessionCookie(user, inAnHour()));
    const rotatedAt = new Date(Date.now() - 60 * 60 * 1000);
    vi.stubEnv(
      'LINK_SIGNING_KEY',
      writeKeySet(rotateKeySet(readKeySet('console-session-test-key'), 'the-next-key', rotatedAt)),
    );
    // Past the few minutes functions keep the key set they read.
    useClock(() => Date.now() + 10 * 60 * 1000);
    try {
      const afterwards = await csrfTokenFor(session);
      expect(afterwards).not.toBe(token);
      expect(await csrfPasses(session, { origin, token }, origin)).toBe(true);
      expect(await csrfPasses(session, { origin, token: afterwards }, origin)).toBe(true);
      expect((await openSession(cookie))?.user).toEqual(user);
    } finally {
      useClock(Date.now);
      vi.unstubAllEnvs();
    }
  });
});

describe('where signing in leads', () => {
  it('goes on to a console page, with its query', () => {
    for (const next of [
      '/console',
      '/console/',
      '/console?status=onboarding&startMonth=2027-04',
      '/console/journeys/j-0123456789abcdef0123',
    ])
      expect(safeNextPath(next)).toBe(next);
  });

  it('never leaves the console: other sites, other paths and tricks land on the console home', () => {
    for (const next of [
      undefined,
      '',
      'https://evil.example/console',
      '//evil.example/console',
      '/\\evil.example',
      '/console//evil.example',
      '/console/../journeys',
      '/console/./x',
      '/consolex',
      '/journeys',
      '/console/%2F%2Fevil.example',
      '/console\nLocation: x',
      `/console?${'a'.repeat(2000)}`,
    ]) {
      expect([next, safeNextPath(next)]).toEqual([next, '/console']);
    }
  });
});
