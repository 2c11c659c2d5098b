import { Duration, Validations } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface UndeliverableMailProps {
  /** The configuration set every journey mail is sent through. */
  readonly configurationSet: ConfigurationSet;
  /** Records a bounce or complaint on its journey (`functions/record-undeliverable`). */
  readonly handler: IFunction;
}

/** The detail-types SES gives a hard bounce and a complaint on the default event bus. */
export const UNDELIVERABLE_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'];

/**
 * SES publishes the configuration set's bounces and complaints to the default event bus (the only bus SES
 * publishes to), and a rule hands this deployment's to the handler, which marks the address on its journey and
 * tells HR. Events EventBridge cannot deliver after its retries wait in a dead-letter queue, which alarms.
 */
export class UndeliverableMail extends Construct {
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: UndeliverableMailProps) {
    super(scope, id);
    const bus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    props.configurationSet.addEventDestination('Undeliverable', {
      destination: EventDestination.eventBus(bus),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the bounce events rule; nothing reads it but a person answering its alarm.',
    });
    new Rule(this, 'Rule', {
      description: "SES bounces and complaints on this deployment's mail",
      eventBus: bus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: UNDELIVERABLE_DETAIL_TYPES,
        // Other applications of the account send through SES too: only mail of this configuration set.
        detail: {
          mail: { tags: { 'ses:configuration-set': [props.configurationSet.configurationSetName] } },
        },
      },
      targets: [
        new LambdaFunction(props.handler, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 20,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}
