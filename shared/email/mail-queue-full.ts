/**
 * The mail queue is longer than a step should wait in, or SES did not take the email in the time the step had:
 * the step fails under this name and the state machines retry it later, at intervals fit for a queue.
 */
export const MAIL_QUEUE_FULL = 'MailQueueFull';

export class MailQueueFull extends Error {
  override name = MAIL_QUEUE_FULL;
}
