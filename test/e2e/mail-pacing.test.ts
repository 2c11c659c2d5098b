import { setTimeout as sleep } from 'node:timers/promises';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { documents, tableName } from '#shared/data/table.ts';
import { MailQueueFull } from '#shared/email/mail-queue-full.ts';
import { sendEmail } from '#shared/email/send.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import {
  awaitSendTurn,
  MAX_TURN_WAIT_MS,
  SEND_TIME_MS,
  takeSendSlot,
  whilePersonWaits,
} from '#shared/email/send-pacing.ts';
import { executionArn } from '#shared/journeys/start-execution.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';
import { eventTypes, faultControls, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

/** The send-slot schedule every mail sender shares, against the local DynamoDB. */
let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
});
afterAll(async () => {
  await system?.runtime.stop();
});
// Each test starts from an idle queue, as a deployment does between bursts.
afterEach(async () => {
  await documents.send(new DeleteCommand({ TableName: tableName(), Key: { pk: 'MAIL', sk: 'PACE' } }));
});

/**
 * Queues turns until the queue reaches `aheadMs` past now, however fast this machine is, and returns the last
 * turn taken. A slow rate makes each turn long, so a few writes get there.
 */
const fillQueue = async (aheadMs: number): Promise<number> => {
  for (;;) {
    const slot = await takeSendSlot(2, { wait: false });
    if (slot - Date.now() >= aheadMs) return slot;
  }
};

describe('send pacing', () => {
  it('gives senders arriving together turns spaced just wider than the rate allows, none twice', async () => {
    const slots = await Promise.all(Array.from({ length: 30 }, () => takeSendSlot(14, { wait: true })));
    const sorted = [...slots].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((slot, index) => slot - (sorted[index] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000 / 14);
    // Within one second, never more than the rate.
    for (const [index, slot] of sorted.entries()) {
      expect(
        sorted.filter((other) => other >= slot && other < slot + 1000).length,
        `from ${index}`,
      ).toBeLessThanOrEqual(14);
    }
  });

  it('takes each turn with one write, whether the queue is idle or busy', async () => {
    // Once the turn after this one has passed, the queue is idle.
    const turn = await takeSendSlot(14, { wait: false });
    await sleep(turn + 2 * (1000 / 14) - Date.now());
    const writes = vi.spyOn(documents, 'send');
    try {
      await takeSendSlot(14, { wait: true });
      expect(writes).toHaveBeenCalledTimes(1);
      // The first turn queued behind a busy queue learns it is busy; from then on each turn is one write.
      await takeSendSlot(14, { wait: true });
      writes.mockClear();
      for (let index = 0; index < 10; index += 1) await takeSendSlot(14, { wait: true });
      expect(writes).toHaveBeenCalledTimes(10);
    } finally {
      writes.mockRestore();
    }
  });

  it('refuses a turn further off than a step waits, so the step is retried instead of timing out', async () => {
    await fillQueue(MAX_TURN_WAIT_MS + 2_000);
    await expect(takeSendSlot(20, { wait: true })).rejects.toBeInstanceOf(MailQueueFull);
  });

  it('refuses a step whose turn is known to be too far off without a write: no claim, no send-slot update', async () => {
    await fillQueue(MAX_TURN_WAIT_MS + 2_000);
    const writes = vi.spyOn(documents, 'send');
    try {
      await expect(
        sendEmailOnce('j-queued00000000000000', 'invitation', {
          from: 'follow-up@example.com',
          to: [{ name: '佐藤 綾', email: 'hr+queued@example.co.jp' }],
          subject: '面談のご案内',
          text: 'text',
          html: '<p>html</p>',
        }),
      ).rejects.toBeInstanceOf(MailQueueFull);
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
  });

  it('refuses a turn that would come too late for the invocation to send the email in', async () => {
    await fillQueue(4_000);
    await expect(
      withinInvocation(SEND_TIME_MS + 2_000, undefined, () => takeSendSlot(20, { wait: true })),
    ).rejects.toBeInstanceOf(MailQueueFull);
    // The same turn is within what a step waits when its invocation has the time.
    expect(await withinInvocation(30_000, undefined, () => takeSendSlot(20, { wait: true }))).toBeGreaterThan(
      Date.now() + 2_000,
    );
  });

  it('gives SES up before the invocation ends when it keeps throttling: nothing goes out, and a retry sends it once', async () => {
    const ses = faultControls(system).ses;
    const email = {
      from: 'follow-up@example.com',
      to: [{ name: '佐藤 綾', email: 'hr+throttled@example.co.jp' }],
      subject: '面談のご案内',
      text: 'text',
      html: '<p>html</p>',
    };
    ses.throttleNext(1_000);
    try {
      // The call is given up 2 s before the end, leaving the step time to release the email and fail.
      await expect(
        withinInvocation(3_500, undefined, () => sendEmailOnce('j-throttled0000000000', 'invitation', email)),
      ).rejects.toBeInstanceOf(MailQueueFull);
      // Given up, not left retrying: an invocation frozen with it would send after the step's retry did.
      const throttled = ses.throttled;
      await sleep(2_000);
      expect(ses.throttled).toBe(throttled);
    } finally {
      ses.throttleNext(0);
    }
    expect(await system.mailTo('hr+throttled@example.co.jp')).toHaveLength(0);
    expect(await sendEmailOnce('j-throttled0000000000', 'invitation', email)).toBe(true);
    expect(await sendEmailOnce('j-throttled0000000000', 'invitation', email)).toBe(false);
    expect(await system.mailTo('hr+throttled@example.co.jp')).toHaveLength(1);
  });

  it('lets mail HR is waiting on go ahead of a queue, which it only pushes back by one turn', async () => {
    const queueAhead = await fillQueue(5_000);
    await whilePersonWaits(async () => {
      await sendEmail(
        {
          from: 'follow-up@example.com',
          to: [{ name: '佐藤 綾', email: 'hr+pacing@example.co.jp' }],
          subject: '日程変更のお知らせ',
          text: 'text',
          html: '<p>html</p>',
        },
        'j-0123456789abcdef0123',
      );
    });
    expect(Date.now()).toBeLessThan(queueAhead);
    expect(await system.mailTo('hr+pacing@example.co.jp')).toHaveLength(1);
    // A step sending now queues behind both.
    expect(await takeSendSlot(14, { wait: true })).toBeGreaterThan(queueAhead);
  });

  it('retries a step that finds the queue too long until its turn comes: the mail goes out once, late', {
    timeout: 90_000,
  }, async () => {
    await fillQueue(MAX_TURN_WAIT_MS + 4_000);
    const offer = scenarioOffer('queued-mail', { interviewers: [] });
    const journeyId = await system.startJourney(offer);

    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('offer-follow-up');
    expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);
    expect(eventTypes(journey).filter((type) => type === 'invitation.sent')).toHaveLength(1);
    const history = await new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn('STATE_MACHINE_ARN', journeyId),
      }),
    );
    const failures = (history.events ?? []).filter((event) => event.type === 'TaskFailed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((event) => event.taskFailedEventDetails?.error === 'MailQueueFull')).toBe(true);
  });

  it('waits for its turn outside a request: a step sends when its slot comes', async () => {
    const ahead = await takeSendSlot(14, { wait: false });
    for (let index = 0; index < 13; index += 1) await takeSendSlot(14, { wait: false });
    await awaitSendTurn();
    expect(Date.now()).toBeGreaterThanOrEqual(ahead + 13 * (1000 / 14));
  });
});
