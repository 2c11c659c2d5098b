import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { abortBeforeEnd, timeLeftMs, withinInvocation } from '#shared/time/invocation-deadline.ts';

describe('invocation deadline', () => {
  it('leaves work outside an invocation (a script, a test) unbounded', () => {
    expect(timeLeftMs()).toBe(Number.POSITIVE_INFINITY);
    expect(abortBeforeEnd(1_000)).toBeUndefined();
  });

  it('counts down from the time the invocation had, through awaits', async () => {
    await withinInvocation(10_000, undefined, async () => {
      expect(timeLeftMs()).toBeLessThanOrEqual(10_000);
      await sleep(50);
      expect(timeLeftMs()).toBeLessThan(9_960);
      expect(timeLeftMs()).toBeGreaterThan(5_000);
    });
  });

  it('aborts what it guards the reserve before the end', async () => {
    await withinInvocation(300, undefined, async () => {
      const signal = abortBeforeEnd(200);
      expect(signal?.aborted).toBe(false);
      await sleep(150);
      expect(signal?.aborted).toBe(true);
    });
  });

  it('aborts at once when the invocation is stopped (middy answering TimeoutError)', async () => {
    const stop = new AbortController();
    await withinInvocation(30_000, stop.signal, async () => {
      const signal = abortBeforeEnd(2_000);
      stop.abort();
      expect(signal?.aborted).toBe(true);
    });
  });
});
