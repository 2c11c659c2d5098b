import { SQSClient } from '@aws-sdk/client-sqs';

export { SendMessageCommand } from '@aws-sdk/client-sqs';

/**
 * Imported with the first email a function queues (`shared/email/mail-queue.ts`), and created once per container:
 * mail a person is waiting on goes straight to SES, so the console's and the forms' functions never load it.
 */
export const sqs = new SQSClient({});
