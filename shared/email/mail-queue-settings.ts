/**
 * The mail queue's settings that its code and the stack share (`infra/constructs/mail-queue.ts`): the stack reads
 * them from this module alone, so synthesizing loads none of the code that sends.
 */

/**
 * How long one email may take a sender, claim, checks and SES's answer together (about 100 to 200 ms in a
 * region), with room to spare: a sender sends one at a time, so it cannot keep a pace faster than this.
 */
const SEND_TIME_BUDGET_SECONDS = 0.25;

/**
 * How many `send-mail` invocations may run at once (the event source mapping's maximum concurrency, at least two)
 * so that, each sending its share of the rate, one at a time, together they reach it.
 */
export const mailSendersFor = (ratePerSecond: number): number =>
  Math.max(2, Math.ceil(ratePerSecond * SEND_TIME_BUDGET_SECONDS));

/**
 * How often the queue hands a message over before it moves to the dead-letter queue (its redrive policy):
 * transient failures (SES throttling for longer than an invocation, a table briefly unreachable) get several
 * tries, minutes apart (the queue's visibility timeout).
 */
export const MAIL_MAX_RECEIVES = 5;
