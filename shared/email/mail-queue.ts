import { createHash } from 'node:crypto';
import type { QueuedEmail } from '#shared/email/queued-email.ts';

/** Whether steps queue their mail: a deployment (and the local runtime) names the queue. */
export const mailQueueUrl = (): string | undefined => process.env.MAIL_QUEUE_URL || undefined;

/**
 * Mail a step sends goes on the mail queue, and the `send-mail` function sends it at SES's rate: a cohort's mail
 * waits there, not in Lambdas sleeping for a turn or in Step Functions retries, and no shared item is written per
 * email to pace it. The message carries the composed email, so the consumer sends what the step meant to send,
 * whenever its turn comes.
 *
 * A journey's mail is one group of the FIFO queue, so it goes out in the order it was queued. The deduplication id
 * is the email's claim key (hashed: keys may be longer than SQS allows), so one queued again within five minutes
 * is not even handed over; the claim catches the rest.
 */
export const queueEmail = async (queueUrl: string, mail: QueuedEmail): Promise<void> => {
  const { sqs, SendMessageCommand } = await import('#shared/queues/sqs-client.ts');
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(mail),
      MessageGroupId: mail.journeyId,
      MessageDeduplicationId: createHash('sha256').update(`${mail.journeyId}/${mail.key}`).digest('hex'),
    }),
  );
};
