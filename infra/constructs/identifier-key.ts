import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { type CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The HMAC key journey ids and calendar UIDs are derived with (`shared/identifiers`), so nobody holding HR's
 * offerIds or hireIds can tell whose journey, erasure record or calendar entry is whose. Encrypted with the
 * table's key, like the data it names; read by the few functions that derive such ids, once per container.
 */
export class IdentifierKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { encryptionKey: IKey }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key that derives journey ids and calendar UIDs from HR ids; never rotated',
      encryptionKey: props.encryptionKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Every journey id and calendar UID derives from it: a new key would start a second journey for an offer
      // HR sends again.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.secret.node.defaultChild as CfnSecret).overrideLogicalId('IdentifierKey');
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Ids derived from it are stored and compared for the life of a journey and of its erasure record; a ' +
        'rotated key would give an offer sent again a second journey and an erased one a fresh start.',
    });
  }

  get environment(): Record<string, string> {
    return { IDENTIFIER_KEY_SECRET_ARN: this.secret.secretArn };
  }

  grantRead(grantee: iam.IGrantable): void {
    this.secret.grantRead(grantee);
  }
}
