import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The HMAC key emailed form links are signed with (`shared/links`). Handlers read it from Secrets Manager
 * once per container; it never appears in the template or in environment variables.
 */
export class LinkSigningKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key that signs the form links emailed to interviewers and HR',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Deleting it would invalidate every link already emailed.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.secret.node.defaultChild as CfnSecret).overrideLogicalId('LinkSigningKey');
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the key would invalidate links already emailed (they live for weeks); rotation needs the ' +
        'two-key overlap that shared/links supports by key id, to be added with a rotation function.',
    });
  }

  get environment(): Record<string, string> {
    return { LINK_KEY_SECRET_ARN: this.secret.secretArn };
  }

  grantRead(grantee: iam.IGrantable): void {
    this.secret.grantRead(grantee);
  }
}
