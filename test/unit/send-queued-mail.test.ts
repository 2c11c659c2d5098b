import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JourneyErased } from '#shared/data/erasures.ts';
import { MAIL_MAX_RECEIVES } from '#shared/email/mail-queue-settings.ts';
import { deliverEmailOnce, EmailWithdrawn } from '#shared/email/send-once.ts';
import { closeJourney } from '#shared/journeys/close-journey.ts';
import { sendQueuedMail } from '#shared/journeys/send-queued-mail.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';

vi.mock('#shared/email/send-once.ts', async (original) => ({
  ...(await original<typeof import('#shared/email/send-once.ts')>()),
  deliverEmailOnce: vi.fn(),
}));
vi.mock('#shared/journeys/close-journey.ts', () => ({ closeJourney: vi.fn() }));

const deliver = vi.mocked(deliverEmailOnce);
const flag = vi.mocked(closeJourney);

const message = (id: string, journeyId: string, receiveCount = 1) => ({
  messageId: id,
  group: journeyId,
  receiveCount,
  body: JSON.stringify({
    journeyId,
    key: `invitation#${id}`,
    email: {
      from: 'follow-up@example.com',
      to: [{ name: '佐藤 綾', email: 'aya@example.co.jp' }],
      subject: '面談のご案内',
      text: 'text',
      html: '<p>html</p>',
    },
  }),
});

const sentKeys = () => deliver.mock.calls.map(([, key]) => key);

beforeEach(() => {
  vi.clearAllMocks();
  delete process.env.SES_MAX_SEND_RATE;
  deliver.mockResolvedValue(true);
  flag.mockResolvedValue(undefined);
});

describe('sending a batch from the mail queue', () => {
  it("hands back a failed email and the rest of its journey's, and sends the other journeys'", async () => {
    deliver.mockImplementation(async (_journeyId, key) => {
      if (key === 'invitation#a1') throw new Error('Throttling');
      return true;
    });

    const retry = await sendQueuedMail([
      message('a1', 'j-a'),
      message('b1', 'j-b'),
      message('a2', 'j-a'),
      message('b2', 'j-b'),
    ]);

    expect(retry).toEqual(['a1', 'a2']);
    expect(sentKeys()).toEqual(['invitation#a1', 'invitation#b1', 'invitation#b2']);
    expect(flag).not.toHaveBeenCalled();
  });

  it('flags the journey of an email failing its last try, and still hands it back for the dead-letter queue', async () => {
    deliver.mockRejectedValue(new Error('MessageRejected'));

    const retry = await sendQueuedMail([message('a1', 'j-a', MAIL_MAX_RECEIVES)]);

    expect(retry).toEqual(['a1']);
    expect(flag).toHaveBeenCalledWith('j-a', 'needs-attention');
  });

  it('drops an email for an erased journey, or about a meeting changed since, and goes on', async () => {
    deliver
      .mockRejectedValueOnce(new JourneyErased('j-a'))
      .mockRejectedValueOnce(new EmailWithdrawn('moved'));

    const retry = await sendQueuedMail([message('a1', 'j-a'), message('b1', 'j-b'), message('c1', 'j-c')]);

    expect(retry).toEqual([]);
    expect(sentKeys()).toEqual(['invitation#a1', 'invitation#b1', 'invitation#c1']);
  });

  it('hands back an unreadable message, and one there is no time left to send', async () => {
    const retry = await sendQueuedMail([{ messageId: 'x', group: 'j-x', receiveCount: 1, body: '{' }]);
    expect(retry).toEqual(['x']);

    const late = await withinInvocation(5_000, undefined, () => sendQueuedMail([message('a1', 'j-a')]));
    expect(late).toEqual(['a1']);
    expect(deliver).not.toHaveBeenCalled();
  });

  it("paces the sends at the sender's share of the rate", async () => {
    process.env.SES_MAX_SEND_RATE = '20';
    process.env.MAIL_SENDERS = '2';
    deliver.mockImplementation(async (_journeyId, _key, _email, options) => {
      await options?.turn?.();
      return true;
    });
    const started = Date.now();

    await sendQueuedMail([message('a1', 'j-a'), message('a2', 'j-a'), message('a3', 'j-a')]);
    expect(sentKeys()).toEqual(['invitation#a1', 'invitation#a2', 'invitation#a3']);

    // Two senders at 20 a second: one email every 2/(20 × 0.95) s each, so three take two intervals.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * (2000 / 19) - 5);
  });
});
