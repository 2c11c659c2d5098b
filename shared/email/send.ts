import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { composeRawEmail, type OutgoingEmail } from '#shared/email/compose.ts';

// Created once per container, so warm invocations reuse its connections.
const ses = new SESClient({});

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
