import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalFaultControls } from '#infra/local/runtime.ts';
import { eventTypes, faultControls, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

/**
 * HR's changes send mail while HR waits. When SES refuses one of those emails the change answers 500 and HR
 * sends it again: the retry must finish what the first attempt began, so the person still hears of the change,
 * once.
 */
let system: LocalSystem;
let faults: LocalFaultControls;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  faults = faultControls(system);
});
afterAll(async () => {
  await system?.runtime.stop();
});

const send = (path: string, method: string, body: unknown) =>
  system.api(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const calendarOf = (email: { attachments: { content?: string }[] } | undefined) =>
  email?.attachments[0]?.content ?? '';
const count = (types: string[], type: string) => types.filter((candidate) => candidate === type).length;

describe('a change whose email SES refused, sent again by HR', () => {
  it('moving a session: the new hire gets the update once, and the session waits for its new time', async () => {
    const hire = {
      phase: 'onboarding',
      hireId: 'HIRE-retried-move',
      employee: { name: '山田 花子', email: 'hanako+retried-move@example.com' },
      hr: { name: '佐藤 綾', email: 'aya.sato+retried-move@example.co.jp' },
      manager: { name: '鈴木 一郎', email: 'ichiro.suzuki+retried-move@example.co.jp' },
      startDate: '2027-02-01',
    };
    const journeyId = await system.startJourney(hire);
    await system.advanceTo('2027-02-24T10:00:00+09:00');
    expect(await system.mailTo(hire.employee.email)).toHaveLength(1);

    const move = { sessions: { '1': '2027-03-03T15:00:00+09:00' } };
    faults.ses.rejectNext(1);
    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(500);
    expect(faults.ses.rejected).toBe(1);
    expect(await system.mailTo(hire.employee.email)).toHaveLength(1);

    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(200);
    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(200);
    const mail = await system.mailTo(hire.employee.email);
    expect(mail).toHaveLength(2);
    expect(calendarOf(mail[1])).toMatch(/SEQUENCE:1/);
    expect(calendarOf(mail[1])).toMatch(/DTSTART:20270303T060000Z/);
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'invitation.updated')).toBe(1);
    expect(count(eventTypes(journey), 'journey.rescheduled')).toBe(1);

    await system.advanceTo('2027-03-01T16:00:00+09:00');
    expect(eventTypes(await system.journey(journeyId))).not.toContain('outcome.requested');
    await system.advanceTo('2027-03-03T16:00:00+09:00');
    expect(eventTypes(await system.journey(journeyId))).toContain('outcome.requested');
  });

  it('cancelling: the candidate gets the withdrawal of the meeting once', async () => {
    const offer = scenarioOffer('retried-cancel', {
      offerMeetingAt: '2027-04-13T10:00:00+09:00',
      respondBy: '2027-04-23',
      startDate: '2027-06-01',
    });
    const journeyId = await system.startJourney(offer);
    await system.runtime.idle();
    expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);

    faults.ses.rejectNext(1);
    const rejectedBefore = faults.ses.rejected;
    expect((await send(`/journeys/${journeyId}/cancel`, 'POST', { reason: 'offer-withdrawn' })).status).toBe(
      500,
    );
    expect(faults.ses.rejected).toBe(rejectedBefore + 1);

    expect((await send(`/journeys/${journeyId}/cancel`, 'POST', { reason: 'offer-withdrawn' })).status).toBe(
      200,
    );
    const mail = await system.mailTo(offer.candidate.email);
    expect(mail).toHaveLength(2);
    expect(calendarOf(mail[1])).toMatch(/METHOD:CANCEL/);
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('cancelled');
    expect(count(eventTypes(journey), 'invitation.cancelled')).toBe(1);
    expect(count(eventTypes(journey), 'journey.cancelled')).toBe(1);
  });
});
