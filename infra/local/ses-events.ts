import { randomUUID } from 'node:crypto';
import type { BusEvent } from '#infra/local/event-bus-service.ts';
import type { BouncedMessage } from '#infra/local/mail-stamps.ts';
import { PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION } from '#infra/synthesized-template.ts';

/**
 * The event SES puts on the default bus for a hard bounce (detail-type "Email Bounced"), shaped as SES
 * documents its bounce notifications, for what a local bounce is told to be: a mailbox that does not exist.
 */
export const bounceEvent = (message: BouncedMessage): BusEvent => {
  const time = new Date(message.at).toISOString();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Email Bounced',
    source: 'aws.ses',
    account: PLACEHOLDER_ACCOUNT,
    time,
    region: PLACEHOLDER_REGION,
    resources: [],
    detail: {
      eventType: 'Bounce',
      bounce: {
        feedbackId: randomUUID(),
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: message.bounced.map((emailAddress) => ({
          emailAddress,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        })),
        timestamp: time,
      },
      mail: {
        timestamp: time,
        source: message.source,
        messageId: message.messageId,
        destination: message.destinations,
        tags: message.tags,
      },
    },
  };
};
