import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signFormLink, verifyFormLink } from '#shared/links/sign.ts';

const secrets = mockClient(SecretsManagerClient);
const claims = { journeyId: 'j-1', formId: 'f-1', exp: Date.parse('2027-01-01T00:00:00Z') / 1000 };
const now = new Date('2026-12-01T00:00:00Z');

// The module caches keys per container: each test loads it afresh, as a new container would.
const loadKeys = async () => {
  vi.resetModules();
  const { signingKeys } = await import('#shared/links/signing-keys.ts');
  return signingKeys();
};

beforeEach(() => {
  secrets.reset();
  delete process.env.LINK_SIGNING_KEY;
  process.env.LINK_KEY_SECRET_ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:links';
});

describe('link signing keys from Secrets Manager', () => {
  it('signs with the current key and still verifies links signed before a rotation', async () => {
    // General behaviour first, the more specific one after it: that is how aws-sdk-client-mock matches.
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: 'the-key-after-rotation' })
      .on(GetSecretValueCommand, { VersionStage: 'AWSPREVIOUS' })
      .resolves({ SecretString: 'the-key-before-rotation' });
    const beforeRotation = signFormLink(claims, {
      kid: (await loadKeysWithOnly('the-key-before-rotation'))[0]?.kid ?? '',
      secret: 'the-key-before-rotation',
    });

    const keys = await loadKeys();
    expect(keys).toHaveLength(2);
    expect(keys[0]?.secret).toBe('the-key-after-rotation');
    expect(verifyFormLink(beforeRotation, keys, now).ok).toBe(true);
  });

  it('works with a secret that was never rotated', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: 'only-key' })
      .on(GetSecretValueCommand, { VersionStage: 'AWSPREVIOUS' })
      .rejects(new ResourceNotFoundException({ message: 'no previous version', $metadata: {} }));
    const keys = await loadKeys();
    expect(keys.map((key) => key.secret)).toEqual(['only-key']);
  });
});

/** The key id a container derives from a secret, read through the same code path. */
const loadKeysWithOnly = async (secret: string) => {
  process.env.LINK_SIGNING_KEY = secret;
  const keys = await loadKeys();
  delete process.env.LINK_SIGNING_KEY;
  return keys;
};
