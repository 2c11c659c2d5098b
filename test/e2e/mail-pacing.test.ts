import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailSendersFor } from '#shared/email/mail-queue-settings.ts';
import { whilePersonWaits } from '#shared/email/person-waiting.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { deliverEmailOnce, sendEmailOnce } from '#shared/email/send-once.ts';
import { SendTimedOut } from '#shared/email/send-timed-out.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';
import { faultControls, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

/** The mail queue and its paced senders, against the local SQS, DynamoDB and SES. */
let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true, sesMaxSendRate: 14 });
});
afterAll(async () => {
  await system?.runtime.stop();
});

const email = (to: string, subject = '面談のご案内'): OutgoingEmail => ({
  from: 'follow-up@example.com',
  to: [{ name: '佐藤 綾', email: to }],
  subject,
  text: 'text',
  html: '<p>html</p>',
});

describe('the mail queue', () => {
  it("sends a burst of queued mail once each, no faster than SES's rate", async () => {
    const addresses = Array.from({ length: 40 }, (_, index) => `burst+${index}@example.co.jp`);
    const queuedAt = Date.now();
    await Promise.all(
      addresses.map((address, index) =>
        sendEmailOnce(`j-burst${String(index).padStart(16, '0')}`, 'invitation', email(address)),
      ),
    );
    // Queued twice, as a retried step would: still once.
    await sendEmailOnce('j-burst0000000000000000', 'invitation', email(addresses[0] ?? ''));
    await system.runtime.idle();

    const sent = (await system.emails()).filter((mail) => mail.to.some((to) => to.includes('burst+')));
    expect(sent).toHaveLength(40);
    // Each sender sends one email every senders/14 s at the most: the last of its share cannot go before all the
    // intervals ahead of it have passed.
    const senders = mailSendersFor(14);
    expect(Date.now() - queuedAt).toBeGreaterThanOrEqual(
      (Math.ceil(40 / senders) - 1) * ((senders * 1000) / 14),
    );
  });

  it('lets mail HR is waiting on go out at once, ahead of what the queue holds', async () => {
    const queued = Array.from({ length: 28 }, (_, index) => `ahead+${index}@example.co.jp`);
    await Promise.all(
      queued.map((address, index) =>
        sendEmailOnce(`j-ahead${String(index).padStart(16, '0')}`, 'invitation', email(address)),
      ),
    );
    await whilePersonWaits(() =>
      sendEmailOnce('j-0123456789abcdef0123', 'reissued', email('hr+waiting@example.co.jp', '日程変更')),
    );
    // SES took it while most of the queue (two seconds of mail) was still waiting.
    const order = (await system.emails())
      .filter((mail) => mail.to.some((to) => /ahead\+|hr\+waiting/.test(to)))
      .map((mail) => (mail.to.some((to) => to.includes('hr+waiting')) ? 'waiting' : 'queued'));
    expect(order).toHaveLength(29);
    expect(order.indexOf('waiting')).toBeLessThan(14);
  });

  it('gives SES up before the invocation ends when it keeps throttling: nothing goes out, and a retry sends it once', async () => {
    const ses = faultControls(system).ses;
    ses.throttleNext(1_000);
    try {
      // The call is given up 2 s before the end, leaving the sender time to release the email and hand it back.
      await expect(
        withinInvocation(3_500, undefined, () =>
          deliverEmailOnce('j-throttled0000000000', 'invitation', email('hr+throttled@example.co.jp')),
        ),
      ).rejects.toBeInstanceOf(SendTimedOut);
      // Given up, not left retrying: an invocation frozen with it would send after the queue handed it over again.
      const throttled = ses.throttled;
      await sleep(2_000);
      expect(ses.throttled).toBe(throttled);
    } finally {
      ses.throttleNext(0);
    }
    expect(await system.mailTo('hr+throttled@example.co.jp')).toHaveLength(0);
    expect(
      await deliverEmailOnce('j-throttled0000000000', 'invitation', email('hr+throttled@example.co.jp')),
    ).toBe(true);
    expect(
      await deliverEmailOnce('j-throttled0000000000', 'invitation', email('hr+throttled@example.co.jp')),
    ).toBe(false);
    expect(await system.mailTo('hr+throttled@example.co.jp')).toHaveLength(1);
  });

  it('drops queued mail about a meeting that is no longer as it says, and sends the version still current', async () => {
    const offer = scenarioOffer('meeting-version', { interviewers: [] });
    const journeyId = await system.startJourney(offer);
    await system.runtime.idle();
    const before = (await system.mailTo(offer.candidate.email)).length;

    // The meeting stands at its first version: a mail made for another is past (or not yet) and never goes out.
    await sendEmailOnce(journeyId, 'version-1', email(offer.candidate.email, '別の版'), {
      meeting: { meeting: 'offer-meeting', sequence: 1 },
    });
    await sendEmailOnce(journeyId, 'version-0', email(offer.candidate.email, '今の版'), {
      meeting: { meeting: 'offer-meeting', sequence: 0 },
    });
    await system.runtime.idle();
    const after = (await system.mailTo(offer.candidate.email)).slice(before).map((mail) => mail.subject);
    expect(after).toEqual(['今の版']);
  });
});
