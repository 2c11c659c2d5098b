import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';

describe('ActivityTracker', () => {
  it('is idle when nothing was tracked', async () => {
    await expect(new ActivityTracker().whenIdle()).resolves.toBeUndefined();
  });

  it('waits for tracked work to settle', async () => {
    const tracker = new ActivityTracker();
    let done = false;
    tracker.track(sleep(30).then(() => (done = true)));

    await tracker.whenIdle();

    expect(done).toBe(true);
  });

  it('hands a rejection back to the caller and still counts the work as over', async () => {
    const tracker = new ActivityTracker();

    const tracked = tracker.track(Promise.reject(new Error('boom')));

    await expect(tracked).rejects.toThrow('boom');
    await expect(tracker.whenIdle()).resolves.toBeUndefined();
  });

  it('waits for work that starts a few event-loop turns after the last one ended', async () => {
    const tracker = new ActivityTracker();
    const finished: string[] = [];
    tracker.track(sleep(10)).then(async () => {
      // Like a handler's request crossing a socket to the next local server before it is tracked again.
      await nextTurn();
      await nextTurn();
      tracker.track(sleep(20).then(() => finished.push('second')));
    });

    await tracker.whenIdle();

    expect(finished).toEqual(['second']);
  });

  it('waits for work that chains through promise callbacks only', async () => {
    const tracker = new ActivityTracker();
    const steps: number[] = [];
    const step = async (n: number): Promise<void> => {
      steps.push(n);
      if (n < 3) await tracker.track(Promise.resolve().then(() => step(n + 1)));
    };
    tracker.track(sleep(5).then(() => step(1)));

    await tracker.whenIdle();

    expect(steps).toEqual([1, 2, 3]);
  });
});
