import { describe, expect, it } from 'vitest';
import { readClock, VirtualClock } from '#infra/local/clock.ts';

const START = new Date('2026-11-24T01:00:00Z');

/** A real-time source the test moves by hand. */
const manualRealTime = () => {
  let real = 1_000;
  return { now: () => real, pass: (ms: number) => (real += ms) };
};

describe('VirtualClock', () => {
  it('stands still until it is set', () => {
    const real = manualRealTime();
    const clock = new VirtualClock(START, real.now);

    real.pass(60_000);

    expect(clock.now()).toBe(START.getTime());
  });

  it('moves forward to the time it is set to', () => {
    const clock = new VirtualClock(START);

    clock.set(new Date('2026-12-03T01:00:00Z'));

    expect(new Date(clock.now()).toISOString()).toBe('2026-12-03T01:00:00.000Z');
  });

  it('refuses to go backwards or to an invalid date', () => {
    const clock = new VirtualClock(START);

    expect(() => clock.set(new Date(START.getTime() - 1))).toThrow(RangeError);
    expect(() => clock.set(new Date('not a date'))).toThrow(RangeError);
    expect(() => new VirtualClock(new Date(Number.NaN))).toThrow(RangeError);
    expect(clock.now()).toBe(START.getTime());
  });

  it('runs at the given speed while ticking and freezes when stopped', () => {
    const real = manualRealTime();
    const clock = new VirtualClock(START, real.now);

    clock.startTicking(3600);
    real.pass(1_000);
    const afterOneSecond = clock.now();
    clock.stopTicking();
    real.pass(5_000);

    expect(clock.ticking).toBe(false);
    expect(afterOneSecond - START.getTime()).toBe(3_600_000);
    expect(clock.now()).toBe(afterOneSecond);
  });

  it('keeps ticking from a time it is set to', () => {
    const real = manualRealTime();
    const clock = new VirtualClock(START, real.now);
    clock.startTicking(10);
    real.pass(100);

    clock.set(new Date('2027-01-01T00:00:00Z'));
    real.pass(100);

    expect(clock.ticking).toBe(true);
    expect(new Date(clock.now()).toISOString()).toBe('2027-01-01T00:00:01.000Z');
  });

  it('refuses a negative or unknown speed', () => {
    const clock = new VirtualClock(START);

    expect(() => clock.startTicking(-1)).toThrow(RangeError);
    expect(() => clock.startTicking(Number.NaN)).toThrow(RangeError);
  });

  it('is read the same through its shared memory, as handler threads read it, ticking or not', () => {
    const clock = new VirtualClock(START);
    const read = readClock(clock.shared);
    expect(read()).toBe(START.getTime());

    clock.set(new Date('2026-12-03T01:00:00Z'));
    expect(new Date(read()).toISOString()).toBe('2026-12-03T01:00:00.000Z');

    clock.startTicking(3600);
    const before = clock.now();
    const seen = read();
    const after = clock.now();
    expect(seen).toBeGreaterThanOrEqual(before);
    expect(seen).toBeLessThanOrEqual(after);

    clock.stopTicking();
    expect(read()).toBe(clock.now());
  });
});
