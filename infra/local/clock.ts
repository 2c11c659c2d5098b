/**
 * The local runtime's one source of time. It stands still unless told to move, so months of a journey pass in
 * a test in milliseconds and every run sees the same times; a demo can let it run faster than real time.
 */
export class VirtualClock {
  #virtualAt: number;
  // While ticking: the real instant `#virtualAt` was read at, and how many virtual ms pass per real ms.
  #realAt = 0;
  #speed = 0;
  readonly #realNow: () => number;

  /** `realNow` exists so tests can drive the ticking mode without waiting; it must be monotonic. */
  constructor(start: Date, realNow: () => number = () => performance.now()) {
    this.#virtualAt = validTime(start, 'start');
    this.#realNow = realNow;
  }

  now(): number {
    if (this.#speed === 0) return this.#virtualAt;
    return Math.floor(this.#virtualAt + (this.#realNow() - this.#realAt) * this.#speed);
  }

  get ticking(): boolean {
    return this.#speed > 0;
  }

  /** Moves time to `to`. Never backwards: timers already fired and records already written assume it. */
  set(to: Date): void {
    const target = validTime(to, 'to');
    const current = this.now();
    if (target < current) {
      throw new RangeError(
        `virtual time only moves forward: ${new Date(current).toISOString()} is later than ${to.toISOString()}`,
      );
    }
    this.#virtualAt = target;
    this.#realAt = this.#realNow();
  }

  /** Lets virtual time run at `speed` times real time (a demo's `--speed 3600`: one hour per second). */
  startTicking(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0) {
      throw new RangeError(`speed must be a number >= 0, got ${speed}`);
    }
    this.#virtualAt = this.now();
    this.#realAt = this.#realNow();
    this.#speed = speed;
  }

  stopTicking(): void {
    this.#virtualAt = this.now();
    this.#speed = 0;
  }
}

const validTime = (date: Date, name: string): number => {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid date`);
  return time;
};
