import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalFaultControls } from '#infra/local/runtime.ts';
import {
  eventTypes,
  faultControls,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

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
    const hire = scenarioHire('retried-move', '2027-02-01');
    const journeyId = await system.startJourney(hire);
    await system.advanceTo('2027-02-24T10:00:00+09:00');
    expect(withoutPulseChecks(await system.mailTo(hire.employee.email))).toHaveLength(1);

    const move = { sessions: { '1': '2027-03-03T15:00:00+09:00' } };
    faults.ses.rejectNext(1);
    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(500);
    expect(faults.ses.rejected).toBe(1);
    expect(withoutPulseChecks(await system.mailTo(hire.employee.email))).toHaveLength(1);

    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(200);
    expect((await send(`/journeys/${journeyId}`, 'PATCH', move)).status).toBe(200);
    const mail = withoutPulseChecks(await system.mailTo(hire.employee.email));
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

describe('a change racing a cancellation', () => {
  const hire = scenarioHire;
  const cancelFirst = hire('race-cancel-first', '2027-04-01');
  const updateHeld = hire('race-update-held', '2027-03-08');
  const updateSending = hire('race-update-sending', '2027-03-08');
  const lastRound = hire('race-last-round', '2027-03-08', { onboarding: { rounds: 1 } });
  const ids: Record<string, string> = {};
  const idOf = (body: { hireId: string }) => ids[body.hireId] ?? '';
  const dynamoCall =
    (operation: string, ...parts: string[]) =>
    ({ target, body }: { target: string; body: string }) =>
      target.endsWith(`.${operation}`) && parts.every((part) => body.includes(part));
  // What each mail to the new hire did to the session in their calendar.
  const calendarChanges = async (body: { employee: { email: string } }) =>
    withoutPulseChecks(await system.mailTo(body.employee.email)).map((email) => {
      const calendar = calendarOf(email);
      return `${calendar.match(/METHOD:(\w+)/)?.[1]} ${calendar.match(/SEQUENCE:(\d+)/)?.[1]}`;
    });
  const cancel = (body: { hireId: string }) =>
    send(`/journeys/${idOf(body)}/cancel`, 'POST', { reason: 'resigned' });
  // The first session a week later, at the same time: a move any calendar allows.
  const moveFirstSession = async (body: { hireId: string }) => {
    const { rounds } = (await system.journey(idOf(body))) as unknown as { rounds: { sessionAt: string }[] };
    const later = new Date(Date.parse(rounds[0]?.sessionAt ?? '') + 7 * 24 * 60 * 60 * 1000);
    return { sessions: { '1': later.toISOString() } };
  };

  beforeAll(async () => {
    for (const body of [cancelFirst, updateHeld, updateSending, lastRound])
      ids[body.hireId] = await system.startJourney(body);
  });

  it('answers 409 to a change saved after the cancellation answered, and changes nothing', async () => {
    const journeyId = idOf(cancelFirst);
    await system.runtime.idle();
    const save = faults.dynamo.holdNext(
      dynamoCall('UpdateItem', `JOURNEY#${journeyId}`, 'SET #hire = :hire'),
    );
    const change = send(`/journeys/${journeyId}`, 'PATCH', { startDate: '2027-04-15' });
    await save.held;
    expect((await cancel(cancelFirst)).status).toBe(200);
    save.release();

    const answer = await change;
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ errors: { status: 'the journey has ended (cancelled)' } });
    const journey = (await system.journey(journeyId)) as unknown as { status: string; startDate: string };
    expect(journey).toMatchObject({ status: 'cancelled', startDate: '2027-04-01' });
    expect(eventTypes(await system.journey(journeyId))).not.toContain('journey.rescheduled');
  });

  it('never mails a session update after the withdrawal: one not yet sent is dropped, and the change gets 409', async () => {
    // Round 1 has begun: the new hires hold their session invitations.
    await system.advanceTo('2027-04-05T10:00:00+09:00');
    expect(await calendarChanges(updateHeld)).toEqual(['REQUEST 0']);
    const journeyId = idOf(updateHeld);
    const update = faults.dynamo.holdNext(
      dynamoCall('PutItem', `JOURNEY#${journeyId}`, 'EMAIL#invitation#session-r1#1'),
    );
    const change = send(`/journeys/${journeyId}`, 'PATCH', await moveFirstSession(updateHeld));
    await update.held;
    expect((await cancel(updateHeld)).status).toBe(200);
    update.release();

    expect((await change).status).toBe(409);
    expect(await calendarChanges(updateHeld)).toEqual(['REQUEST 0', 'CANCEL 2']);
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'invitation.updated')).toBe(0);
    expect(count(eventTypes(journey), 'invitation.cancelled')).toBe(1);
  });

  it('withdraws a session only after an update already on its way has gone out', async () => {
    const journeyId = idOf(updateSending);
    const address = encodeURIComponent(updateSending.employee.email);
    const update = faults.ses.holdNext(({ body }) => body.includes('SendRawEmail') && body.includes(address));
    const change = send(`/journeys/${journeyId}`, 'PATCH', await moveFirstSession(updateSending));
    await update.held;
    // The cancellation comes while the update is with SES. Let the update go on once the withdrawal either waits
    // for it (looks for updates on their way) or has gone out without waiting.
    const settling = faults.dynamo.holdNext(
      dynamoCall('Query', `JOURNEY#${journeyId}`, 'EMAIL#invitation#session-r1#'),
    );
    const cancelled = cancel(updateSending);
    await Promise.race([settling.held, cancelled]);
    settling.release();
    update.release();

    expect((await cancelled).status).toBe(200);
    expect((await change).status).toBe(409);
    expect(await calendarChanges(updateSending)).toEqual(['REQUEST 0', 'REQUEST 1', 'CANCEL 2']);
  });
  it('answers 409 to a cancellation that lands after the journey completed, which stays completed', async () => {
    const journeyId = idOf(lastRound);
    // Onboarding has begun (where the tests before left the clock, or now when this one runs alone).
    await system.advanceTo('2027-04-05T10:00:00+09:00');
    const { rounds } = (await system.journey(journeyId)) as unknown as { rounds: { sessionAt: string }[] };
    await system.advanceTo(new Date(Date.parse(rounds[0]?.sessionAt ?? '') + 60 * 60 * 1000).toISOString());
    const outcomeLink = formLinkIn((await system.mailTo(lastRound.hr.email)).at(-1));
    const mailBefore = (await system.mailTo(lastRound.employee.email)).length;
    // The cancellation has read the journey as running; its write waits while the last outcome completes it.
    const write = faults.dynamo.holdNext(dynamoCall('UpdateItem', `JOURNEY#${journeyId}`, 'cancelled'));
    const cancelled = cancel(lastRound);
    await write.held;
    const recorded = await fetch(outcomeLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ condition: 'good', consent: 'none' }).toString(),
    });
    expect(recorded.status).toBe(200);
    // Read without waiting for the system to settle: the held cancellation keeps it busy.
    const statusNow = async () =>
      ((await (await system.api(`/journeys/${journeyId}`)).json()) as { status: string }).status;
    for (let attempt = 0; attempt < 200 && (await statusNow()) !== 'completed'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await statusNow()).toBe('completed');
    write.release();

    const answer = await cancelled;
    expect(answer.status).toBe(409);
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('completed');
    expect(eventTypes(journey)).not.toContain('journey.cancelled');
    expect(await system.mailTo(lastRound.employee.email)).toHaveLength(mailBefore);
  });
});
