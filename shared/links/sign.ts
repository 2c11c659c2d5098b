import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Emailed form links carry `<payload>.<signature>`: the payload names a form record and an expiry, never a
 * task token, and the signature is an HMAC under a key identified by `kid`, so keys can rotate while older
 * links stay verifiable for as long as their key is still offered.
 */
export interface SigningKey {
  kid: string;
  secret: string;
}

export interface FormLinkClaims {
  journeyId: string;
  formId: string;
  /** Epoch seconds. */
  exp: number;
  /** Which of the form's links this is: a link sent afresh counts up, and only the newest opens the form. */
  gen?: number;
}

export type LinkCheck =
  | { ok: true; claims: FormLinkClaims }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; claims: FormLinkClaims };

const mac = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(payload).digest();

export const signFormLink = (claims: FormLinkClaims, key: SigningKey): string => {
  const payload = Buffer.from(JSON.stringify({ ...claims, kid: key.kid })).toString('base64url');
  return `${payload}.${mac(key.secret, payload).toString('base64url')}`;
};

const isClaims = (value: unknown): value is FormLinkClaims & { kid: string } => {
  if (typeof value !== 'object' || value === null) return false;
  const { journeyId, formId, exp, kid, gen } = value as Record<string, unknown>;
  return (
    typeof journeyId === 'string' &&
    typeof formId === 'string' &&
    typeof kid === 'string' &&
    typeof exp === 'number' &&
    Number.isFinite(exp) &&
    (gen === undefined || Number.isSafeInteger(gen))
  );
};

const parsePayload = (payload: string): unknown => {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

export const verifyFormLink = (token: string, keys: readonly SigningKey[], now: Date): LinkCheck => {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'invalid' };
  const claims = parsePayload(payload);
  if (!isClaims(claims)) return { ok: false, reason: 'invalid' };
  const key = keys.find((candidate) => candidate.kid === claims.kid);
  if (!key) return { ok: false, reason: 'invalid' };
  const expected = mac(key.secret, payload);
  const given = Buffer.from(signature, 'base64url');
  // Node's decoder skips stray characters, padding and unused low bits, so many spellings decode to the same
  // bytes: only the one this module writes is a link, or every link would have look-alikes that also work.
  const canonical = given.toString('base64url') === signature;
  if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const { journeyId, formId, exp, gen } = claims;
  const verified = { journeyId, formId, exp, ...(gen === undefined ? {} : { gen }) };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired', claims: verified };
  return { ok: true, claims: verified };
};
