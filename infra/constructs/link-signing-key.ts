import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CfnRotationSchedule, type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { JourneyFunction } from '#infra/constructs/journey-function.ts';

/** How often the link signing key rotates. */
export const LINK_KEY_ROTATION_DAYS = 30;

export interface LinkSigningKeyProps {
  /** The project's customer-managed key (the table's): the secret is encrypted with it. */
  readonly encryptionKey: IKey;
  readonly logLevel?: string;
}

/**
 * The keys emailed form links are signed with (`shared/links`): a key set in Secrets Manager, rotated every 30
 * days by `functions/rotate-link-key`, which adds a key and keeps every older one for the longest a link lives.
 * Handlers reread it every few minutes; it never appears in the template or in environment variables.
 */
export class LinkSigningKey extends Construct {
  readonly secret: Secret;
  readonly rotation: JourneyFunction;

  constructor(scope: Construct, id: string, props: LinkSigningKeyProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC keys that sign the form links emailed to interviewers and HR',
      // A first value as deployments before key sets had it: a plain secret, read as one key.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      encryptionKey: props.encryptionKey,
      // Deleting it would invalidate every link already emailed.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.secret.node.defaultChild as CfnSecret).overrideLogicalId('LinkSigningKey');

    this.rotation = new JourneyFunction(this, 'Rotate', {
      name: 'rotate-link-key',
      description: 'Adds a link signing key and drops those no valid link uses (Secrets Manager rotation)',
      logLevel: props.logLevel,
    });
    this.allowRotation(props.encryptionKey);
  }

  /**
   * What `Secret.addRotationSchedule` would grant, without its `GetRandomPassword` on every resource (keys come
   * from node:crypto) and with the invocation limited to this secret.
   */
  private allowRotation(encryptionKey: IKey): void {
    const { lambda } = this.rotation;
    lambda.addPermission('InvokedBySecretsManager', {
      principal: new iam.ServicePrincipal('secretsmanager.amazonaws.com'),
      sourceArn: this.secret.secretArn,
    });
    lambda.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        resources: [this.secret.secretArn],
      }),
    );
    // Secrets Manager encrypts the new version and decrypts the current one with the key, on the function's behalf.
    lambda.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [encryptionKey.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
    const schedule = new CfnRotationSchedule(this, 'Rotation', {
      secretId: this.secret.secretArn,
      rotationLambdaArn: lambda.functionArn,
      rotationRules: { scheduleExpression: `rate(${LINK_KEY_ROTATION_DAYS} days)` },
    });
    // Secrets Manager rotates as soon as the schedule is created: the function must be allowed to run it by then.
    const invoke = lambda.permissionsNode.tryFindChild('InvokedBySecretsManager');
    if (invoke) schedule.node.addDependency(invoke);
    schedule.node.addDependency(this.rotation.role);
  }

  get environment(): Record<string, string> {
    return { LINK_KEY_SECRET_ARN: this.secret.secretArn };
  }

  grantRead(grantee: iam.IGrantable): void {
    this.secret.grantRead(grantee);
  }
}
