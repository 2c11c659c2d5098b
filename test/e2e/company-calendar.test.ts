import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formLinkIn,
  type JourneyView,
  type LocalSystem,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';

const hire = scenarioHire;
// Round 1 would be on Wednesday 30 December, in the New Year closure.
const newYear = hire('new-year', '2026-11-30');
// Round 1 is on Tuesday 5 January; a halfway reminder would fall in the closure.
const reminded = hire('reminded', '2026-12-05');
// Round 1 would be on Monday 1 March, a day the company closes once.
const oneOff = hire('one-off', '2027-02-01');
// Posted on 24 November 2026, a month after starting: round 1 (26 November) can no longer be prepared.
const startedLastMonth = hire('last-month', '2026-10-26');
const startedLongAgo = hire('long-ago', '2026-06-01');

const calendar = {
  closedDays: ['12-29..01-03', '2027-03-01'],
  workingHours: { from: '09:00', to: '18:00' },
};

type View = Omit<JourneyView, 'forms'> & {
  rounds: { round: number; startsAt: string; sessionAt: string }[];
  forms: { kind: string; status: string; round?: number; deadline?: string }[];
};

let system: LocalSystem;
const ids: Record<string, string> = {};
const view = async (body: { hireId: string }) =>
  (await system.journey(ids[body.hireId] ?? '')) as unknown as View;
const settings = (init?: RequestInit) =>
  system.api('/settings/calendar', { headers: { 'content-type': 'application/json' }, ...init });
const tokyoDay = (iso: string) => DateTime.fromISO(iso).setZone('Asia/Tokyo').toISODate() ?? '';
const recordOutcome = async (body: { hr: { email: string } }) => {
  const withLink = (await system.mailTo(body.hr.email)).filter((email) => /\/forms\//.test(email.text));
  const response = await system.submitForm(formLinkIn(withLink.at(-1)), {
    condition: 'good',
    privateNotes: '',
    consent: 'none',
    teamSummary: '',
    followUp: '',
  });
  expect(response.status).toBe(200);
};
const inNewYearClosure = (iso: string) => {
  const monthDay = tokyoDay(iso).slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
};

beforeAll(async () => {
  system = await startLocalSystem();
  for (const body of [newYear, reminded, oneOff]) ids[body.hireId] = await system.startJourney(body);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('the company calendar', () => {
  it('is the New Year closure and 09:00 to 18:00 until HR sets it; a bad one is refused, naming the fields', async () => {
    expect(await (await settings()).json()).toEqual({
      closedDays: ['12-29..01-03'],
      workingHours: { from: '09:00', to: '18:00' },
    });
    const refused = await settings({
      method: 'PUT',
      body: JSON.stringify({
        closedDays: ['12-29..01-03', '2-14'],
        workingHours: { from: '18:00', to: '09:00' },
      }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: unknown }).errors).toEqual({
      'closedDays.1': 'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
      'workingHours.from': 'must be before workingHours.to',
    });
    expect(((await (await settings()).json()) as { closedDays: string[] }).closedDays).toEqual([
      '12-29..01-03',
    ]);

    const saved = await settings({ method: 'PUT', body: JSON.stringify(calendar) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(calendar);
    expect(await (await settings()).json()).toEqual(calendar);
  });

  it('runs only the rounds whose prep can still run in full for a hire posted after the start date', async () => {
    const response = await system.postJson('/journeys', startedLastMonth);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { journeyId: string; roundsLeftOut: number[] };
    expect(body.roundsLeftOut).toEqual([1]);
    ids[startedLastMonth.hireId] = body.journeyId;

    const none = await system.postJson('/journeys', startedLongAgo);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: Record<string, string> }).errors).toEqual({
      startDate: expect.stringMatching(/prep/),
    });

    // Onboarding, due on a day gone by, begins a minute later.
    await system.advanceTo('2026-11-24T10:05:00+09:00');
    const journey = await view(startedLastMonth);
    expect(journey.status).toBe('onboarding');
    // Round 2 would be on Saturday 26 December: it moves to the next business day, before the closure.
    expect(journey.rounds.map(({ round, sessionAt }) => ({ round, sessionAt }))).toEqual([
      { round: 2, sessionAt: '2026-12-28T15:00:00+09:00' },
      { round: 3, sessionAt: '2027-01-26T15:00:00+09:00' },
    ]);
  });

  it("refuses a usual session time that would hold 1on1s outside the company's working hours", async () => {
    const late = hire('late-sessions', '2027-02-01', { onboarding: { sessionTime: '17:30' } });
    const refused = await system.postJson('/journeys', late);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      'onboarding.sessionTime':
        'must leave room for a 60-minute session within working hours, 09:00 to 18:00',
    });
    // Nothing was kept: the same hire with a session time that fits starts as new.
    const fits = await system.postJson('/journeys', { ...late, onboarding: { sessionTime: '17:00' } });
    expect(fits.status).toBe(201);
  });

  it('plans round 1 past the New Year closure: session, prep deadline and reminder on business days', async () => {
    await system.advanceTo('2026-12-05T09:00:00+09:00');
    const [first] = (await view(newYear)).rounds;
    expect(first).toMatchObject({
      startsAt: '2026-12-22T10:00:00+09:00',
      sessionAt: '2027-01-04T15:00:00+09:00',
    });

    await system.advanceTo('2027-01-05T17:00:00+09:00');
    for (const body of [newYear, reminded]) {
      const journey = await view(body);
      const timed = journey.timeline.filter((event) =>
        ['round.started', 'prep.requested', 'prep.reminded', 'prep.expired', 'outcome.requested'].includes(
          event.type,
        ),
      );
      expect(timed.map((event) => event.type)).toEqual(
        expect.arrayContaining(['round.started', 'prep.requested', 'prep.expired', 'outcome.requested']),
      );
      for (const event of timed) expect(inNewYearClosure(event.at), `${event.type} ${event.at}`).toBe(false);
      for (const form of journey.forms.filter((candidate) => candidate.deadline)) {
        expect(inNewYearClosure(form.deadline ?? ''), form.deadline).toBe(false);
      }
    }
    const prep = (await view(newYear)).forms.find((form) => form.kind === 'manager-prep');
    expect(prep?.deadline).toBe('2026-12-28T09:00:00.000Z');
    // Asked on 23 December, due on 4 January: the halfway reminder waits for the first business morning.
    const reminder = (await view(reminded)).timeline.find((event) => event.type === 'prep.reminded');
    expect(reminder?.at).toBe('2027-01-04T01:00:00.000Z');
    // It names whose form it reminded of, as the console's timeline says it.
    expect(reminder).toMatchObject({ role: 'manager', round: 1 });
  });

  it('never mails anyone about the round left out of a hire posted late', async () => {
    const journey = await view(startedLastMonth);
    const invitations = journey.timeline.filter((event) => event.type === 'invitation.sent');
    expect(invitations).toHaveLength(1);
    for (const invitation of invitations) {
      expect(Date.parse(String(invitation.meetingAt))).toBeGreaterThan(Date.parse(invitation.at));
    }
    expect(
      journey.timeline.filter((event) => event.round !== undefined).every((event) => event.round !== 1),
    ).toBe(true);
    expect(journey.forms.map((form) => form.round)).not.toContain(1);
    const mail = withoutPulseChecks(await system.mailTo(startedLastMonth.employee.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toMatch(/第2回/);
    await recordOutcome(startedLastMonth);
  });

  it('skips a one-off closed day set before onboarding began', async () => {
    await system.advanceTo('2027-02-01T09:30:00+09:00');
    expect((await view(oneOff)).rounds[0]?.sessionAt).toBe('2027-03-02T15:00:00+09:00');
  });

  it('completes the journey of a hire posted late after the rounds it kept', async () => {
    // Round 3's outcome, never recorded, closed at its deadline (29 January): the journey did not wait for it.
    const journey = await view(startedLastMonth);
    expect(journey.status).toBe('completed');
    expect(journey.timeline.find((event) => event.type === 'outcome.expired')).toMatchObject({
      round: 3,
      at: '2027-01-29T09:00:00.000Z',
    });
    const started = journey.timeline.filter((event) => event.type === 'round.started');
    expect(started.map((event) => event.round)).toEqual([2, 3]);
  });
});
