import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { type CfnKey, Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The single table every journey lives in (`pk`/`sk`, see the data access in `shared/data`). It holds personal
 * data about candidates and hires, so it is encrypted with a key of our own, recoverable to any second of the
 * last 35 days, and survives both a stack deletion and an accidental `cdk destroy`.
 */
export class JourneyTable extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the follow-up journeys table',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Stateful: pinned logical ids, so moving or renaming this construct never replaces the data or its key.
    (this.table.node.defaultChild as CfnTable).overrideLogicalId('JourneysTable');
    (this.key.node.defaultChild as CfnKey).overrideLogicalId('JourneysTableKey');
  }

  /** Read access for handlers that must never change a journey. */
  grantReadData(grantee: iam.IGrantable): void {
    this.table.grantReadData(grantee);
  }

  /**
   * Puts the items of one partition and nothing else (a settings item, never a journey): the condition on
   * DynamoDB's leading key holds the grant to that partition key.
   */
  grantPutItemsIn(grantee: iam.IGrantable & Construct, partitionKey: string): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [partitionKey] } },
      }),
    );
    this.key.grantEncryptDecrypt(grantee);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(grantee).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `DynamoDB needs the ${action} family to write with the table's key; the grant is on that one key only.`,
      });
    }
  }

  /**
   * Read and write access. `scope` is the construct holding the grantee's policy: the KMS actions DynamoDB
   * needs to write come as `kms:ReEncrypt*` and `kms:GenerateDataKey*`, acknowledged there.
   */
  grantReadWriteData(grantee: iam.IGrantable & Construct): void {
    this.table.grantReadWriteData(grantee);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(grantee).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `DynamoDB needs the ${action} family to write with the table's key; the grant is on that one key only.`,
      });
    }
  }
}
