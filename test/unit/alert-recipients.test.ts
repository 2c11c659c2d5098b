import { describe, expect, it } from 'vitest';
import { alertRecipients } from '#shared/domain/alert-recipients.ts';
import type { Hire } from '#shared/domain/hire.ts';

const hire: Hire = {
  employee: { name: '山田 花子', email: 'hanako@example.com', locale: 'ja' },
  hr: { name: '佐藤 綾', email: 'aya.sato@example.co.jp', locale: 'ja' },
  manager: { name: '鈴木 一郎', email: 'ichiro@example.co.jp', locale: 'ja' },
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
};
const contact = { audience: 'contact', name: '佐藤 綾', email: 'aya.sato@example.co.jp', locale: 'ja' };

describe('who an alert mails', () => {
  it("mails the journey's HR lead by their own name, and the HR contact by theirs", () => {
    expect(alertRecipients(hire, { hrLeadEmail: 'lead@example.co.jp', hrLeadName: '高橋 直子' }, {})).toEqual(
      [
        { audience: 'lead', name: '高橋 直子', email: 'lead@example.co.jp', locale: 'ja' },
        { ...contact, leadTold: true },
      ],
    );
  });

  it("falls back to the deployment's lead, and leaves a lead without a name unnamed", () => {
    expect(alertRecipients(hire, {}, { email: 'dept-lead@example.co.jp', name: '部長' })[0]).toEqual({
      audience: 'lead',
      name: '部長',
      email: 'dept-lead@example.co.jp',
      locale: 'ja',
    });
    const [lead] = alertRecipients(hire, { hrLeadEmail: 'lead@example.co.jp' }, { name: 'not theirs' });
    expect(lead?.name).toBeUndefined();
  });

  it('mails once when the lead is the HR contact, or when there is no lead', () => {
    expect(alertRecipients(hire, { hrLeadEmail: 'Aya.Sato@example.co.jp', hrLeadName: 'x' }, {})).toEqual([
      { ...contact, leadTold: false },
    ]);
    expect(alertRecipients(hire, {}, {})).toEqual([{ ...contact, leadTold: false }]);
  });
});
