import { JourneyErased } from '#shared/data/erasures.ts';
import { MAIL_MAX_RECEIVES } from '#shared/email/mail-queue-settings.ts';
import { queuedEmailSchema } from '#shared/email/queued-email.ts';
import { deliverEmailOnce, EmailWithdrawn } from '#shared/email/send-once.ts';
import { SendPacer } from '#shared/email/send-pacing.ts';
import { closeJourney } from '#shared/journeys/close-journey.ts';
import { logger } from '#shared/observability/logger.ts';
import { abortBeforeEnd, timeLeftMs } from '#shared/time/invocation-deadline.ts';

/** Flagging may fail as the send did (the table unreachable): the message still goes to the dead-letter queue. */
const flagJourney = (journeyId: string): Promise<void> =>
  closeJourney(journeyId, 'needs-attention').catch((error: unknown) => {
    logger.error('journey not flagged', { errorName: (error as Error).name });
  });

/** A message is not started with less time left than its send may need; it goes back to the queue instead. */
const START_RESERVE_MS = 10_000;

export interface QueuedMessage {
  messageId: string;
  body: string;
  /** How many times the queue has handed this message over, this time included. */
  receiveCount: number;
  /** The FIFO queue's message group: the journey, whose mail goes out in order. */
  group: string;
}

/**
 * Sends a batch from the mail queue, in order and paced, and returns the ids of the messages to hand over again.
 * Each email goes out once however often it was queued (`deliverEmailOnce`); one for an erased journey, or about
 * a meeting that has changed since, is dropped. A message failing its last try leaves for the dead-letter queue,
 * whose alarm calls ops, and flags its journey: HR hears that someone was not mailed, as when a step keeps failing.
 *
 * Once a message of a journey is handed back, the journey's later messages in the batch are handed back unsent,
 * as a FIFO queue's consumer must: its mail keeps its order.
 */
export const sendQueuedMail = async (messages: QueuedMessage[]): Promise<string[]> => {
  const pacer = SendPacer.forSender();
  const retry: string[] = [];
  const held = new Set<string>();
  const handBack = (message: QueuedMessage) => {
    retry.push(message.messageId);
    held.add(message.group);
  };
  try {
    for (const message of messages) {
      if (held.has(message.group) || timeLeftMs() < START_RESERVE_MS) {
        handBack(message);
        continue;
      }
      let journeyId: string | undefined;
      try {
        const mail = queuedEmailSchema.parse(JSON.parse(message.body));
        journeyId = mail.journeyId;
        logger.appendKeys({ journeyId });
        await deliverEmailOnce(mail.journeyId, mail.key, mail.email, {
          ...(mail.meeting ? { meeting: mail.meeting } : {}),
          ...(pacer ? { turn: () => pacer.turn(abortBeforeEnd(START_RESERVE_MS)) } : {}),
        });
      } catch (error) {
        if (error instanceof JourneyErased || error instanceof EmailWithdrawn) {
          logger.info('queued mail no longer wanted', { reason: error.name });
          continue;
        }
        // By name only: SES's messages quote addresses.
        logger.error('queued mail not sent', { errorName: (error as Error).name });
        handBack(message);
        if (journeyId && message.receiveCount >= MAIL_MAX_RECEIVES) await flagJourney(journeyId);
      } finally {
        logger.removeKeys(['journeyId']);
      }
    }
  } finally {
    pacer?.release();
  }
  return retry;
};
