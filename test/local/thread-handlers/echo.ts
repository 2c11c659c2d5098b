import { threadId } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { now } from '#shared/time/clock.ts';

/** Says what it was handed and when, and where it ran; waits a little, so invocations overlap. */
export const handler = async (event: { wait?: number }, context: Context) => {
  await new Promise((resolve) => setTimeout(resolve, event.wait ?? 0));
  return { event, functionName: context.functionName, at: now(), threadId };
};
