import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

const REJECTION =
  'Email address is not verified. The following identities failed the check in region AP-NORTHEAST-1: hanako.yamada@example.com';
const payload = { journeyId: 'j-0123456789abcdef0123' };
const schema = z.object({ journeyId: z.string() });

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('what a task lets out to the runtime', () => {
  it("throws the SDK error on by its name, with codes for a message and nothing of SES's words", async () => {
    const handler = taskHandler(schema, async () => {
      throw Object.assign(new Error(REJECTION), {
        name: 'MessageRejected',
        $metadata: { httpStatusCode: 400 },
      });
    });
    const thrown = await handler(payload, lambdaContext('send-invitation')).catch((error: Error) => error);
    expect(thrown).toMatchObject({
      name: 'MessageRejected',
      message: expect.stringContaining('httpStatus=400'),
    });
    expect(`${(thrown as Error).message}${(thrown as Error).stack}`).not.toMatch(/hanako|@/);
  });

  it('redacts what middy throws too, when the function runs out of time', async () => {
    const handler = taskHandler(schema, () => new Promise<never>(() => {}));
    const context = { ...lambdaContext('send-invitation'), getRemainingTimeInMillis: () => 20 };
    const thrown = await handler(payload, context).catch((error: Error) => error);
    expect(thrown).toMatchObject({ name: 'TimeoutError' });
    expect((thrown as Error).message).not.toContain('AbortError');
  });
});
