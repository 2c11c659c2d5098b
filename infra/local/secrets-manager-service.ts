import { randomBytes, randomUUID } from 'node:crypto';
import { listenAwsJson, ServiceError } from '#infra/local/aws-json-service.ts';

export interface LocalSecret {
  name: string;
  /** The first version's value. */
  value: string;
  /** The function Secrets Manager runs for `RotateSecret`. */
  rotationFunctionArn: string;
}

export interface SecretsManagerServiceOptions {
  region: string;
  secrets: LocalSecret[];
  invokeFunction: (functionArn: string, payload: unknown) => Promise<unknown>;
  now: () => number;
}

export interface SecretsManagerService {
  url: string;
  /** The ARN of each secret, by name. */
  arns: Record<string, string>;
  close(): Promise<void>;
}

interface Version {
  /** None yet while a rotation is writing it: `RotateSecret` labels the version `AWSPENDING` first. */
  value?: string;
  stages: Set<string>;
  createdAt: number;
}

interface Secret {
  arn: string;
  name: string;
  rotationFunctionArn: string;
  versions: Map<string, Version>;
}

type Request = Record<string, unknown>;

const notFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
const invalid = (name: 'InvalidParameterException' | 'InvalidRequestException', message: string) =>
  new ServiceError(name, message);

const ROTATION_STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

/**
 * A local Secrets Manager speaking the AWS JSON protocol: the calls the link signing key needs (`GetSecretValue`,
 * `PutSecretValue`, `DescribeSecret`, `UpdateSecretVersionStage`) with version ids and staging labels as on
 * AWS, and `RotateSecret`, which runs the secret's rotation function through its four steps as Secrets Manager
 * does (here before it answers, so a test can go on at once).
 */
export const startSecretsManagerService = async (
  options: SecretsManagerServiceOptions,
): Promise<SecretsManagerService> => {
  const secrets = new Map<string, Secret>();
  for (const secret of options.secrets) {
    const arn = `arn:aws:secretsmanager:${options.region}:000000000000:secret:${secret.name}-${randomBytes(3).toString('hex')}`;
    secrets.set(arn, {
      arn,
      name: secret.name,
      rotationFunctionArn: secret.rotationFunctionArn,
      versions: new Map([
        [randomUUID(), { value: secret.value, stages: new Set(['AWSCURRENT']), createdAt: options.now() }],
      ]),
    });
  }

  const string = (request: Request, field: string): string | undefined => {
    const value = request[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '')
      throw invalid('InvalidParameterException', `${field} is invalid`);
    return value;
  };
  const secretOf = (request: Request): Secret => {
    const id = string(request, 'SecretId');
    const found = [...secrets.values()].find((secret) => secret.arn === id || secret.name === id);
    if (!found) throw notFound("Secrets Manager can't find the specified secret.");
    return found;
  };
  const versionIdsToStages = (secret: Secret) =>
    Object.fromEntries(
      [...secret.versions]
        .filter(([, version]) => version.stages.size > 0)
        .map(([id, version]) => [id, [...version.stages]]),
    );

  /** Puts `stage` on `versionId` alone; the version losing `AWSCURRENT` becomes `AWSPREVIOUS`, as on AWS. */
  const moveStage = (secret: Secret, stage: string, versionId: string) => {
    for (const [id, version] of secret.versions) {
      if (id === versionId || !version.stages.delete(stage) || stage !== 'AWSCURRENT') continue;
      for (const other of secret.versions.values()) other.stages.delete('AWSPREVIOUS');
      version.stages.add('AWSPREVIOUS');
    }
    secret.versions.get(versionId)?.stages.add(stage);
  };

  const rotate = async (secret: Secret, token: string) => {
    if (!secret.versions.has(token))
      secret.versions.set(token, { stages: new Set(), createdAt: options.now() });
    moveStage(secret, 'AWSPENDING', token);
    for (const step of ROTATION_STEPS) {
      try {
        await options.invokeFunction(secret.rotationFunctionArn, {
          Step: step,
          SecretId: secret.arn,
          ClientRequestToken: token,
        });
      } catch {
        throw invalid('InvalidRequestException', `The rotation function failed at ${step}.`);
      }
    }
    secret.versions.get(token)?.stages.delete('AWSPENDING');
  };

  const operations = new Map<string, (request: Request) => Promise<object>>([
    [
      'GetSecretValue',
      async (request) => {
        const secret = secretOf(request);
        const versionId = string(request, 'VersionId');
        const stage = string(request, 'VersionStage') ?? (versionId ? undefined : 'AWSCURRENT');
        const found = [...secret.versions].find(
          ([id, version]) => (!versionId || id === versionId) && (!stage || version.stages.has(stage)),
        );
        const [id, version] = found ?? [];
        if (!id || version?.value === undefined) {
          throw notFound("Secrets Manager can't find the specified secret value.");
        }
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: id,
          SecretString: version.value,
          VersionStages: [...version.stages],
          CreatedDate: version.createdAt / 1000,
        };
      },
    ],
    [
      'PutSecretValue',
      async (request) => {
        const secret = secretOf(request);
        const token = string(request, 'ClientRequestToken') ?? randomUUID();
        const value = string(request, 'SecretString');
        if (value === undefined) throw invalid('InvalidParameterException', 'SecretString is required');
        const stages = (request.VersionStages as string[] | undefined) ?? ['AWSCURRENT'];
        const existing = secret.versions.get(token);
        if (existing?.value !== undefined && existing.value !== value) {
          throw new ServiceError(
            'ResourceExistsException',
            'A version with this ClientRequestToken already exists.',
          );
        }
        secret.versions.set(token, {
          stages: existing?.stages ?? new Set(),
          value,
          createdAt: options.now(),
        });
        for (const stage of stages) moveStage(secret, stage, token);
        return { ARN: secret.arn, Name: secret.name, VersionId: token, VersionStages: stages };
      },
    ],
    [
      'DescribeSecret',
      async (request) => {
        const secret = secretOf(request);
        return {
          ARN: secret.arn,
          Name: secret.name,
          RotationEnabled: true,
          RotationLambdaARN: secret.rotationFunctionArn,
          VersionIdsToStages: versionIdsToStages(secret),
        };
      },
    ],
    [
      'UpdateSecretVersionStage',
      async (request) => {
        const secret = secretOf(request);
        const stage = string(request, 'VersionStage') ?? '';
        const moveTo = string(request, 'MoveToVersionId');
        const removeFrom = string(request, 'RemoveFromVersionId');
        const holder = [...secret.versions].find(([, version]) => version.stages.has(stage))?.[0];
        if (moveTo && !secret.versions.has(moveTo)) throw notFound('No version with that id.');
        if (holder && holder !== moveTo && holder !== removeFrom) {
          throw invalid(
            'InvalidParameterException',
            `The stage ${stage} is on another version: name it in RemoveFromVersionId.`,
          );
        }
        if (moveTo) moveStage(secret, stage, moveTo);
        else if (removeFrom) secret.versions.get(removeFrom)?.stages.delete(stage);
        return { ARN: secret.arn, Name: secret.name };
      },
    ],
    [
      'RotateSecret',
      async (request) => {
        const secret = secretOf(request);
        const token = string(request, 'ClientRequestToken') ?? randomUUID();
        await rotate(secret, token);
        return { ARN: secret.arn, Name: secret.name, VersionId: token };
      },
    ],
  ]);

  const server = await listenAwsJson({
    service: 'Secrets Manager',
    targetPrefix: 'secretsmanager.',
    jsonVersion: '1.1',
    operations,
    internalErrorType: 'InternalServiceError',
  });

  return {
    url: server.url,
    arns: Object.fromEntries([...secrets.values()].map((secret) => [secret.name, secret.arn])),
    close: () => server.close(),
  };
};
