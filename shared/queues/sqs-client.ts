import { SQSClient } from '@aws-sdk/client-sqs';

export { SendMessageCommand } from '@aws-sdk/client-sqs';

/**
 * Imported with the first message a function puts on a queue, and created once per container: steps queue their
 * mail (`shared/email/mail-queue.ts`), but mail a person is waiting on goes straight to SES, so the console's and
 * the forms' functions never load it; and an event is dead-lettered (`shared/events/dead-letters.ts`) only when its
 * use case refuses it.
 */
export const sqs = new SQSClient({});
