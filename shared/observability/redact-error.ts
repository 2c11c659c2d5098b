/**
 * What an error may carry once it leaves our code for the Lambda runtime. The runtime logs a thrown error's
 * name, message and stack, and Step Functions copies them into the execution history as the task failure's
 * cause; SDK messages quote whatever the service saw (SES: "…failed the check in region X: hanako@example.com").
 * So the error thrown on is a new one: the same `name`, which the state machines' Retry and Catch match on,
 * and a message of codes only, never the original's words. The original is dropped here, not logged.
 */

/** Error names and codes are identifiers (`MessageRejected`, `States.TaskFailed`): anything else is data. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
/** AWS request ids: letters, digits and dashes (UUIDs, or the SES query protocol's ids). */
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

interface SdkFields {
  name?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
}

const codesOf = (error: SdkFields, name: string): string[] => {
  const codes = [name];
  const { $fault: fault, $metadata: metadata } = error;
  if (fault === 'client' || fault === 'server') codes.push(`fault=${fault}`);
  const status = metadata?.httpStatusCode;
  if (Number.isInteger(status)) codes.push(`httpStatus=${status}`);
  const requestId = metadata?.requestId;
  if (typeof requestId === 'string' && REQUEST_ID.test(requestId)) codes.push(`requestId=${requestId}`);
  return codes;
};

/** An error safe to throw to the runtime: the name kept, the message made of codes, no stack from the original. */
export const redactError = (error: unknown): Error => {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SdkFields;
  const name = typeof fields.name === 'string' && IDENTIFIER.test(fields.name) ? fields.name : 'Error';
  const redacted = new Error(
    `${codesOf(fields, name).join('; ')} (message withheld: it may quote personal data)`,
  );
  redacted.name = name;
  // The frames would point here, not where the error arose; the original's stack starts with its message.
  redacted.stack = `${name}: ${redacted.message}`;
  return redacted;
};
