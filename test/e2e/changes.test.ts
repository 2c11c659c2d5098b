import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionArn, onboardingExecutionName } from '#shared/journeys/start-execution.ts';
import {
  eventTypes,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

const hire = (tag: string, startDate = '2027-02-01') => scenarioHire(tag, startDate);
const laterBeforeStart = hire('later-before');
const earlierBeforeStart = hire('earlier-before', '2027-03-01');
const laterAfterStart = hire('later-after');
const earlierAfterStart = hire('earlier-after');
const movedSession = hire('moved-session');
const cancelled = hire('cancelled');
const movedTopics = hire('moved-topics');
const placed = hire('placed');
const everyone = [
  laterBeforeStart,
  earlierBeforeStart,
  laterAfterStart,
  earlierAfterStart,
  movedSession,
  cancelled,
  movedTopics,
  placed,
];

type View = Awaited<ReturnType<LocalSystem['journey']>> & {
  rounds: { round: number; sessionAt: string; startsAt: string }[];
};

let system: LocalSystem;
const ids: Record<string, string> = {};
const idOf = (body: { hireId: string }) => ids[body.hireId] ?? '';
const view = async (body: { hireId: string }) => (await system.journey(idOf(body))) as View;
const patch = (body: { hireId: string }, change: unknown) =>
  system.api(`/journeys/${idOf(body)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
const cancel = (body: { hireId: string }, reason: unknown) =>
  system.api(`/journeys/${idOf(body)}/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
  });
const calendarOf = (email: { attachments: { content?: string }[] } | undefined) =>
  email?.attachments[0]?.content ?? '';

beforeAll(async () => {
  system = await startLocalSystem();
  for (const body of everyone) {
    ids[body.hireId] = await system.startJourney(body);
  }
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('changes people make', () => {
  it('refuses bad changes with 400, 404 and 409, changing nothing', async () => {
    expect((await patch(laterBeforeStart, { startDate: 'soon' })).status).toBe(400);
    expect((await patch(laterBeforeStart, {})).status).toBe(400);
    expect((await patch(laterBeforeStart, { startDate: '2026-11-01' })).status).toBe(400);
    // Sessions exist only once onboarding has begun.
    expect((await patch(laterBeforeStart, { sessions: { '1': '2027-03-03T15:00:00+09:00' } })).status).toBe(
      409,
    );
    const unknown = await system.api('/journeys/j-nobody', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: '2027-05-01' }),
    });
    expect(unknown.status).toBe(404);
    expect((await cancel(cancelled, '')).status).toBe(400);
    expect(eventTypes(await view(laterBeforeStart))).not.toContain('journey.rescheduled');
  });

  it('moves the start of onboarding later or earlier before it has begun', async () => {
    expect((await patch(laterBeforeStart, { startDate: '2027-03-01' })).status).toBe(200);
    expect((await patch(earlierBeforeStart, { startDate: '2027-02-01' })).status).toBe(200);
    await system.advanceTo('2027-02-01T09:00:00+09:00');
    expect((await view(laterBeforeStart)).status).toBe('awaiting-start');
    expect((await view(earlierBeforeStart)).status).toBe('onboarding');
    expect(eventTypes(await view(laterBeforeStart))).toContain('journey.rescheduled');
  });

  it('replans the rounds when the start date moves after onboarding began, later or earlier', async () => {
    expect((await view(laterAfterStart)).rounds[0]?.sessionAt).toBe('2027-03-01T15:00:00+09:00');
    expect((await patch(laterAfterStart, { startDate: '2027-02-15' })).status).toBe(200);
    expect((await patch(earlierAfterStart, { startDate: '2027-01-18' })).status).toBe(200);
    expect((await view(laterAfterStart)).rounds.map((round) => round.sessionAt)).toEqual([
      '2027-03-15T15:00:00+09:00',
      '2027-04-15T15:00:00+09:00',
      '2027-05-17T15:00:00+09:00',
    ]);
    const earlier = await view(earlierAfterStart);
    expect(earlier.rounds[0]?.sessionAt).toBe('2027-02-18T15:00:00+09:00');

    // The schedules that start the rounds moved with the plan.
    await system.advanceTo(earlier.rounds[0]?.startsAt ?? '');
    expect(eventTypes(await view(earlierAfterStart))).toContain('round.started');
    await system.advanceTo('2027-02-19T10:00:00+09:00');
    expect(eventTypes(await view(laterAfterStart))).not.toContain('round.started');
    expect(eventTypes(await view(movedSession))).toContain('round.started');
  });

  it("moves the new hire's topics form with the prep forms when their session moves", async () => {
    expect(eventTypes(await view(movedTopics))).toContain('round.started');
    const deadlines = async () =>
      ((await view(movedTopics)).forms as { kind: string; status: string; deadline?: string }[])
        // The round's forms: pulse checks keep their own windows.
        .filter((form) => form.kind !== 'pulse')
        .map(({ kind, status, deadline }) => ({ kind, status, deadline }))
        .sort((one, two) => one.kind.localeCompare(two.kind));
    expect(await deadlines()).toContainEqual({
      kind: 'session-topics',
      status: 'open',
      deadline: '2027-02-26T09:00:00.000Z',
    });
    expect((await patch(movedTopics, { sessions: { '1': '2027-03-03T15:00:00+09:00' } })).status).toBe(200);
    // Open until the prep deadline of the session as it now is, as the manager's and mentor's forms are.
    expect(await deadlines()).toEqual(
      ['manager-prep', 'session-topics'].map((kind) =>
        expect.objectContaining({ kind, status: 'open', deadline: '2027-03-02T09:00:00.000Z' }),
      ),
    );
  });

  it('cancels mid-round: the calendar entry is withdrawn, forms stop working, nothing more happens', async () => {
    const before = await view(cancelled);
    expect(eventTypes(before)).toContain('round.started');
    const [, prepRequest] = await system.mailTo(cancelled.manager.email);
    const [invitation] = withoutPulseChecks(await system.mailTo(cancelled.employee.email));

    expect((await cancel(cancelled, 'resigned')).status).toBe(200);
    expect((await cancel(cancelled, 'resigned')).status).toBe(200);

    const journey = await view(cancelled);
    expect(journey.status).toBe('cancelled');
    expect(journey.timeline.find((event) => event.type === 'journey.cancelled')).toMatchObject({
      reason: 'resigned',
    });
    const withdrawal = (await system.mailTo(cancelled.employee.email)).at(-1);
    expect(calendarOf(withdrawal)).toMatch(/METHOD:CANCEL/);
    expect(calendarOf(withdrawal)).toMatch(/SEQUENCE:1/);
    expect(eventTypes(journey).filter((type) => type === 'invitation.cancelled')).toHaveLength(1);
    expect((await fetch(formLinkIn(prepRequest))).status).toBe(410);
    // The new hire's topics form closes with the others: what they would write no longer reaches anyone.
    expect((await fetch(formLinkIn(invitation))).status).toBe(410);
    expect(journey.forms.find((form) => form.kind === 'session-topics')?.status).toBe('cancelled');
    const execution = await new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
      new DescribeExecutionCommand({
        executionArn: executionArn(
          'ONBOARDING_STATE_MACHINE_ARN',
          onboardingExecutionName(idOf(cancelled), 1),
        ),
      }),
    );
    expect(execution.status).toBe('ABORTED');

    // Its prep deadline passes without the form expiring: the schedule was withdrawn with the journey.
    const eventsBefore = journey.timeline.length;
    await system.advanceTo('2027-02-26T18:00:00+09:00');
    expect((await view(cancelled)).timeline).toHaveLength(eventsBefore);
  });

  it('answers the same start sent again with the journey as it is, reopening and changing nothing', async () => {
    await system.runtime.idle();
    const before = await tableSnapshot();
    for (const [body, status] of [
      [cancelled, 'cancelled'],
      [movedSession, 'onboarding'],
      [laterBeforeStart, 'awaiting-start'],
    ] as const) {
      const again = await system.postJson('/journeys', body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ journeyId: idOf(body), status });
    }
    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before);
    expect((await view(cancelled)).status).toBe('cancelled');
    expect((await patch(cancelled, { startDate: '2027-05-06' })).status).toBe(409);
  });

  it('refuses a move that would ask about a meeting in the past, or break the rounds, naming the field', async () => {
    // Now 26 February 18:00; round 1 (1 March) has begun and its prep closed, round 2 (1 April) starts on 25 March.
    const before = await view(movedSession);
    const refusal = async (change: unknown) => {
      const response = await patch(movedSession, change);
      expect(response.status, JSON.stringify(change)).toBe(400);
      return ((await response.json()) as { errors: Record<string, string> }).errors;
    };
    expect(await refusal({ startDate: '1970-01-01' })).toEqual({
      startDate: expect.stringMatching(/past/),
    });
    // Round 1 would be on Thursday 25 February, yesterday.
    expect(await refusal({ startDate: '2027-01-25' })).toEqual({
      startDate: expect.stringMatching(/round 1's session in the past/),
    });
    expect(await refusal({ sessions: { '2': '2027-03-06T15:00:00+09:00' } })).toEqual({
      'sessions.2': 'must be on a business day of the company calendar',
    });
    expect(await refusal({ sessions: { '2': '2027-03-30T17:30:00+09:00' } })).toEqual({
      'sessions.2': 'must start and end (60 minutes) within working hours, 09:00 to 18:00',
    });
    // Monday 8 March: its prep would begin on 1 March, before round 1's session is over.
    expect(await refusal({ sessions: { '2': '2027-03-08T15:00:00+09:00' } })).toEqual({
      'sessions.2': expect.stringMatching(/^must leave room for its prep .* after round 1's session$/),
    });
    // Its prep would have to start on 23 February.
    expect(await refusal({ sessions: { '2': '2027-03-02T15:00:00+09:00' } })).toEqual({
      'sessions.2': expect.stringMatching(/no time to prepare/),
    });
    expect(await refusal({ sessions: { '1': '2027-03-26T15:00:00+09:00' } })).toEqual({
      'sessions.1': 'must end before round 2 begins (2027-03-25T10:00)',
    });

    const after = await view(movedSession);
    expect(after.rounds).toEqual(before.rounds);
    expect(eventTypes(after)).not.toContain('journey.rescheduled');
  });

  it("sets where a round's session takes place: the invitation sent is updated in place, with HR's copy", async () => {
    expect(
      (await patch(laterBeforeStart, { locations: { '1': '本社 3階 会議室B' } })).status,
      'onboarding has not begun',
    ).toBe(409);
    const refused = await patch(placed, { locations: { '1': 'http://meet.example.com/x', '9': '会議室' } });
    expect(refused.status).toBe(400);
    const { errors } = (await refused.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual(['locations.1']);
    const noRound = await patch(placed, { locations: { '9': '会議室' } });
    expect(((await noRound.json()) as { errors: Record<string, string> }).errors).toEqual({
      'locations.9': 'no such round',
    });

    const [invitation] = withoutPulseChecks(await system.mailTo(placed.employee.email));
    expect(calendarOf(invitation)).not.toMatch(/LOCATION/);
    const placedAt = { '1': '本社 3階 会議室B', '2': 'https://meet.example.com/follow-up-r2' };
    expect((await patch(placed, { locations: placedAt })).status).toBe(200);
    // Sent again: nothing more is mailed.
    expect((await patch(placed, { locations: placedAt })).status).toBe(200);

    const updates = (await system.mailTo(placed.employee.email)).filter((mail) =>
      /場所変更/.test(mail.subject),
    );
    expect(updates).toHaveLength(1);
    const update = updates[0];
    expect(update?.text).toContain('本社 3階 会議室B');
    expect(update?.subject).not.toMatch(/日時/);
    const uid = calendarOf(invitation).match(/UID:(\S+)/)?.[1];
    expect(calendarOf(update)).toContain(`UID:${uid}`);
    expect(calendarOf(update)).toMatch(/SEQUENCE:1/);
    expect(calendarOf(update)).toContain('LOCATION:本社 3階 会議室B');
    expect(calendarOf(update).match(/DTSTART:\S+/)?.[0]).toBe(
      calendarOf(invitation).match(/DTSTART:\S+/)?.[0],
    );
    const copies = await system.organizerCopiesTo(placed.hr.email);
    expect(calendarOf(copies.at(-1))).toContain('LOCATION:本社 3階 会議室B');

    const journey = await view(placed);
    const rescheduled = journey.timeline.filter((event) => event.type === 'journey.rescheduled');
    // The rounds only: what HR wrote for a place stays out of the timeline.
    expect(rescheduled).toEqual([expect.objectContaining({ locations: [1, 2] })]);
    expect(JSON.stringify(journey.timeline)).not.toContain('会議室');
  });

  it('moves one session: the invitation is updated in place and the outcome waits for the new time', async () => {
    const [invitation] = withoutPulseChecks(await system.mailTo(movedSession.employee.email));
    expect(calendarOf(invitation)).toMatch(/SEQUENCE:0/);
    expect((await patch(movedSession, { sessions: { '1': '2027-03-03T15:00:00+09:00' } })).status).toBe(200);

    const update = (await system.mailTo(movedSession.employee.email)).at(-1);
    const uid = calendarOf(invitation).match(/UID:(\S+)/)?.[1];
    expect(calendarOf(update)).toContain(`UID:${uid}`);
    expect(calendarOf(update)).toMatch(/SEQUENCE:1/);
    expect(calendarOf(update)).toMatch(/METHOD:REQUEST/);
    expect(calendarOf(update)).toMatch(/DTSTART:20270303T060000Z/);
    expect(eventTypes(await view(movedSession))).toEqual(
      expect.arrayContaining(['invitation.updated', 'journey.rescheduled']),
    );

    await system.advanceTo('2027-03-01T16:00:00+09:00');
    expect(eventTypes(await view(movedSession))).not.toContain('outcome.requested');
    expect(eventTypes(await view(laterAfterStart))).not.toContain('outcome.requested');
    await system.advanceTo('2027-03-03T16:00:00+09:00');
    expect(eventTypes(await view(movedSession))).toContain('outcome.requested');
  });

  it('starts the rounds of a journey moved later at their new time, and of one moved before it began', async () => {
    await system.advanceTo('2027-03-08T10:00:00+09:00');
    expect(eventTypes(await view(laterAfterStart))).toContain('round.started');
    const later = await view(laterBeforeStart);
    expect(later.status).toBe('onboarding');
    expect(later.rounds[0]?.sessionAt).toBe('2027-04-01T15:00:00+09:00');
  });

  it('invites to a later round at the place HR set for it', async () => {
    await system.advanceTo((await view(placed)).rounds[1]?.startsAt ?? '');
    const invitation = withoutPulseChecks(await system.mailTo(placed.employee.email)).find((mail) =>
      /第2回|2nd|round 2/i.test(mail.subject),
    );
    expect(calendarOf(invitation)).toContain('LOCATION:https://meet.example.com/follow-up-r2');
    expect(invitation?.text).toContain('https://meet.example.com/follow-up-r2');
  });
});
