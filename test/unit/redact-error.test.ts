import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactError } from '#shared/observability/redact-error.ts';

const SES_REJECTION =
  'Email address is not verified. The following identities failed the check in region AP-NORTHEAST-1: hanako.yamada@example.com';

/** An SES client's error as the SDK builds it: the service's code as the name, the request's metadata beside it. */
const sdkError = (name: string, message: string) =>
  Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: '2bc9a8f1-7d3e-4c1a-9e0b-5f6a7b8c9d0e', attempts: 1 },
  });

/** Everything the runtime logs of a thrown error and Step Functions keeps as the failure's cause. */
const seen = (error: Error) => `${error.name}\n${error.message}\n${error.stack}`;

describe('an error redacted before it leaves a handler', () => {
  it('keeps the name and gives codes for a message, never the words of the original', () => {
    const redacted = redactError(sdkError('MessageRejected', SES_REJECTION));
    expect(redacted.name).toBe('MessageRejected');
    expect(redacted.message).toContain('httpStatus=400');
    expect(redacted.message).toContain('requestId=2bc9a8f1-7d3e-4c1a-9e0b-5f6a7b8c9d0e');
    expect(seen(redacted)).not.toMatch(/@|hanako|verified|identities/);
  });

  it('keeps every name the state machines retry or catch on', () => {
    for (const name of ['MailQueueFull', 'States.TaskFailed', 'InvalidTaskPayload', 'TaskTimedOut']) {
      expect(redactError(Object.assign(new Error('x'), { name })).name).toBe(name);
    }
  });

  it('turns a name that is not an identifier, or a thrown non-error, into a plain Error', () => {
    expect(redactError(Object.assign(new Error('x'), { name: 'for hanako@example.com' })).name).toBe('Error');
    expect(redactError('hanako@example.com failed')).toMatchObject({ name: 'Error' });
    expect(seen(redactError({ message: 'hanako@example.com' }))).not.toContain('hanako');
    expect(redactError(undefined).name).toBe('Error');
  });

  it('lets no address or name through, whatever the message, the request id or the cause said', () => {
    const givenName = fc.constantFrom('Hanako', '花子', 'Yamada', '山田', 'Emma');
    const address = fc.emailAddress();
    const message = fc
      .tuple(fc.string(), givenName, address, fc.string({ unit: 'grapheme' }))
      .map(([before, name, email, after]) => `${before}${name} <${email}>${after}`);
    fc.assert(
      fc.property(
        message,
        fc.constantFrom('MessageRejected', 'ValidationException', 'Error'),
        fc.option(fc.oneof(fc.uuid(), address)),
        (text, name, requestId) => {
          const original = Object.assign(new Error(text, { cause: new Error(text) }), {
            name,
            $metadata: { httpStatusCode: 400, requestId: requestId ?? undefined },
          });
          const out = `${seen(redactError(original))}\n${JSON.stringify(redactError(original))}`;
          expect(out).not.toContain('@');
          for (const person of ['Hanako', '花子', 'Yamada', '山田', 'Emma'])
            expect(out).not.toContain(person);
        },
      ),
    );
  });
});
