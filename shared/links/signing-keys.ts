import { createHash } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SigningKey } from '#shared/links/sign.ts';

const secrets = new SecretsManagerClient({});
let cached: Promise<SigningKey[]> | undefined;

// The key id is derived from the secret itself, so a rotated secret gets a new id without extra bookkeeping.
const toKey = (secret: string): SigningKey => ({
  kid: createHash('sha256').update(secret).digest('hex').slice(0, 8),
  secret,
});

const fetchKeys = async (): Promise<SigningKey[]> => {
  const local = process.env.LINK_SIGNING_KEY;
  if (local) return [toKey(local)];
  const secretArn = process.env.LINK_KEY_SECRET_ARN;
  if (!secretArn) throw new Error('LINK_KEY_SECRET_ARN is not set');
  const current = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!current.SecretString) throw new Error('link signing secret is empty');
  return [toKey(current.SecretString), ...(await previousKey(secretArn))];
};

/**
 * After a rotation, links mailed under the previous key stay valid until they expire: the previous version
 * is still offered for verification (never for signing). A secret never rotated has none.
 */
const previousKey = async (secretArn: string): Promise<SigningKey[]> => {
  try {
    const previous = await secrets.send(
      new GetSecretValueCommand({ SecretId: secretArn, VersionStage: 'AWSPREVIOUS' }),
    );
    return previous.SecretString ? [toKey(previous.SecretString)] : [];
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return [];
    throw error;
  }
};

/** The keys links are verified against; the first one signs new links. Read once per container. */
export const signingKeys = (): Promise<SigningKey[]> => {
  cached ??= fetchKeys().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
};
