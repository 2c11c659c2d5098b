import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rotateLinkKeyStep } from '#shared/links/key-rotation.ts';
import { readKeySet } from '#shared/links/key-set.ts';

const secrets = mockClient(SecretsManagerClient);
const secretId = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:links';
const token = 'version-2';
const noPending = new ResourceNotFoundException({ message: 'no such version', $metadata: {} });

beforeEach(() => {
  secrets.reset();
});

describe('rotating the link signing key', () => {
  it('writes the key set with a fresh key and the current ones as the pending version of the rotation', async () => {
    secrets
      .on(GetSecretValueCommand, { VersionStage: 'AWSCURRENT' })
      .resolves({ SecretString: 'the-plain-key-of-before' })
      .on(GetSecretValueCommand, { VersionStage: 'AWSPENDING' })
      .rejects(noPending);
    await rotateLinkKeyStep({ step: 'createSecret', secretId, token });

    const [put] = secrets.commandCalls(PutSecretValueCommand);
    expect(put?.args[0].input).toMatchObject({
      SecretId: secretId,
      ClientRequestToken: token,
      VersionStages: ['AWSPENDING'],
    });
    const keys = readKeySet(put?.args[0].input.SecretString ?? '');
    expect(keys.map((key) => key.secret).slice(1)).toEqual(['the-plain-key-of-before']);
    expect(keys[0]?.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing again when a step is retried, and makes the version current once', async () => {
    secrets.on(GetSecretValueCommand, { VersionStage: 'AWSPENDING' }).resolves({
      SecretString: JSON.stringify({
        keys: [
          { kid: 'b', secret: 'new', activeFrom: '2027-01-01T00:10:00.000Z' },
          { kid: 'a', secret: 'old', activeFrom: '1970-01-01T00:00:00.000Z' },
        ],
      }),
    });
    await rotateLinkKeyStep({ step: 'createSecret', secretId, token });
    await rotateLinkKeyStep({ step: 'testSecret', secretId, token });
    expect(secrets.commandCalls(PutSecretValueCommand)).toHaveLength(0);

    secrets.on(DescribeSecretCommand).resolves({
      VersionIdsToStages: { 'version-1': ['AWSCURRENT'], [token]: ['AWSPENDING'] },
    });
    await rotateLinkKeyStep({ step: 'finishSecret', secretId, token });
    expect(secrets.commandCalls(UpdateSecretVersionStageCommand)[0]?.args[0].input).toEqual({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: token,
      RemoveFromVersionId: 'version-1',
    });

    secrets.on(DescribeSecretCommand).resolves({
      VersionIdsToStages: { 'version-1': ['AWSPREVIOUS'], [token]: ['AWSCURRENT', 'AWSPENDING'] },
    });
    await rotateLinkKeyStep({ step: 'finishSecret', secretId, token });
    expect(secrets.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(1);
  });

  it('refuses to make current a version that is not a key set keeping the previous key', async () => {
    secrets.on(GetSecretValueCommand, { VersionStage: 'AWSPENDING' }).resolves({ SecretString: 'plain' });
    await expect(rotateLinkKeyStep({ step: 'testSecret', secretId, token })).rejects.toThrow(/previous key/);
  });
});
