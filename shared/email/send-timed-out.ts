/**
 * SES did not take the email in the time the invocation had (it kept throttling): the claim is released and the
 * send fails under this name, to be tried again (the queue redelivers it; a person asks again).
 */
export class SendTimedOut extends Error {
  override name = 'SendTimedOut';
}
