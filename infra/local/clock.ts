/**
 * Real time in ms that every thread of the process reads alike (to within a millisecond or so) and that never steps
 * back within one: `performance.now()` alone counts from each thread's own start.
 */
const processTime = (): number => performance.timeOrigin + performance.now();

// Layout of the shared state: a sequence number (odd while the one writer is mid-update), then the time set, the
// real instant it was set at and the speed, so a handler thread reading mid-update tries again rather than mixing
// an old time with a new speed.
const SEQUENCE = 0;
const VIRTUAL_AT = 1;
const REAL_AT = 2;
const SPEED = 3;
const BYTES = 4 * Float64Array.BYTES_PER_ELEMENT;

const sequenceOf = (buffer: SharedArrayBuffer) => new Int32Array(buffer, 0, 1);
const fieldsOf = (buffer: SharedArrayBuffer) => new Float64Array(buffer);

const read = (
  sequence: Int32Array,
  fields: Float64Array,
): { virtualAt: number; realAt: number; speed: number } => {
  for (;;) {
    const before = Atomics.load(sequence, SEQUENCE);
    const virtualAt = fields[VIRTUAL_AT] as number;
    const realAt = fields[REAL_AT] as number;
    const speed = fields[SPEED] as number;
    if (before % 2 === 0 && Atomics.load(sequence, SEQUENCE) === before) {
      return { virtualAt, realAt, speed };
    }
  }
};

const timeAt = ({ virtualAt, realAt, speed }: ReturnType<typeof read>, real: number): number =>
  speed === 0 ? virtualAt : Math.floor(virtualAt + (real - realAt) * speed);

/**
 * The local runtime's one source of time. It stands still unless told to move, so months of a journey pass in
 * a test in milliseconds and every run sees the same times; a demo can let it run faster than real time. Its state
 * lives in shared memory, so handlers running on worker threads read the same time (`readClock`).
 */
export class VirtualClock {
  readonly shared = new SharedArrayBuffer(BYTES);
  readonly #sequence = sequenceOf(this.shared);
  readonly #fields = fieldsOf(this.shared);
  readonly #realNow: () => number;

  /** `realNow` exists so tests can drive the ticking mode without waiting; it must be monotonic. */
  constructor(start: Date, realNow: () => number = processTime) {
    this.#realNow = realNow;
    this.#write(validTime(start, 'start'), 0);
  }

  now(): number {
    return timeAt(read(this.#sequence, this.#fields), this.#realNow());
  }

  get ticking(): boolean {
    return read(this.#sequence, this.#fields).speed > 0;
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
    this.#write(target, this.#fields[SPEED] as number);
  }

  /** Lets virtual time run at `speed` times real time (a demo's `--speed 3600`: one hour per second). */
  startTicking(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0) {
      throw new RangeError(`speed must be a number >= 0, got ${speed}`);
    }
    this.#write(this.now(), speed);
  }

  stopTicking(): void {
    this.#write(this.now(), 0);
  }

  #write(virtualAt: number, speed: number): void {
    Atomics.add(this.#sequence, SEQUENCE, 1);
    this.#fields[VIRTUAL_AT] = virtualAt;
    this.#fields[REAL_AT] = this.#realNow();
    this.#fields[SPEED] = speed;
    Atomics.add(this.#sequence, SEQUENCE, 1);
  }
}

/** What a handler thread reads the runtime's `VirtualClock` through, given its `shared` memory. */
export const readClock = (shared: SharedArrayBuffer): (() => number) => {
  const sequence = sequenceOf(shared);
  const fields = fieldsOf(shared);
  return () => timeAt(read(sequence, fields), processTime());
};

const validTime = (date: Date, name: string): number => {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid date`);
  return time;
};
