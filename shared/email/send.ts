import { JOURNEY_MAIL_TAG } from '#shared/domain/undeliverable-mail.ts';
import { composeRawEmail } from '#shared/email/compose.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { SendTimedOut } from '#shared/email/send-timed-out.ts';
import { now } from '#shared/time/clock.ts';
import { abortBeforeEnd } from '#shared/time/invocation-deadline.ts';

/** Left, once SES is given up on, to release the email's claim and fail the send before the invocation ends. */
const RELEASE_TIME_MS = 2_000;

/**
 * Sends one email through SES and returns its SES message id. The journey's id goes with it as a message tag,
 * so SES's bounce and complaint events say which journey the mail was for.
 */
export const sendEmail = async (email: OutgoingEmail, journeyId: string): Promise<string> => {
  const configurationSet = process.env.SES_CONFIGURATION_SET;
  const raw = await composeRawEmail(email, now());
  // Retrying Throttling can take longer than the invocation has: the call is given up in time for the send to
  // fail cleanly and be tried again, instead of going on in a frozen environment after that try. Given up just as
  // SES took the email, it goes again on the next try, as after any answer lost on the way back.
  const giveUp = abortBeforeEnd(RELEASE_TIME_MS);
  const { ses, SendRawEmailCommand } = await import('#shared/email/ses-client.ts');
  const result = await ses
    .send(
      new SendRawEmailCommand({
        RawMessage: { Data: raw },
        // Explicit, so the envelope never depends on how the headers were parsed.
        Source: email.from,
        Destinations: email.to.map((recipient) => recipient.email),
        Tags: [{ Name: JOURNEY_MAIL_TAG, Value: journeyId }],
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      }),
      giveUp ? { abortSignal: giveUp } : {},
    )
    .catch((error: unknown) => {
      if (giveUp?.aborted)
        throw new SendTimedOut('SES did not take the email before the invocation ran out of time');
      throw error;
    });
  if (!result.MessageId) throw new Error('SES accepted the email without a message id');
  return result.MessageId;
};
