import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { sendEmail } from '#shared/email/send.ts';

const ses = mockClient(SESClient);

const email: OutgoingEmail = {
  from: 'noreply@example.co.jp',
  to: [
    { name: '鈴木 一郎', email: 'ichiro.suzuki@example.co.jp' },
    { name: '田中 美咲', email: 'misaki.tanaka@example.co.jp' },
  ],
  subject: '山田 花子さんが内定を承諾されました',
  text: '受け入れの準備をお願いします。',
  html: '<p>受け入れの準備をお願いします。</p>',
};

afterEach(() => {
  ses.reset();
  delete process.env.SES_CONFIGURATION_SET;
});

describe('sendEmail', () => {
  it('sends the composed message raw to every recipient and returns the SES message id', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0100018c-message' });

    await expect(sendEmail(email, 'j-0123456789abcdef0123')).resolves.toBe('0100018c-message');

    expect(ses).toHaveReceivedCommandOnce(SendRawEmailCommand);
    expect(ses).toHaveReceivedCommandWith(SendRawEmailCommand, {
      Source: 'noreply@example.co.jp',
      Destinations: ['ichiro.suzuki@example.co.jp', 'misaki.tanaka@example.co.jp'],
      // SES's bounce and complaint events carry it back.
      Tags: [{ Name: 'journey', Value: 'j-0123456789abcdef0123' }],
    });
    const data = ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input.RawMessage?.Data;
    const parsed = await simpleParser(Buffer.from(data ?? new Uint8Array()));
    expect(parsed.subject).toBe('山田 花子さんが内定を承諾されました');
  });

  it('tracks delivery through the configuration set when one is configured', async () => {
    process.env.SES_CONFIGURATION_SET = 'follow-up-journeys';
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'm-1' });

    await sendEmail(email, 'j-0123456789abcdef0123');

    expect(ses).toHaveReceivedCommandWith(SendRawEmailCommand, {
      ConfigurationSetName: 'follow-up-journeys',
    });
  });

  it('sends without a configuration set when none is configured', async () => {
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'm-2' });

    await sendEmail(email, 'j-0123456789abcdef0123');

    expect(ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input).not.toHaveProperty(
      'ConfigurationSetName',
    );
  });

  it('fails loudly when SES refuses, so the step is retried', async () => {
    ses.on(SendRawEmailCommand).rejects(new Error('MessageRejected'));

    await expect(sendEmail(email, 'j-0123456789abcdef0123')).rejects.toThrow('MessageRejected');
  });

  it('fails when SES answers without a message id', async () => {
    ses.on(SendRawEmailCommand).resolves({});

    await expect(sendEmail(email, 'j-0123456789abcdef0123')).rejects.toThrow(/message id/);
  });
});
