import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendPacer } from '#shared/email/send-pacing.ts';

afterEach(() => {
  delete process.env.SES_MAX_SEND_RATE;
  delete process.env.MAIL_SENDERS;
});

const turnsOf = async (pacer: SendPacer, count: number): Promise<number[]> => {
  const turns: number[] = [];
  for (let index = 0; index < count; index += 1) {
    await pacer.turn();
    turns.push(Date.now());
  }
  return turns;
};

describe("a sender's pacing", () => {
  it('spaces its sends by the senders over the rate, at 95% of it', async () => {
    process.env.SES_MAX_SEND_RATE = '19';
    process.env.MAIL_SENDERS = '2';
    const pacer = SendPacer.forSender();
    if (!pacer) throw new Error('no pacer at a set rate');
    try {
      const turns = await turnsOf(pacer, 4);
      for (const [index, turn] of turns.slice(1).entries()) {
        expect(turn - (turns[index] ?? 0)).toBeGreaterThanOrEqual(2000 / (19 * 0.95) - 2);
      }
    } finally {
      pacer.release();
    }
  });

  it('keeps the spacing into the next batch it takes, and lets senders running at once go side by side', async () => {
    process.env.SES_MAX_SEND_RATE = '10';
    process.env.MAIL_SENDERS = '1';
    const first = SendPacer.forSender();
    const beside = SendPacer.forSender();
    if (!first || !beside) throw new Error('no pacer at a set rate');
    const [sent] = await turnsOf(first, 1);
    // Another sender, running at the same time, has its own turns.
    const [besideSent] = await turnsOf(beside, 1);
    expect((besideSent ?? 0) - (sent ?? 0)).toBeLessThan(50);
    first.release();
    beside.release();

    const next = SendPacer.forSender();
    if (!next) throw new Error('no pacer at a set rate');
    const [nextSent] = await turnsOf(next, 1);
    next.release();
    expect((nextSent ?? 0) - (sent ?? 0)).toBeGreaterThanOrEqual(1000 / (10 * 0.95) - 2);
  });

  it('never gives a turn before its time, though a timer may wake a little before the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.resetModules();
    // As Node's timers do: they count whole milliseconds of the event loop's clock, and a wait often ends a
    // millisecond or two before Date.now() has moved on by as much.
    vi.doMock('node:timers/promises', () => ({
      setTimeout: async (wait: number) => {
        vi.setSystemTime(Date.now() + (wait > 2 ? Math.ceil(wait) - 2 : Math.ceil(wait)));
      },
    }));
    try {
      process.env.SES_MAX_SEND_RATE = '10';
      process.env.MAIL_SENDERS = '1';
      const { SendPacer: Pacer } = await import('#shared/email/send-pacing.ts');
      const pacer = Pacer.forSender();
      if (!pacer) throw new Error('no pacer at a set rate');
      const turns = await turnsOf(pacer, 3);
      pacer.release();
      for (const [index, turn] of turns.slice(1).entries()) {
        expect(turn - (turns[index] ?? 0)).toBeGreaterThanOrEqual(1000 / (10 * 0.95));
      }
    } finally {
      vi.doUnmock('node:timers/promises');
      vi.resetModules();
      vi.useRealTimers();
    }
  });

  it('is not there where the deployment sets no rate', () => {
    expect(SendPacer.forSender()).toBeUndefined();
  });
});
