import { Duration, Validations } from 'aws-cdk-lib';
import { EventBus, Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JourneyFunction } from '#infra/constructs/journey-function.ts';
import type { JourneyTable } from '#infra/constructs/journey-table.ts';
import { incomingDetailTypes } from '#shared/domain/incoming-events.ts';
import { JOURNEY_EVENT_SOURCE } from '#shared/domain/journey-event-source.ts';

export interface JourneyEventsProps {
  readonly table: JourneyTable;
  /** Applies HR's systems' events to journeys (`functions/receive-event`). */
  readonly receiver: JourneyFunction;
  /** Publishes the table's new timeline events to the bus (`functions/publish-events`). */
  readonly publisher: JourneyFunction;
}

/** How long a failing event keeps being retried before it waits in a dead-letter queue for a person. */
const MAX_EVENT_AGE = Duration.hours(24);

const deadLetterQueue = (scope: Construct, id: string, reason: string): Queue => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  return queue;
};

/**
 * The journeys' own event bus, both ways. In: HR's systems put `OfferIssued`, `StartDateChanged`, ... on it, and a
 * rule hands them to the receiver, which applies them as the API would; an event it refuses, or one that keeps
 * failing, waits in a dead-letter queue, which alarms. Out: the table's stream is the outbox, so every timeline
 * event recorded is published to the bus, ids and categories only, for Slack, analytics or an HRIS to subscribe.
 */
export class JourneyEvents extends Construct {
  readonly bus: EventBus;
  /** Events from HR's systems that were refused or kept failing. */
  readonly deadLetters: Queue;
  /** Stream batches the publisher could not publish after its retries (their shard and sequence numbers). */
  readonly unpublished: Queue;

  constructor(scope: Construct, id: string, props: JourneyEventsProps) {
    super(scope, id);
    const { table, receiver, publisher } = props;
    this.bus = new EventBus(this, 'Bus', {
      description: "Follow-up journeys: HR's systems' events in, every journey's timeline events out",
    });

    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      'The dead-letter queue of incoming events; a person answering its alarm reads and re-sends them.',
    );
    new Rule(this, 'Incoming', {
      description: "HR's systems' events that start, move or end journeys",
      eventBus: this.bus,
      eventPattern: {
        // The service's own events share the bus: never taken back in as HR's.
        source: Match.anythingBut(JOURNEY_EVENT_SOURCE),
        detailType: [...incomingDetailTypes],
      },
      targets: [
        new LambdaFunction(receiver.lambda, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 20,
          maxEventAge: MAX_EVENT_AGE,
        }),
      ],
    });
    // A failure the receiver throws (a throttled table) is retried by Lambda, then lands in the same queue; an
    // event it refuses it puts there itself, with the reason.
    receiver.lambda.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.deadLetters.grantSendMessages(receiver);
    receiver.addEnvironment({ EVENT_DEAD_LETTERS_URL: this.deadLetters.queueUrl });

    this.unpublished = deadLetterQueue(
      this,
      'Unpublished',
      "The publisher's on-failure queue: it holds stream positions to replay, read by a person answering its alarm.",
    );
    publisher.lambda.addEventSource(
      new DynamoEventSource(table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: MAX_EVENT_AGE,
        onFailure: new SqsDlq(this.unpublished),
        // Only new timeline events: a journey's other items, and every change to them, never reach the function.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { sk: { S: FilterRule.beginsWith('EVENT#') } } },
          }),
        ],
      }),
    );
    Validations.of(publisher).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The stream grant includes dynamodb:ListStreams, which has no resource-level permissions; reading records is granted on the table stream only.',
    });
    this.bus.grantPutEventsTo(publisher);
    publisher.addEnvironment({ EVENT_BUS_NAME: this.bus.eventBusName });
  }
}
