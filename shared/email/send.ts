import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { composeRawEmail, type OutgoingEmail } from '#shared/email/compose.ts';

// Created once per container, so warm invocations reuse its connections. SES answers Throttling ("Maximum
// sending rate exceeded") above the account's rate: adaptive retries slow this client down to the rate SES
// accepts and keep trying, instead of failing the step on a burst such as a whole cohort starting on 1 April.
const ses = new SESClient({ retryMode: 'adaptive', maxAttempts: 10 });

/** Sends one email through SES and returns its SES message id. */
export const sendEmail = async (email: OutgoingEmail): Promise<string> => {
  const configurationSet = process.env.SES_CONFIGURATION_SET;
  const result = await ses.send(
    new SendRawEmailCommand({
      RawMessage: { Data: await composeRawEmail(email) },
      // Explicit, so the envelope never depends on how the headers were parsed.
      Source: email.from,
      Destinations: email.to.map((recipient) => recipient.email),
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  if (!result.MessageId) throw new Error('SES accepted the email without a message id');
  return result.MessageId;
};
