import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeRawEmail, SENDER_DISPLAY_NAME } from '#shared/email/compose.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';

const ics =
  'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:j-1@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  from: 'noreply@example.co.jp',
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
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((address) => address?.value ?? [])).toEqual([
      { name: '山田 花子', address: 'hanako.yamada@example.com' },
    ]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'aya.sato@example.co.jp' }]);
    expect(parsed.subject).toBe('【ご案内】オファー面談のお知らせ 🎉');
    expect(parsed.text).toBe('山田 花子 様\n\nご質問にお答えする時間です。\n');
    expect(parsed.html).toBe('<p>山田 花子 様</p><p>ご質問にお答えする時間です。</p>');
  });

  it('carries a calendar entry as a text/calendar alternative with its method, and as an invite.ics file', async () => {
    const raw = await composeRawEmail(email({ calendar: { method: 'REQUEST', content: ics } }), SENT_AT);
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe('山田 花子 様\n\nご質問にお答えする時間です。\n');
    const calendar = parsed.attachments.find((part) => part.contentType === 'text/calendar');
    expect(calendar?.contentDisposition, 'an alternative, not a file').not.toBe('attachment');
    expect(calendar?.content.toString('utf8')).toBe(ics);
    const file = parsed.attachments.find((part) => part.filename === 'invite.ics');
    expect(file?.content.toString('utf8')).toBe(ics);
    const alternative =
      /Content-Type: multipart\/alternative;[\s\S]*?Content-Type: text\/calendar;([^\r]*)/i.exec(
        raw.toString('utf8'),
      );
    expect(alternative?.[1]).toMatch(/method=REQUEST/);
  });

  it('says CANCEL on the alternative of a withdrawal', async () => {
    const raw = await composeRawEmail(email({ calendar: { method: 'CANCEL', content: ics } }), SENT_AT);
    expect(raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
  });

  it('ends every line in CRLF, even where a template wrote a bare LF', async () => {
    const raw = await composeRawEmail(
      email({ html: '<p>one</p>\n<p>two</p>\n', calendar: { method: 'REQUEST', content: ics } }),
      SENT_AT,
    );
    expect(raw.includes('\n')).toBe(true);
    expect(/(?<!\r)\n/.test(raw.toString('latin1'))).toBe(false);
  });

  it('names the sender and marks the mail as sent automatically', async () => {
    const parsed = await simpleParser(await composeRawEmail(email(), SENT_AT));
    expect(parsed.from?.value).toEqual([{ name: SENDER_DISPLAY_NAME, address: 'noreply@example.co.jp' }]);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
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
