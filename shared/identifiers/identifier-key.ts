import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const secrets = new SecretsManagerClient({});
let cached: Promise<string> | undefined;

const fetchKey = async (): Promise<string> => {
  const local = process.env.IDENTIFIER_KEY;
  if (local) return local;
  const secretArn = process.env.IDENTIFIER_KEY_SECRET_ARN;
  if (!secretArn) throw new Error('IDENTIFIER_KEY_SECRET_ARN is not set');
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('identifier key secret is empty');
  return SecretString;
};

/**
 * The deployment's key for the ids derived from HR's ids (journey ids, calendar UIDs): without it, nobody
 * holding an offerId can work out which journey, erasure record or calendar entry is that person's. Never
 * rotated, since every id derived from it would change. Read once per container.
 */
export const identifierKey = (): Promise<string> => {
  cached ??= fetchKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
};
