import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { KEY_CACHE_MINUTES, keysInUseAt, type LinkKey, readKeySet } from '#shared/links/key-set.ts';
import type { SigningKey } from '#shared/links/sign.ts';
import { now } from '#shared/time/clock.ts';

let secrets: SecretsManagerClient | undefined;
let loaded: { keys: LinkKey[]; readAt: number } | undefined;
let reading: Promise<LinkKey[]> | undefined;

const fetchKeys = async (): Promise<LinkKey[]> => {
  const secretArn = process.env.LINK_KEY_SECRET_ARN;
  if (secretArn) {
    secrets ??= new SecretsManagerClient({});
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!current.SecretString) throw new Error('link signing secret is empty');
    return readKeySet(current.SecretString);
  }
  // Unit tests sign with a key of their own, without Secrets Manager.
  const local = process.env.LINK_SIGNING_KEY;
  if (local) return readKeySet(local);
  throw new Error('LINK_KEY_SECRET_ARN is not set');
};

/**
 * The keys links are verified against; the first one signs new links. The set is read again every few minutes
 * (on the one clock, so local virtual time moves past it too), which is how a rotation reaches every function.
 * Should that read fail, the set read before still serves: a rotation publishes its key before it signs.
 */
export const signingKeys = async (): Promise<SigningKey[]> => {
  const at = now();
  if (!loaded || at.getTime() - loaded.readAt >= KEY_CACHE_MINUTES * 60 * 1000) {
    reading ??= fetchKeys().finally(() => {
      reading = undefined;
    });
    try {
      loaded = { keys: await reading, readAt: at.getTime() };
    } catch (error) {
      if (!loaded) throw error;
    }
  }
  return keysInUseAt(loaded.keys, at);
};
