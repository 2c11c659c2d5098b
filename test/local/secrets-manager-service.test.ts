import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RotateSecretCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type SecretsManagerService,
  startSecretsManagerService,
} from '#infra/local/secrets-manager-service.ts';
import { localClientConfig } from './local-clients.ts';

const ROTATE = 'arn:aws:lambda:ap-northeast-1:000000000000:function:rotate';
const SecretId = 'link-key';

let service: SecretsManagerService;
let client: SecretsManagerClient;
let steps: { Step: string; ClientRequestToken: string }[];
let failAt: string | undefined;

beforeEach(async () => {
  steps = [];
  failAt = undefined;
  service = await startSecretsManagerService({
    region: 'ap-northeast-1',
    secrets: [{ name: SecretId, value: 'first', rotationFunctionArn: ROTATE }],
    now: () => Date.parse('2026-11-24T01:00:00Z'),
    // A rotation function as Secrets Manager expects one, writing the pending version and making it current.
    invokeFunction: async (arn, payload) => {
      expect(arn).toBe(ROTATE);
      const step = payload as { Step: string; SecretId: string; ClientRequestToken: string };
      steps.push(step);
      if (step.Step === failAt) throw new Error('rotation step failed');
      if (step.Step === 'createSecret') {
        await client.send(
          new PutSecretValueCommand({
            SecretId: step.SecretId,
            ClientRequestToken: step.ClientRequestToken,
            SecretString: 'second',
            VersionStages: ['AWSPENDING'],
          }),
        );
      }
      if (step.Step === 'finishSecret') {
        const { VersionIdsToStages = {} } = await client.send(new DescribeSecretCommand({ SecretId }));
        const current = Object.keys(VersionIdsToStages).find((id) =>
          VersionIdsToStages[id]?.includes('AWSCURRENT'),
        );
        await client.send(
          new UpdateSecretVersionStageCommand({
            SecretId,
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: step.ClientRequestToken,
            RemoveFromVersionId: current,
          }),
        );
      }
      return null;
    },
  });
  client = new SecretsManagerClient(localClientConfig(service.url));
});
afterEach(async () => {
  client.destroy();
  await service.close();
});

const valueAt = async (VersionStage: string) =>
  (await client.send(new GetSecretValueCommand({ SecretId, VersionStage }))).SecretString;

describe('the local Secrets Manager', () => {
  it('rotates through the four steps with one token, the old version kept as AWSPREVIOUS', async () => {
    const { VersionId } = await client.send(new RotateSecretCommand({ SecretId: service.arns[SecretId] }));
    expect(steps.map((step) => step.Step)).toEqual([
      'createSecret',
      'setSecret',
      'testSecret',
      'finishSecret',
    ]);
    expect(new Set(steps.map((step) => step.ClientRequestToken))).toEqual(new Set([VersionId]));
    expect(await valueAt('AWSCURRENT')).toBe('second');
    expect(await valueAt('AWSPREVIOUS')).toBe('first');
    await expect(valueAt('AWSPENDING')).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('leaves the current version as it was when a step fails, with nothing to read at AWSPENDING yet', async () => {
    failAt = 'createSecret';
    await expect(client.send(new RotateSecretCommand({ SecretId }))).rejects.toThrow(/createSecret/);
    expect(await valueAt('AWSCURRENT')).toBe('first');
    await expect(valueAt('AWSPENDING')).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('takes the same version again but refuses another value under its token', async () => {
    const put = (SecretString: string) =>
      client.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: 'v-2', SecretString }));
    await put('again');
    await put('again');
    await expect(put('different')).rejects.toBeInstanceOf(ResourceExistsException);
    expect(await valueAt('AWSCURRENT')).toBe('again');
  });
});
