import { createHash } from 'node:crypto';
import { LONGEST_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';
import type { SigningKey } from '#shared/links/sign.ts';

/**
 * The link signing secret holds a key set, `{"keys":[{"kid","secret","activeFrom"}]}`, newest first: the newest
 * key already active signs, every key in the set verifies. A rotation adds a key that becomes active only once
 * every function has reread the set, and drops the keys no valid link can still be signed with.
 */
export interface LinkKey extends SigningKey {
  /** ISO 8601: from then on this key signs new links, until a newer one becomes active. */
  activeFrom: string;
}

/** How long a function keeps the key set it read before reading it again. */
export const KEY_CACHE_MINUTES = 5;
/**
 * A new key signs only this long after the rotation: by then every function has reread the set and knows it, so
 * no function ever receives a link signed with a key it has not loaded yet.
 */
export const KEY_ACTIVATION_MINUTES = 2 * KEY_CACHE_MINUTES;

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** What a plain-string secret (as deployed before key sets) counts as: one key, active since ever. */
const SINCE_EVER = new Date(0).toISOString();

/** A key's id, derived from its secret, so the plain-string secret of older deployments keeps its links' id. */
export const keyId = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex').slice(0, 8);

const isLinkKey = (value: unknown): value is LinkKey => {
  if (typeof value !== 'object' || value === null) return false;
  const { kid, secret, activeFrom } = value as Record<string, unknown>;
  return (
    typeof kid === 'string' &&
    typeof secret === 'string' &&
    secret.length > 0 &&
    typeof activeFrom === 'string' &&
    !Number.isNaN(Date.parse(activeFrom))
  );
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const newestFirst = (keys: readonly LinkKey[]): LinkKey[] =>
  [...keys].sort((a, b) => Date.parse(b.activeFrom) - Date.parse(a.activeFrom));

/**
 * The keys a secret's value holds, newest first. A value that is not a key set is a plain secret (every
 * deployment before key sets), read as one key, so the links it signed keep working after the upgrade.
 */
export const readKeySet = (value: string): LinkKey[] => {
  const parsed = parseJson(value);
  if (typeof parsed === 'object' && parsed !== null && 'keys' in parsed) {
    const { keys } = parsed as { keys: unknown };
    if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isLinkKey)) {
      throw new Error('the link signing key set is malformed');
    }
    return newestFirst(keys);
  }
  return [{ kid: keyId(value), secret: value, activeFrom: SINCE_EVER }];
};

export const writeKeySet = (keys: readonly LinkKey[]): string => JSON.stringify({ keys: newestFirst(keys) });

/**
 * The keys in the order links use them at `at`: the newest active key first (it signs), then every other one
 * (they verify, a new key not yet active included).
 */
export const keysInUseAt = (keys: readonly LinkKey[], at: Date): SigningKey[] => {
  const ordered = newestFirst(keys);
  const signing = ordered.find((key) => Date.parse(key.activeFrom) <= at.getTime()) ?? ordered.at(-1);
  if (!signing) throw new Error('the link signing key set is empty');
  return [signing, ...ordered.filter((key) => key !== signing)].map(({ kid, secret }) => ({ kid, secret }));
};

/**
 * The set after a rotation at `at`: `secret` joins as the newest key, active `KEY_ACTIVATION_MINUTES` later;
 * a key stops signing when its successor becomes active, and is dropped once that was more than the longest
 * link lifetime ago (no link it signed can still be valid).
 */
export const rotateKeySet = (keys: readonly LinkKey[], secret: string, at: Date): LinkKey[] => {
  const fresh: LinkKey = {
    kid: keyId(secret),
    secret,
    activeFrom: new Date(at.getTime() + KEY_ACTIVATION_MINUTES * MINUTE_MS).toISOString(),
  };
  const ordered = [fresh, ...newestFirst(keys)];
  const keepAfter = at.getTime() - LONGEST_LINK_DAYS * DAY_MS;
  return ordered.filter((_, index) => {
    const successor = ordered[index - 1];
    return !successor || Date.parse(successor.activeFrom) > keepAfter;
  });
};
