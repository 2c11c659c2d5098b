import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How many event-loop turns nothing may happen before "idle" is believed. aws-local-stepfunctions moves from
 * one state to the next on promise callbacks, and a request between two local servers crosses a few turns of
 * socket I/O before the handler that sent it is tracked again, so one quiet turn is not enough.
 */
const QUIET_TURNS = 5;

/**
 * Counts the work in flight across the local stand-ins (Lambda invocations, fired schedules, Wait states) so a
 * test or the virtual clock can wait until every journey is waiting on a person or a timer before looking or
 * moving on.
 */
export class ActivityTracker {
  #inFlight = 0;
  // Bumped whenever work starts, so a quiet spell that saw work come and go is not mistaken for idle.
  #started = 0;
  #onDrained: (() => void)[] = [];

  /** Counts `work` as in flight until it settles; returns it unchanged (a rejection stays the caller's). */
  track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight += 1;
    this.#started += 1;
    const done = () => {
      this.#inFlight -= 1;
      if (this.#inFlight > 0) return;
      const waiting = this.#onDrained;
      this.#onDrained = [];
      for (const resolve of waiting) resolve();
    };
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing tracked is in flight and nothing new started for a few event-loop turns. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#onDrained.push(resolve));
      const started = this.#started;
      let quiet = true;
      for (let turn = 0; turn < QUIET_TURNS && quiet; turn++) {
        await nextTurn();
        quiet = this.#inFlight === 0 && this.#started === started;
      }
      if (quiet) return;
    }
  }
}
