import { describe, expect, it } from 'vitest';
import { signFormLink, verifyFormLink } from '#shared/links/sign.ts';

const key = { kid: 'k1', secret: 'a-long-random-secret-for-tests-only' };
const claims = { journeyId: 'j-1', formId: 'f-1', exp: Date.parse('2026-12-02T09:00:00Z') / 1000 };
const before = new Date('2026-12-01T00:00:00Z');

describe('form links', () => {
  it('verifies a link it signed and names its form', () => {
    const token = signFormLink(claims, key);
    expect(verifyFormLink(token, [key], before)).toEqual({ ok: true, claims });
  });

  it('carries the link generation of a link sent afresh, signed like the rest', () => {
    const token = signFormLink({ ...claims, gen: 2 }, key);
    expect(verifyFormLink(token, [key], before)).toEqual({ ok: true, claims: { ...claims, gen: 2 } });
    const [payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    forged.gen = 3;
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(verifyFormLink(tampered, [key], before)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a link whose payload was changed to point at another form', () => {
    const [payload, signature] = signFormLink(claims, key).split('.');
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    forged.formId = 'f-2';
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(verifyFormLink(tampered, [key], before)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a link signed with another key, or garbage', () => {
    const token = signFormLink(claims, { kid: 'k1', secret: 'another-secret' });
    expect(verifyFormLink(token, [key], before).ok).toBe(false);
    for (const junk of ['', '.', 'abc', 'a.b.c', '%%%.%%%']) {
      expect(verifyFormLink(junk, [key], before)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('accepts only the signature as written, not look-alikes that decode to the same bytes', () => {
    const token = signFormLink(claims, key);
    const [payload, signature = ''] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lookAlikes = [
      ...[...alphabet].map((char) => `${payload}.${signature.slice(0, -1)}${char}`),
      `${token}=`,
      `${payload}.${signature.slice(0, 10)}!${signature.slice(10)}`,
      `${payload}.${signature.slice(0, 10)}\n${signature.slice(10)}`,
    ].filter((candidate) => candidate !== token);
    for (const lookAlike of lookAlikes) {
      expect(verifyFormLink(lookAlike, [key], before)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('reports an expired link as expired, still naming its form', () => {
    const token = signFormLink(claims, key);
    expect(verifyFormLink(token, [key], new Date('2026-12-02T09:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
      claims,
    });
  });

  it('keeps verifying links signed with an older key while that key is still offered', () => {
    const old = { kid: 'k0', secret: 'the-previous-secret' };
    const token = signFormLink(claims, old);
    expect(verifyFormLink(token, [key, old], before).ok).toBe(true);
  });
});
