import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * When the Lambda invocation running this code ends. At its timeout the function's answer is given (middy answers
 * TimeoutError a moment before), but work it started is not stopped, only frozen with the environment: a send
 * still waiting for its turn, or SES's throttled call still being retried, would carry on in a later invocation,
 * after Step Functions has retried the step and, once the email's claim has run out its lease, sent it again.
 * So mail work asks how long it may still take, and stops when the invocation is over.
 */
interface Invocation {
  endsAt: number;
  /** Aborted by middy when it answers TimeoutError. */
  stopped?: AbortSignal;
}

const current = new AsyncLocalStorage<Invocation>();

/** Runs a handler's work with the time its invocation has left (`context.getRemainingTimeInMillis()`). */
export const withinInvocation = <T>(
  remainingMs: number,
  stopped: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> => current.run({ endsAt: Date.now() + remainingMs, ...(stopped ? { stopped } : {}) }, work);

/** Milliseconds until the invocation ends: unbounded outside one (a script, or a test calling the domain). */
export const timeLeftMs = (): number => {
  const invocation = current.getStore();
  return invocation ? invocation.endsAt - Date.now() : Number.POSITIVE_INFINITY;
};

/**
 * A signal that aborts `reserveMs` before the invocation ends (leaving that long to record what happened), or
 * when it is stopped; none outside an invocation.
 */
export const abortBeforeEnd = (reserveMs: number): AbortSignal | undefined => {
  const invocation = current.getStore();
  if (!invocation) return undefined;
  const byTime = AbortSignal.timeout(Math.max(0, invocation.endsAt - reserveMs - Date.now()));
  return invocation.stopped ? AbortSignal.any([invocation.stopped, byTime]) : byTime;
};
