import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { type CfnKey, Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ATTENTION_INDEX } from '#shared/domain/attention.ts';
import { JOURNEY_LIST_INDEX } from '#shared/domain/journey-listing.ts';

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
      // The outbox of the events the service publishes (`JourneyEvents`): new timeline items, as written.
      stream: StreamViewType.NEW_IMAGE,
    });
    // HR's list of journeys (`shared/data/journey-list.ts`): one partition per status, newest start date first.
    // Status changes move an entry with no extra write, and even `completed`, the largest partition, only takes
    // a write as a journey ends. Sparse: only journey items carry `listSk`, so forms and the rest, whose own
    // `status` is also a string, stay out. Only what a list item shows and filters on is projected: no free text.
    this.table.addGlobalSecondaryIndex({
      indexName: JOURNEY_LIST_INDEX,
      partitionKey: { name: 'status', type: AttributeType.STRING },
      sortKey: { name: 'listSk', type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: ['journeyId', 'phase', 'hire', 'rounds', 'listName', 'listHr', 'listOffer'],
    });
    // HR's attention queue (`shared/data/attention.ts`): open items only, oldest first. Sparse: an item carries
    // `attentionQueue` (always `OPEN`) only while it is open, and closing it removes the key, so the index
    // holds what HR has yet to act on, a few per cent of journeys at most, never the table's history. One partition
    // is fine at that size: it takes a write only as an item opens or closes (a handful per journey over months,
    // far below a partition's 1,000 writes a second even for a cohort), and a page reads from the top of it.
    // Projected: what a queue item shows and filters on; ids, names and kinds, no free text.
    this.table.addGlobalSecondaryIndex({
      indexName: ATTENTION_INDEX,
      partitionKey: { name: 'attentionQueue', type: AttributeType.STRING },
      sortKey: { name: 'attentionSk', type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [
        'itemId',
        'kind',
        'journeyId',
        'person',
        'hr',
        'since',
        'round',
        'role',
        'alertId',
        'source',
        'reason',
        'cause',
        'attentionHr',
      ],
    });
    // Stateful: pinned logical ids, so moving or renaming this construct never replaces the data or its key.
    (this.table.node.defaultChild as CfnTable).overrideLogicalId('JourneysTable');
    (this.key.node.defaultChild as CfnKey).overrideLogicalId('JourneysTableKey');
  }

  /** Read access for handlers that must never change a journey. */
  grantReadData(grantee: iam.IGrantable & Construct): void {
    this.table.grantReadData(grantee);
    acknowledgeIndexes(grantee);
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
    acknowledgeIndexes(grantee);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(grantee).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `DynamoDB needs the ${action} family to write with the table's key; the grant is on that one key only.`,
      });
    }
  }
}

/**
 * A table grant covers the table's indexes as `<table>/index/*`. Each index holds a projection of the items the
 * grant already reaches in the table, so the wildcard opens nothing more.
 */
const acknowledgeIndexes = (grantee: Construct): void => {
  Validations.of(grantee).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::<JourneysTable.Arn>/index/*]',
    reason: 'The table grant includes its indexes; they project items the same grant reaches in the table.',
  });
};
