import { describe, expect, it } from 'vitest';
import type { SesMailEvent } from '#shared/domain/ses-mail-event.ts';
import { peopleWithAddress, undeliverableMailOf } from '#shared/domain/undeliverable-mail.ts';

const event = (detail: Omit<SesMailEvent['detail'], 'mail'>): SesMailEvent => ({
  detail: { mail: { tags: { journey: ['j-1'], 'ses:configuration-set': ['follow-up'] } }, ...detail },
});

describe('undeliverable mail', () => {
  it('takes a hard bounce and a complaint, each address once and lower-cased', () => {
    expect(
      undeliverableMailOf(
        event({
          eventType: 'Bounce',
          bounce: {
            bounceType: 'Permanent',
            bouncedRecipients: [{ emailAddress: 'Taro@Example.com' }, { emailAddress: 'taro@example.com' }],
          },
        }),
      ),
    ).toEqual({ journeyId: 'j-1', reason: 'bounce', addresses: ['taro@example.com'] });
    expect(
      undeliverableMailOf(
        event({
          eventType: 'Complaint',
          complaint: { complainedRecipients: [{ emailAddress: 'a@example.com' }] },
        }),
      ),
    ).toEqual({ journeyId: 'j-1', reason: 'complaint', addresses: ['a@example.com'] });
  });

  it('leaves soft bounces to SES and ignores mail no journey sent', () => {
    expect(
      undeliverableMailOf(
        event({
          eventType: 'Bounce',
          bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'a@example.com' }] },
        }),
      ),
    ).toBeUndefined();
    expect(
      undeliverableMailOf({
        detail: {
          eventType: 'Complaint',
          mail: { tags: {} },
          complaint: { complainedRecipients: [{ emailAddress: 'a@example.com' }] },
        },
      }),
    ).toBeUndefined();
  });

  it('finds every role an address has on the journey', () => {
    const person = (name: string, email: string) => ({ name, email, locale: 'ja' as const });
    const journey = {
      hire: {
        employee: person('山田 花子', 'hire@example.com'),
        hr: person('佐藤 綾', 'hr@example.com'),
        manager: person('鈴木 一郎', 'boss@example.com'),
        startDate: '2027-04-01',
        timezone: 'Asia/Tokyo',
      },
      offer: {
        interviewers: [person('高橋 健', 'other@example.com'), person('鈴木 一郎', 'Boss@example.com')],
      },
    };
    expect(peopleWithAddress(journey, 'BOSS@example.com')).toEqual([
      { role: 'manager', name: '鈴木 一郎' },
      { role: 'interviewer-1', name: '鈴木 一郎' },
    ]);
    expect(peopleWithAddress(journey, 'nobody@example.com')).toEqual([]);
  });
});
