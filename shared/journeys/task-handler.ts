import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '#shared/observability/logger.ts';
import { redactError } from '#shared/observability/redact-error.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';

/** A payload the state machine should never send: retrying will not help, so the name says so. */
export class InvalidTaskPayload extends Error {
  override name = 'InvalidTaskPayload';
}

/** As middleware, it also covers what middy throws itself (its early timeout), not only the handler. */
const redactEscapingErrors = (): middy.MiddlewareObj => ({
  onError: async function throwRedacted(request) {
    request.error = redactError(request.error);
  },
});

/**
 * State machine tasks: the payload is checked at the edge, and errors propagate so Step Functions can retry
 * them and, when they keep failing, flag the journey for attention. They propagate redacted: by name, with
 * codes for a message, as the runtime logs them and the execution history keeps them.
 */
export const taskHandler = <S extends z.ZodType, R>(
  schema: S,
  fn: (payload: z.infer<S>, context: Context) => Promise<R>,
) =>
  middy<unknown, R>()
    .use(redactEscapingErrors())
    .handler((event, context, { signal }) =>
      withinInvocation(context.getRemainingTimeInMillis(), signal, () => runTask(schema, fn, event, context)),
    );

const runTask = async <S extends z.ZodType, R>(
  schema: S,
  fn: (payload: z.infer<S>, context: Context) => Promise<R>,
  event: unknown,
  context: Context,
): Promise<R> => {
  try {
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      // Which fields, for whoever reads the log: the error thrown on names none.
      logger.error('task payload refused', {
        fields: parsed.error.issues.map((issue) => issue.path.join('.')),
      });
      throw new InvalidTaskPayload();
    }
    logger.appendKeys({ journeyId: (parsed.data as { journeyId?: string }).journeyId });
    return await fn(parsed.data, context);
  } catch (error) {
    logger.error('task failed', { errorName: (error as Error).name });
    throw error;
  } finally {
    logger.removeKeys(['journeyId']);
  }
};
