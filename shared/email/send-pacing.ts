import { setTimeout as sleep } from 'node:timers/promises';

/*
 * SES takes mail up to the account's sending rate and answers Throttling above it. Steps queue their mail, and
 * `send-mail` sends it: at most `MAIL_SENDERS` invocations at once (the queue's event source mapping's maximum
 * concurrency, which the stack sets beside it), each spacing its sends so that together they stay just under the
 * rate. A cohort's mail then goes out as a steady stream, paced without any shared item to write per email.
 */

/** Sends are spaced a little wider than the rate allows, for clocks that differ between hosts and network delays. */
const RATE_HEADROOM = 0.95;

/** The rate mail is paced to (`SES_MAX_SEND_RATE`), when the deployment sets one. */
const sendRate = (): number | undefined => {
  const rate = Number(process.env.SES_MAX_SEND_RATE);
  return rate > 0 ? rate : undefined;
};

/** How many senders share the rate; one, the safe guess, should the stack not say. */
const senders = (): number => Math.max(Number(process.env.MAIL_SENDERS) || 1, 1);

interface Slot {
  nextAt: number;
  busy: boolean;
}

/**
 * When each sender may send next, by slot. On Lambda an environment runs one invocation at a time, so it only ever
 * uses the first slot and remembers its last send across the batches it takes: consecutive batches keep the
 * spacing without waiting it out at the end of each, which would be billed. Locally one process runs the senders
 * side by side, so each takes a slot of its own, as each would have its environment. An environment new to the
 * queue knows nothing of the send another made just before; the few sends that come too close so are what SES's
 * Throttling answer and the client's adaptive retries are there for.
 */
const slots: Slot[] = [];

/** One sender's turns: each send waits until an interval after the one before. */
export class SendPacer {
  private constructor(
    private readonly slot: Slot,
    private readonly intervalMs: number,
  ) {}

  /** The pacer for one invocation of a sender at the deployment's rate; none where mail is not paced. */
  static forSender(): SendPacer | undefined {
    const rate = sendRate();
    if (rate === undefined) return undefined;
    let slot = slots.find((candidate) => !candidate.busy);
    if (!slot) {
      slot = { nextAt: 0, busy: false };
      slots.push(slot);
    }
    slot.busy = true;
    return new SendPacer(slot, (senders() * 1000) / (rate * RATE_HEADROOM));
  }

  async turn(signal?: AbortSignal): Promise<void> {
    // A timer counts whole milliseconds of the event loop's own clock, so it can wake a millisecond or two before
    // `Date.now()` says the wait is over: the wait is checked against that clock again.
    for (let wait = this.slot.nextAt - Date.now(); wait > 0; wait = this.slot.nextAt - Date.now()) {
      await sleep(wait, undefined, signal ? { signal } : {});
    }
    this.slot.nextAt = Date.now() + this.intervalMs;
  }

  /** The invocation is done with its slot: the next one takes it on, with its last send's time. */
  release(): void {
    this.slot.busy = false;
  }
}
