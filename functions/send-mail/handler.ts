import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sendQueuedMail } from '#shared/journeys/send-queued-mail.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';

/** The mail queue's consumer: a batch of queued emails, sent at SES's rate; what failed goes back to the queue. */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event, context, { signal }) => {
  const retry = await withinInvocation(context.getRemainingTimeInMillis(), signal, () =>
    sendQueuedMail(
      event.Records.map((record) => ({
        messageId: record.messageId,
        body: record.body,
        receiveCount: Number(record.attributes.ApproximateReceiveCount),
        group: record.attributes.MessageGroupId ?? record.messageId,
      })),
    ),
  );
  return { batchItemFailures: retry.map((itemIdentifier) => ({ itemIdentifier })) };
});
