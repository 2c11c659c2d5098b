import { randomBytes } from 'node:crypto';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { readKeySet, rotateKeySet, writeKeySet } from '#shared/links/key-set.ts';
import { now } from '#shared/time/clock.ts';

/** Secrets Manager's four rotation steps, each invoked with the same `ClientRequestToken` (the new version's id). */
export type RotationStep = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';

export interface RotationRequest {
  step: RotationStep;
  secretId: string;
  /** The id of the version this rotation writes. */
  token: string;
}

const secrets = new SecretsManagerClient({});

const pendingValue = async (secretId: string, token: string): Promise<string | undefined> => {
  try {
    const pending = await secrets.send(
      new GetSecretValueCommand({ SecretId: secretId, VersionId: token, VersionStage: 'AWSPENDING' }),
    );
    return pending.SecretString;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/**
 * The new version: the current key set with a fresh random key added and the keys no valid link can use
 * dropped. Written once per rotation: a retried step finds its version and writes nothing.
 */
const createSecret = async ({ secretId, token }: RotationRequest): Promise<void> => {
  if ((await pendingValue(secretId, token)) !== undefined) return;
  const current = await secrets.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }),
  );
  if (!current.SecretString) throw new Error('the current link signing secret is empty');
  const keys = rotateKeySet(readKeySet(current.SecretString), randomBytes(32).toString('hex'), now());
  await secrets.send(
    new PutSecretValueCommand({
      SecretId: secretId,
      ClientRequestToken: token,
      SecretString: writeKeySet(keys),
      VersionStages: ['AWSPENDING'],
    }),
  );
};

/** Before the new version becomes current: it must read as a key set whose newest key is the one just made. */
const testSecret = async ({ secretId, token }: RotationRequest): Promise<void> => {
  const pending = await pendingValue(secretId, token);
  if (pending === undefined) throw new Error('the new link signing key set was not written');
  if (readKeySet(pending).length < 2) throw new Error('the new link signing key set lost its previous key');
};

/** The new version becomes current (the old one is kept as `AWSPREVIOUS` by Secrets Manager). */
const finishSecret = async ({ secretId, token }: RotationRequest): Promise<void> => {
  const { VersionIdsToStages: versions = {} } = await secrets.send(
    new DescribeSecretCommand({ SecretId: secretId }),
  );
  const current = Object.keys(versions).find((id) => versions[id]?.includes('AWSCURRENT'));
  if (current === token) return;
  await secrets.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: token,
      ...(current ? { RemoveFromVersionId: current } : {}),
    }),
  );
};

/** One step of a rotation of the link signing secret. Nothing outside the secret holds the key: `setSecret` has nothing to do. */
export const rotateLinkKeyStep = async (request: RotationRequest): Promise<void> => {
  switch (request.step) {
    case 'createSecret':
      return createSecret(request);
    case 'setSecret':
      return;
    case 'testSecret':
      return testSecret(request);
    case 'finishSecret':
      return finishSecret(request);
  }
};
