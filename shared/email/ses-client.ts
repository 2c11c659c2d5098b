import { SESClient } from '@aws-sdk/client-ses';

export { SendRawEmailCommand } from '@aws-sdk/client-ses';

/**
 * Imported with the first email a function sends itself (`shared/email/send.ts`), and created once per container
 * so warm invocations reuse its connections: most functions put their mail on the queue and never load it.
 * Queued sends are paced to the account's rate (`SendPacer`); should SES still answer Throttling ("Maximum
 * sending rate exceeded"), say because the rate set is above the account's or a person's mail went ahead of the
 * queue, adaptive retries slow this client down to what SES accepts and keep trying.
 */
export const ses = new SESClient({ retryMode: 'adaptive', maxAttempts: 10 });
