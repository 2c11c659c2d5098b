import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { signFormLink, verifyFormLink } from '#shared/links/sign.ts';

// The real comparison, watched: a plain `===` or `Buffer.equals` in its place returns as soon as a byte differs,
// which tells a forger how much of a guessed signature is right.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const key = { kid: 'k1', secret: 'comparison-test-key' };
const claims = { journeyId: 'j-1', formId: 'f-1', exp: Date.parse('2027-01-01T00:00:00Z') / 1000 };
const now = new Date('2026-12-01T00:00:00Z');

describe('the signature comparison', () => {
  it('compares every signature, right or forged, in constant time', () => {
    const token = signFormLink(claims, key);
    const [payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(signature, 'base64url');
    const forgedBytes = Buffer.from(expected);
    forgedBytes[forgedBytes.length - 1] = (forgedBytes.at(-1) ?? 0) ^ 0xff;
    const forged = `${payload}.${forgedBytes.toString('base64url')}`;
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();

    expect(verifyFormLink(token, [key], now).ok).toBe(true);
    expect(verifyFormLink(forged, [key], now)).toEqual({ ok: false, reason: 'invalid' });
    expect(compare).toHaveBeenCalledTimes(2);
    expect(compare.mock.calls.map(([given]) => Buffer.from(given as Uint8Array))).toEqual([
      expected,
      forgedBytes,
    ]);
  });
});
