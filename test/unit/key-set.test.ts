import { describe, expect, it } from 'vitest';
import { LONGEST_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';
import {
  KEY_ACTIVATION_MINUTES,
  KEY_CACHE_MINUTES,
  keyId,
  keysInUseAt,
  type LinkKey,
  readKeySet,
  rotateKeySet,
  writeKeySet,
} from '#shared/links/key-set.ts';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const at = new Date('2027-01-10T00:00:00Z');
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const secrets = (keys: readonly { secret: string }[]) => keys.map((key) => key.secret);

describe('the link signing key set', () => {
  it('reads a plain secret, as deployed before key sets, as one key with the id its links carry', () => {
    const [key, ...rest] = readKeySet('a-plain-secret-from-before');
    expect(rest).toEqual([]);
    expect(key?.kid).toBe(keyId('a-plain-secret-from-before'));
    expect(keysInUseAt(readKeySet('a-plain-secret-from-before'), at)).toEqual([
      { kid: keyId('a-plain-secret-from-before'), secret: 'a-plain-secret-from-before' },
    ]);
  });

  it('refuses a key set that is malformed rather than signing with something else', () => {
    expect(() => readKeySet('{"keys":[]}')).toThrow(/malformed/);
    expect(() => readKeySet('{"keys":[{"kid":"a","secret":"","activeFrom":"2027-01-01"}]}')).toThrow();
    expect(() => readKeySet('{"keys":[{"kid":"a","secret":"s","activeFrom":"soon"}]}')).toThrow();
  });

  it('adds a key that signs only once every function has reread the set, and verifies with it at once', () => {
    const rotated = rotateKeySet(readKeySet('old'), 'new', at);
    expect(KEY_ACTIVATION_MINUTES).toBeGreaterThan(KEY_CACHE_MINUTES);
    expect(secrets(readKeySet(writeKeySet(rotated)))).toEqual(['new', 'old']);
    expect(secrets(keysInUseAt(rotated, later(at, (KEY_ACTIVATION_MINUTES - 1) * MINUTE)))).toEqual([
      'old',
      'new',
    ]);
    expect(secrets(keysInUseAt(rotated, later(at, KEY_ACTIVATION_MINUTES * MINUTE)))).toEqual(['new', 'old']);
  });

  it('keeps every key that signed within the longest link lifetime, through rotations in a row', () => {
    let keys: LinkKey[] = readKeySet('key-0');
    for (let month = 1; month <= 12; month += 1) {
      keys = rotateKeySet(keys, `key-${month}`, later(at, month * 30 * DAY));
    }
    // key-k stopped signing as key-(k+1) became active, 30 (k+1) days after `at`: those of the last 198 days
    // stay, from key-5 on (its successor began 180 days after `at`, 180 days before the last rotation).
    expect(LONGEST_LINK_DAYS).toBe(198);
    expect(secrets(keys)).toEqual([
      'key-12',
      'key-11',
      'key-10',
      'key-9',
      'key-8',
      'key-7',
      'key-6',
      'key-5',
    ]);
  });

  it('drops a key only once the longest link lifetime has passed since its successor began to sign', () => {
    const once = rotateKeySet(readKeySet('first'), 'second', at);
    const successorActive = Date.parse(once[0]?.activeFrom ?? '');
    const justBefore = new Date(successorActive + LONGEST_LINK_DAYS * DAY - MINUTE);
    const justAfter = new Date(successorActive + LONGEST_LINK_DAYS * DAY);
    expect(secrets(rotateKeySet(once, 'third', justBefore))).toEqual(['third', 'second', 'first']);
    expect(secrets(rotateKeySet(once, 'third', justAfter))).toEqual(['third', 'second']);
  });
});
