import middy from '@middy/core';
import type { z } from 'zod';
import { logger } from '#shared/observability/logger.ts';

/** A payload the state machine should never send: retrying will not help, so the name says so. */
export class InvalidTaskPayload extends Error {
  override name = 'InvalidTaskPayload';
}

/**
 * State machine tasks: the payload is checked at the edge, and errors propagate so Step Functions can retry
 * them and, when they keep failing, flag the journey for attention.
 */
export const taskHandler = <S extends z.ZodType, R>(schema: S, fn: (payload: z.infer<S>) => Promise<R>) =>
  middy<unknown, R>().handler(async (event) => {
    const parsed = schema.safeParse(event);
    if (!parsed.success)
      throw new InvalidTaskPayload(parsed.error.issues.map((issue) => issue.path).join(';'));
    const journeyId = (parsed.data as { journeyId?: string }).journeyId;
    logger.appendKeys({ journeyId });
    try {
      return await fn(parsed.data);
    } catch (error) {
      logger.error('task failed', { errorName: (error as Error).name });
      throw error;
    } finally {
      logger.removeKeys(['journeyId']);
    }
  });
