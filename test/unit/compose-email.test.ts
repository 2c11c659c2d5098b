import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeRawEmail, type OutgoingEmail } from '#shared/email/compose.ts';

const ics =
  'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:j-1@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  from: 'Follow-up <noreply@example.co.jp>',
  to: [{ name: '山田 花子', email: 'hanako.yamada@example.com' }],
  replyTo: 'aya.sato@example.co.jp',
  subject: '【ご案内】オファー面談のお知らせ 🎉',
  text: '山田 花子 様\n\nご質問にお答えする時間です。\n',
  html: '<p>山田 花子 様</p><p>ご質問にお答えする時間です。</p>',
  ...overrides,
});

const SENT_AT = new Date('2027-02-01T00:30:00Z');

describe('composeRawEmail', () => {
  it('writes a message mail clients read back exactly: people, subject, text and HTML', async () => {
    const parsed = await simpleParser(await composeRawEmail(email(), SENT_AT));
    expect(parsed.from?.value).toEqual([{ name: 'Follow-up', address: 'noreply@example.co.jp' }]);
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((address) => address?.value ?? [])).toEqual([
      { name: '山田 花子', address: 'hanako.yamada@example.com' },
    ]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'aya.sato@example.co.jp' }]);
    expect(parsed.subject).toBe('【ご案内】オファー面談のお知らせ 🎉');
    expect(parsed.text).toBe('山田 花子 様\n\nご質問にお答えする時間です。\n');
    expect(parsed.html).toBe('<p>山田 花子 様</p><p>ご質問にお答えする時間です。</p>');
  });

  it('attaches the calendar file with the content type the caller gave', async () => {
    const raw = await composeRawEmail(
      email({
        attachments: [
          {
            filename: 'invite.ics',
            contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
            content: ics,
          },
        ],
      }),
      SENT_AT,
    );
    const parsed = await simpleParser(raw);
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toBe('invite.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    expect(attachment?.content.toString('utf8')).toBe(ics);
    expect(raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; method=REQUEST; charset=UTF-8/i);
  });

  it('dates the message by the clock it is given, not by the host clock', async () => {
    expect((await simpleParser(await composeRawEmail(email(), SENT_AT))).date).toEqual(SENT_AT);
  });

  it('leaves out Reply-To when there is none', async () => {
    const { replyTo: _replyTo, ...withoutReplyTo } = email();
    const parsed = await simpleParser(await composeRawEmail(withoutReplyTo, SENT_AT));
    expect(parsed.replyTo).toBeUndefined();
  });

  it('never lets a name or subject add headers', async () => {
    const parsed = await simpleParser(
      await composeRawEmail(
        email({
          subject: 'Hello\r\nBcc: evil@example.com',
          to: [{ name: 'Hanako\r\nBcc: evil@example.com', email: 'hanako.yamada@example.com' }],
        }),
        SENT_AT,
      ),
    );
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).toBe('Hello Bcc: evil@example.com');
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((address) => address?.value ?? [])).toEqual([
      { name: 'Hanako Bcc: evil@example.com', address: 'hanako.yamada@example.com' },
    ]);
  });
});
