import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { sampleOffer, scenarioOffer } from '../support/sample-offer.ts';

let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

const [first] = sampleOffer().interviewers;
const offer = scenarioOffer('bounce', {
  interviewers: [
    { name: first?.name, email: 'no-such-mailbox@example.co.jp' },
    { name: '伊藤 真', email: 'makoto.ito+bounce@example.co.jp' },
  ],
});

describe('mail that cannot be delivered', () => {
  it('refuses to bounce something that is not an address', async () => {
    const response = await system.postJson('/local/bounces', { email: 'not an address' });
    expect(response.status).toBe(400);
  });

  it('marks the address on its journey, tells HR, and closes the form that cannot be answered', async () => {
    const told = await system.postJson('/local/bounces', { email: 'No-Such-Mailbox@example.co.jp' });
    expect(told.status).toBe(200);
    const journeyId = await system.startJourney(offer);
    await system.runtime.idle();

    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('offer-follow-up');
    expect(journey.timeline).toContainEqual(
      expect.objectContaining({ type: 'mail.bounced', role: 'interviewer-0', reason: 'bounce' }),
    );
    // The bounced interviewer's form closed; the other one still waits for its answer.
    const insight = journey.forms.filter((form) => form.kind === 'interviewer-insight');
    expect(insight.map((form) => form.status).sort()).toEqual(['expired', 'open']);

    const [notice] = (await system.mailTo(offer.hr.email)).filter((mail) =>
      /届きませんでした/.test(mail.subject),
    );
    expect(notice?.text).toContain(first?.name ?? '');
    expect(notice?.text).toContain('面接官');
    expect(notice?.text).not.toContain('no-such-mailbox');

    const queue = (await (await system.api('/attention')).json()) as {
      items: { kind: string; journeyId: string; role?: string }[];
    };
    expect(queue.items).toContainEqual(
      expect.objectContaining({ kind: 'mail-bounced', journeyId, role: 'interviewer-0' }),
    );

    // The journey goes on with the answer that can come: the brief goes out once the other interviewer answers.
    const [request] = await system.mailTo('makoto.ito+bounce@example.co.jp');
    const submitted = await system.submitForm(formLinkIn(request), { concerns: '通勤時間を気にしていた' });
    expect(submitted.status).toBe(200);
    await system.runtime.idle();
    expect(eventTypes(await system.journey(journeyId))).toContain('brief.sent');
  });

  it('takes the same event again without a second notice or event', async () => {
    const list = (await (await system.api('/journeys')).json()) as { items: { journeyId: string }[] };
    const journeyId = list.items[0]?.journeyId ?? '';
    const before = await system.journey(journeyId);
    await system.runtime.invoke('record-undeliverable', {
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      detail: {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bouncedRecipients: [{ emailAddress: 'no-such-mailbox@example.co.jp' }],
        },
        mail: { tags: { journey: [journeyId] } },
      },
    });
    const after = await system.journey(journeyId);
    expect(after.timeline).toEqual(before.timeline);
    expect(
      (await system.mailTo(offer.hr.email)).filter((mail) => /届きませんでした/.test(mail.subject)),
    ).toHaveLength(1);
  });
});
