import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { signInOverHttp } from '../support/console-sign-in.ts';
import {
  eventTypes,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';

// The engineering department's own cadence: two weekly pulse checks, then 1on1s in months 1, 3 and 6.
const PREP_QUESTION = {
  ja: 'この1カ月で任せた仕事と、その進み具合',
  en: 'What you entrusted them with this month',
};
const PULSE_QUESTION = { ja: '今週の働きやすさはどうですか？', en: 'How easy was it to work this week?' };
const engineers = {
  cadence: [
    { weeks: 1, kind: 'pulse' },
    { weeks: 2, kind: 'pulse' },
    { months: 1, kind: '1on1' },
    { months: 3, kind: '1on1' },
    { months: 6, kind: '1on1' },
  ],
  sessionMinutes: 45,
  questions: { prep: { progress: PREP_QUESTION }, pulse: { answer: PULSE_QUESTION } },
};
// One 1on1, then light checks in months 2 and 3 after it.
const light = {
  cadence: [
    { months: 1, kind: 'both' },
    { months: 2, kind: 'pulse' },
    { months: 3, kind: 'pulse' },
  ],
};

const onEngineers = scenarioHire('tpl-engineers', '2027-02-01', { template: 'engineers' });
const onLight = scenarioHire('tpl-light', '2027-02-01', { template: 'light' });
// Started after the engineers' template changed; it starts long after the others end.
const afterChange = scenarioHire('tpl-after-change', '2028-01-10', { template: 'engineers' });

const PULSE_SUBJECT = /仕事の調子はいかがですか/;
const REMINDER = /再送/;
type Round = { round: number; startsAt: string; sessionAt: string };
type Planned = { status: string; rounds: Round[]; template: { name: string; version: number } };

let system: LocalSystem;
const ids: Record<string, string> = {};
let rounds: Round[] = [];

const putTemplate = (name: string, body: unknown) =>
  system.api(`/settings/templates/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const journeyOf = async (body: { hireId: string }) =>
  (await system.journey(ids[body.hireId] ?? '')) as Awaited<ReturnType<LocalSystem['journey']>> & Planned;
const pulseMailTo = async (body: { employee: { email: string } }): Promise<LocalEmail[]> =>
  (await system.mailTo(body.employee.email)).filter(
    (email) => PULSE_SUBJECT.test(email.subject) && !REMINDER.test(email.subject),
  );
const invitationsTo = async (body: { employee: { email: string } }): Promise<LocalEmail[]> =>
  withoutPulseChecks(await system.mailTo(body.employee.email)).filter((email) =>
    email.attachments.some((attachment) => attachment.filename?.endsWith('.ics')),
  );
const icsOf = (email: LocalEmail | undefined) =>
  email?.attachments.find((attachment) => attachment.filename?.endsWith('.ics'))?.content ?? '';
const latestLinkTo = async (address: string) =>
  formLinkIn((await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text)).at(-1));
const recordOutcome = async (body: { hr: { email: string } }) =>
  system.submitForm(await latestLinkTo(body.hr.email), {
    condition: 'good',
    privateNotes: '',
    consent: 'none',
    teamSummary: '',
    followUp: '',
  });
const hourAfter = (iso: string) => new Date(Date.parse(iso) + 60 * 60 * 1000).toISOString();

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('journey templates as data', () => {
  it('refuses a bad template field by field, and writes nothing', async () => {
    const refused = await putTemplate('engineers', {
      cadence: [
        { weeks: 1, kind: '1on1' },
        { months: 14, kind: 'pulse' },
      ],
      sessionMinutes: 5,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      'cadence.0': 'its prep (5 business days before) would start before the start date',
      'cadence.1.months': 'at most 12',
      sessionMinutes: 'at least 15',
    });
    expect((await putTemplate('Engineers', engineers)).status).toBe(400);
    expect((await putTemplate('default', engineers)).status).toBe(400);
    expect((await system.api('/settings/templates/engineers')).status).toBe(404);
  });

  it('saves a template as version 1, and the same body again changes nothing', async () => {
    const saved = await putTemplate('engineers', engineers);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      name: 'engineers',
      version: 1,
      prepLeadBusinessDays: 5,
      sessionMinutes: 45,
      firstRoundHrOnly: true,
    });
    expect(await (await putTemplate('engineers', engineers)).json()).toMatchObject({ version: 1 });
    expect((await putTemplate('light', light)).status).toBe(200);

    const list = (await (await system.api('/settings/templates')).json()) as { items: unknown[] };
    expect(list.items).toEqual([
      { name: 'default', version: 1, updatedAt: null },
      { name: 'engineers', version: 1, updatedAt: expect.any(String) },
      { name: 'light', version: 1, updatedAt: expect.any(String) },
    ]);
    // The default is built in: today's journey, weekly checks then three monthly 1on1s each with its check.
    expect(await (await system.api('/settings/templates/default')).json()).toMatchObject({
      cadence: [
        { weeks: 1, kind: 'pulse' },
        { weeks: 2, kind: 'pulse' },
        { months: 1, kind: 'both' },
        { months: 2, kind: 'both' },
        { months: 3, kind: 'both' },
      ],
      sessionMinutes: 60,
    });
  });

  it('refuses a journey naming an unknown template, or setting the cadence a template sets', async () => {
    const unknown = await system.postJson('/journeys', { ...onEngineers, template: 'designers' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: unknown }).errors).toEqual({ template: 'unknown template' });
    const both = await system.postJson('/journeys', { ...onEngineers, onboarding: { rounds: 2 } });
    expect(((await both.json()) as { errors: unknown }).errors).toEqual({
      'onboarding.rounds': 'set by the template: leave it out',
    });
  });

  it("plans a journey on its template's 1on1s", async () => {
    for (const body of [onEngineers, onLight]) ids[body.hireId] = await system.startJourney(body);
    await system.advanceTo('2027-02-01T09:00:00+09:00');
    const journey = await journeyOf(onEngineers);
    expect(journey.status).toBe('onboarding');
    expect(journey.template).toEqual({ name: 'engineers', version: 1 });
    rounds = journey.rounds;
    expect(rounds.map((round) => round.sessionAt)).toEqual([
      '2027-03-01T15:00:00+09:00',
      // 1 May 2027 is a Saturday before Golden Week; 1 August a Sunday.
      '2027-05-06T15:00:00+09:00',
      '2027-08-02T15:00:00+09:00',
    ]);
  });

  it('mails the pulse checks of weeks 1 and 2, asking in the words of the template', async () => {
    await system.advanceTo('2027-02-18T12:00:00+09:00');
    const checks = await pulseMailTo(onEngineers);
    expect(checks.map((email) => email.at.slice(0, 10))).toEqual(['2027-02-08', '2027-02-15']);
    expect(checks[0]?.text).toContain(PULSE_QUESTION.ja);
    const page = await (await fetch(`${formLinkIn(checks.at(-1))}?answer=fair`)).text();
    expect(page).toContain(PULSE_QUESTION.ja);
  });

  it("invites to month 1's 1on1 for the template's length, and asks the manager the template's question", async () => {
    const first = rounds[0] as Round;
    await system.advanceTo(first.startsAt);
    const [invitation] = await invitationsTo(onEngineers);
    expect(icsOf(invitation)).toMatch(/DTSTART[^\r\n]*20270301T060000Z/);
    expect(icsOf(invitation)).toMatch(/DURATION:PT45M/);
    const prep = await (await fetch(await latestLinkTo(onEngineers.manager.email))).text();
    expect(prep.match(/<label for="progress"[^>]*>([^<]*)</)?.[1]).toBe(PREP_QUESTION.ja);

    await system.advanceTo(hourAfter(first.sessionAt));
    for (const body of [onEngineers, onLight]) await recordOutcome(body);
  });

  it('keeps a running journey on the version it started with, and starts a new one on the new version', async () => {
    const changed = await putTemplate('engineers', { ...engineers, sessionMinutes: 30 });
    expect(await changed.json()).toMatchObject({ version: 2, sessionMinutes: 30 });
    ids[afterChange.hireId] = await system.startJourney(afterChange);
    expect((await journeyOf(afterChange)).template).toEqual({ name: 'engineers', version: 2 });
    expect((await journeyOf(onEngineers)).template).toEqual({ name: 'engineers', version: 1 });

    const second = rounds[1] as Round;
    await system.advanceTo(second.startsAt);
    expect(icsOf((await invitationsTo(onEngineers)).at(-1))).toMatch(/DURATION:PT45M/);
  });

  it('keeps light checks going after the last 1on1, and ends the journey when the last one closes', async () => {
    const light = await journeyOf(onLight);
    expect(light.status).toBe('onboarding');
    expect(eventTypes(light)).toContain('onboarding.checks-continue');
    expect(eventTypes(light)).not.toContain('journey.completed');
    // HR corrects the start date by a week: the month 3 check moves, and the journey's end with it.
    const moved = await system.api(`/journeys/${ids[onLight.hireId]}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: '2027-02-08' }),
    });
    expect(moved.status).toBe(200);
    // The engineers' second 1on1 meanwhile.
    await system.advanceTo(hourAfter((rounds[1] as Round).sessionAt));
    await recordOutcome(onEngineers);
    await system.advanceTo('2027-05-12T09:00:00+09:00');
    // A month 1 check a week before its 1on1, then months 2 and 3 after it.
    expect((await pulseMailTo(onLight)).map((email) => email.at.slice(0, 10))).toEqual([
      '2027-02-22',
      '2027-03-25',
      // A week before 8 May, a Saturday after Golden Week.
      '2027-05-06',
    ]);
    expect((await journeyOf(onLight)).status).toBe('onboarding');
    await system.advanceTo('2027-05-14T09:00:00+09:00');
    const ended = await journeyOf(onLight);
    expect(ended.status).toBe('completed');
    expect(eventTypes(ended).slice(-2)).toEqual(['journey.summarized', 'journey.completed']);
  });

  it('runs the journey on its template to its end', async () => {
    const last = rounds[2] as Round;
    await system.advanceTo(hourAfter(last.sessionAt));
    await recordOutcome(onEngineers);

    const journey = await journeyOf(onEngineers);
    expect(journey.status).toBe('completed');
    expect(eventTypes(journey).slice(-2)).toEqual(['journey.summarized', 'journey.completed']);
    expect(eventTypes(journey)).not.toContain('onboarding.checks-continue');
    const invitations = await invitationsTo(onEngineers);
    expect(invitations.map((email) => icsOf(email).match(/DTSTART[^:]*:(\d{8})/)?.[1])).toEqual([
      '20270301',
      '20270506',
      '20270802',
    ]);
    // Only the two weekly checks: the template has none with its 1on1s.
    expect(await pulseMailTo(onEngineers)).toHaveLength(2);
  });
});

describe("the console's start form", () => {
  it('offers the templates and starts a journey on the one HR chose', async () => {
    const [hr] = LOCAL_CONSOLE_USERS;
    const { jar } = await signInOverHttp(
      `${system.runtime.apiUrl}/console`,
      hr?.email ?? '',
      hr?.password ?? '',
    );
    const form = await (await jar.fetch(`${system.runtime.apiUrl}/console/journeys/new`)).text();
    expect(form).toContain('<option value="engineers">engineers</option>');
    const response = await jar.fetch(`${system.runtime.apiUrl}/console/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: system.runtime.apiUrl },
      body: new URLSearchParams({
        csrf: form.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '',
        phase: 'onboarding',
        key: 'HIRE-tpl-console',
        'person.name': '小林 優',
        'person.email': 'yu.kobayashi+tpl@example.com',
        'hr.name': '人事 花子',
        'hr.email': 'hr+tpl@example.com',
        'manager.name': '鈴木 一郎',
        'manager.email': 'ichiro.suzuki+tpl-console@example.co.jp',
        startDate: '2028-02-01',
        timezone: 'Asia/Tokyo',
        template: 'engineers',
        // The form always sends the default's number of rounds; a named template leaves it out.
        rounds: '3',
        sessionTime: '15:00',
      }).toString(),
    });
    await system.runtime.idle();
    expect(response.status).toBe(302);
    const journeyId = response.headers.get('location')?.split('/')[3]?.split('?')[0] ?? '';
    expect(((await system.journey(journeyId)) as unknown as Planned).template).toEqual({
      name: 'engineers',
      version: 2,
    });
  });
});
