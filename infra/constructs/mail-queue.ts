import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JourneyFunction } from '#infra/constructs/journey-function.ts';
import { MAIL_MAX_RECEIVES, mailSendersFor } from '#shared/email/mail-queue-settings.ts';

export interface MailQueueProps {
  /** Sends what the queue holds, at SES's rate (`functions/send-mail`). */
  readonly sender: JourneyFunction;
  /** The SES sending rate the senders share, emails a second. */
  readonly maxSendRate: number;
}

/**
 * The journeys' outgoing mail: steps put each email on the queue and go on, and the sender takes it in batches,
 * a few at once (`mailSendersFor` the rate), each pacing its share of the sending rate. A cohort's mail waits here, costing
 * nothing while it waits. A message still failing after its tries waits in the dead-letter queue, which alarms;
 * its journey is flagged for HR.
 *
 * The messages hold the composed mail (names, addresses, form links): both queues are encrypted, and kept no
 * longer than a person answering the alarm needs. A message redriven for a journey erased meanwhile is dropped.
 */
export class MailQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: MailQueueProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(7),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "The mail queue's dead-letter queue; a person answering its alarm redrives it.",
    });
    // FIFO, grouped by journey: a journey's mail goes out in the order its steps queued it (the invitation before
    // the prep request), while journeys go out side by side; a retried step queuing an email again within five
    // minutes is dropped by its deduplication id.
    this.queue = new Queue(this, 'Queue', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's advice for a queue it consumes: six times the function's timeout, so a batch retried within an
      // invocation is not handed to another sender meanwhile.
      visibilityTimeout: Duration.seconds(
        (props.sender.lambda.timeout ?? Duration.seconds(3)).toSeconds() * 6,
      ),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAIL_MAX_RECEIVES },
    });
    const senders = mailSendersFor(props.maxSendRate);
    props.sender.lambda.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxConcurrency: senders,
        reportBatchItemFailures: true,
      }),
    );
    // The senders share the rate, each pacing its share; mail a person waits on goes out unpaced.
    props.sender.addEnvironment({
      MAIL_SENDERS: String(senders),
      SES_MAX_SEND_RATE: String(props.maxSendRate),
    });
  }

  /** For a function that queues mail: sending to the queue, and its URL. */
  grantQueueing(fn: JourneyFunction): void {
    this.queue.grantSendMessages(fn);
    fn.addEnvironment({ MAIL_QUEUE_URL: this.queue.queueUrl });
  }
}
