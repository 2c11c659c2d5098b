import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY_CACHE_MINUTES, readKeySet, rotateKeySet, writeKeySet } from '#shared/links/key-set.ts';
import { signFormLink, verifyFormLink } from '#shared/links/sign.ts';

const secrets = mockClient(SecretsManagerClient);
const claims = { journeyId: 'j-1', formId: 'f-1', exp: Date.parse('2027-01-01T00:00:00Z') / 1000 };
const start = Date.parse('2026-12-01T00:00:00Z');
let clock = start;

// The module caches keys per container: each test loads it afresh, as a new container would, on a clock the
// test moves.
const loadModule = async () => {
  vi.resetModules();
  (await import('#shared/time/clock.ts')).useClock(() => clock);
  return import('#shared/links/signing-keys.ts');
};

beforeEach(() => {
  secrets.reset();
  clock = start;
  delete process.env.LINK_SIGNING_KEY;
  process.env.LINK_KEY_SECRET_ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:links';
});

describe('link signing keys from Secrets Manager', () => {
  it('reads the plain secret of a deployment from before key sets as its one key', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'only-key' });
    const keys = await (await loadModule()).signingKeys();
    expect(keys).toEqual([{ kid: readKeySet('only-key')[0]?.kid, secret: 'only-key' }]);
  });

  it('signs with the active key and still verifies links signed with every older key in the set', async () => {
    const set = rotateKeySet(
      rotateKeySet(readKeySet('first'), 'second', new Date(start - 60 * 86_400_000)),
      'third',
      new Date(start - 86_400_000),
    );
    secrets.on(GetSecretValueCommand).resolves({ SecretString: writeKeySet(set) });
    const [first] = readKeySet('first');
    const linkFromTwoKeysAgo = signFormLink(claims, first ?? { kid: '', secret: '' });

    const keys = await (await loadModule()).signingKeys();
    expect(keys.map((key) => key.secret)).toEqual(['third', 'second', 'first']);
    expect(verifyFormLink(linkFromTwoKeysAgo, keys, new Date(start)).ok).toBe(true);
  });

  it('reads the set again once it is older than the cache lifetime, and keeps the old set if that fails', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'before' });
    const { signingKeys } = await loadModule();
    expect((await signingKeys()).map((key) => key.secret)).toEqual(['before']);

    const rotated = rotateKeySet(readKeySet('before'), 'after', new Date(clock));
    secrets.on(GetSecretValueCommand).resolves({ SecretString: writeKeySet(rotated) });
    clock += (KEY_CACHE_MINUTES * 60 - 1) * 1000;
    expect((await signingKeys()).map((key) => key.secret)).toEqual(['before']);
    clock += 1000;
    expect((await signingKeys()).map((key) => key.secret)).toEqual(['before', 'after']);

    secrets.on(GetSecretValueCommand).rejects(new Error('Secrets Manager is unavailable'));
    clock += 60 * 60 * 1000;
    expect((await signingKeys()).map((key) => key.secret)).toEqual(['after', 'before']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });

  it('fails when there is no set to fall back on', async () => {
    secrets.on(GetSecretValueCommand).rejects(new Error('Secrets Manager is unavailable'));
    await expect((await loadModule()).signingKeys()).rejects.toThrow(/unavailable/);
  });
});
