import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

// The February 2027 cohort: an offer accepted, one that lapses, and a hire posted straight into onboarding.
// The declined offer starts on 1 March, in a period that takes in that day but outside the cohort.
const accepted = scenarioOffer('rep-accepted', { interviewers: [], startDate: '2027-02-01' });
const lapsed = scenarioOffer('rep-lapsed', {
  interviewers: [],
  respondBy: '2026-12-08',
  startDate: '2027-02-01',
});
const declined = scenarioOffer('rep-declined', { interviewers: [], startDate: '2027-03-01' });
const hire = scenarioHire('rep-hire', '2027-02-01', {
  mentor: { name: '田中 美咲', email: 'misaki.tanaka+rep-hire@example.co.jp' },
});

interface Report {
  period: { from: string; to: string };
  hr: string | null;
  journeys: number;
  offers: Record<string, number | null>;
  rounds: {
    due: number;
    heldOnTime: number;
    onTimeRate: number | null;
    byRound: { round: number; conditions: Record<string, number>; prep: Record<string, number | null> }[];
  };
  prep: { closed: number; submitted: number; byRole: { role: string; responseRate: number | null }[] };
  alerts: Record<string, unknown>;
  pulse: { answered: number; byCheck: { check: number; answers: Record<string, number> }[] };
}

let system: LocalSystem;

const latestLinkTo = async (address: string) =>
  formLinkIn((await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text)).at(-1));
const report = async (params: Record<string, string>) => {
  const response = await system.api(`/reports?${new URLSearchParams(params)}`);
  return { response, body: (await response.json()) as Report & { errors?: Record<string, string> } };
};

beforeAll(async () => {
  system = await startLocalSystem();
  const acceptedId = await system.startJourney(accepted);
  for (const body of [lapsed, declined, hire]) await system.startJourney(body);
  // The offer meetings, then HR's outcomes: yes, no, and undecided until the reply deadline.
  await system.advanceTo('2026-12-03T11:00:00+09:00');
  await system.submitForm(await latestLinkTo(accepted.hr.email), {
    decision: 'accepted',
    remainingConcerns: '',
  });
  await system.submitForm(await latestLinkTo(declined.hr.email), {
    decision: 'declined',
    remainingConcerns: '',
  });
  await system.submitForm(await latestLinkTo(lapsed.hr.email), {
    decision: 'undecided',
    remainingConcerns: '',
  });
  await system.advanceTo('2026-12-08T10:00:00+09:00');
  await system.submitForm(await latestLinkTo(lapsed.hr.email), {
    decision: 'undecided',
    remainingConcerns: '',
  });
  // The first pulse check, a week after the start: the hire answers, the other new hire does not.
  await system.advanceTo('2027-02-08T12:00:00+09:00');
  await system.submitForm(await latestLinkTo(hire.employee.email), { answer: 'fair' });
  // Round 1 (1on1 on 1 March): the hire's manager answers the prep form, the mentor does not, and neither
  // the other new hire's manager nor mentor does. Once that round has begun, the other new hire's 1on1 is moved
  // seven business days later, past its window: HR records both 1on1s, only the hire's was held on time.
  await system.advanceTo('2027-02-24T10:00:00+09:00');
  await system.submitForm(await latestLinkTo(hire.manager.email), {
    progress: '順調',
    wellbeing: 'well',
    topics: '',
  });
  const moved = await system.api(`/journeys/${acceptedId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessions: { '1': '2027-03-10T15:00:00+09:00' } }),
  });
  expect(moved.status).toBe(200);
  await system.advanceTo('2027-03-01T17:00:00+09:00');
  await system.submitForm(await latestLinkTo(hire.hr.email), {
    condition: 'watch',
    privateNotes: 'REPORT-PRIVATE-NOTE',
    consent: 'none',
    teamSummary: '',
    followUp: '',
  });
  await system.advanceTo('2027-03-10T17:00:00+09:00');
  await system.submitForm(await latestLinkTo(accepted.hr.email), {
    condition: 'good',
    privateNotes: '',
    consent: 'none',
    teamSummary: '',
    followUp: '',
  });
}, 120_000);
afterAll(async () => {
  await system?.runtime.stop();
});

describe('GET /reports', () => {
  it("counts a start month's offers, rounds, prep forms, alerts and pulse answers", async () => {
    const { response, body } = await report({ startMonth: '2027-02' });
    expect(response.status).toBe(200);
    expect(body.period).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(body.hr).toBeNull();
    expect(body.journeys).toBe(3);
    expect(body.offers).toEqual({
      made: 2,
      accepted: 1,
      declined: 0,
      lapsed: 1,
      noDecision: 0,
      acceptanceRate: 0.5,
    });
    // Both 1on1s were recorded; the one moved past its window was not held on time.
    expect(body.rounds).toMatchObject({ due: 2, heldOnTime: 1, onTimeRate: 0.5 });
    expect(body.rounds.byRound[0]).toMatchObject({
      round: 1,
      conditions: { good: 1, watch: 1, alert: 0, notRecorded: 0 },
      prep: { closed: 4, submitted: 1, responseRate: 0.25 },
    });
    expect(body.prep).toMatchObject({ closed: 4, submitted: 1 });
    expect(body.prep.byRole).toEqual([
      { role: 'interviewer', closed: 0, submitted: 0, responseRate: null },
      { role: 'manager', closed: 2, submitted: 1, responseRate: 0.5 },
      { role: 'mentor', closed: 2, submitted: 0, responseRate: 0 },
    ]);
    expect(body.alerts).toEqual({
      raised: 0,
      bySource: { manager: 0, mentor: 0, session: 0, pulse: 0 },
      handled: 0,
      open: 0,
      medianHoursToHandle: null,
    });
    expect(body.pulse.answered).toBe(1);
    expect(body.pulse.byCheck[0]).toMatchObject({
      check: 1,
      answers: { sunny: 0, fair: 1, cloudy: 0, rainy: 0, stormy: 0 },
      unanswered: 1,
    });
    // Counts only: no person, address or anything written in a form.
    const text = JSON.stringify(body);
    for (const secret of ['山田', '鈴木', '@example', 'REPORT-PRIVATE-NOTE', '順調']) {
      expect(text).not.toContain(secret);
    }
  });

  it('covers the start dates from `from` to `to`, both included', async () => {
    const { body } = await report({ from: '2027-02-01', to: '2027-03-01' });
    expect(body.journeys).toBe(4);
    expect(body.offers).toMatchObject({
      made: 3,
      accepted: 1,
      declined: 1,
      lapsed: 1,
      acceptanceRate: 0.3333,
    });
    const before = await report({ from: '2027-01-01', to: '2027-01-31' });
    expect(before.body.journeys).toBe(0);
    expect(before.body.offers.acceptanceRate).toBeNull();
  });

  it("limits the figures to one HR contact's journeys with `hr`", async () => {
    const { response, body } = await report({ startMonth: '2027-02', hr: hire.hr.email.toUpperCase() });
    expect(response.status).toBe(200);
    expect(body.hr).toBe(hire.hr.email);
    expect(body.journeys).toBe(1);
    expect(body.offers).toMatchObject({ made: 0, acceptanceRate: null });
    expect(body.rounds).toMatchObject({ due: 1, heldOnTime: 1, onTimeRate: 1 });
  });

  it('answers the same figures as a CSV file for a spreadsheet', async () => {
    const response = await system.api('/reports?startMonth=2027-02&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="report-2027-02-01-to-2027-02-28.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte order mark, so Excel opens it as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('metric,group,value');
    expect(lines).toContain('offers.accepted,all,1');
    expect(lines).toContain('rounds.on_time_rate,round-1,0.5');
    expect(lines).toContain('prep.response_rate,interviewer,');
    expect(lines).toContain('pulse.fair,check-1,1');
    expect(lines.join('\n')).not.toMatch(/山田|@example|REPORT-PRIVATE-NOTE/);
  });

  it('answers 400 with a message per field, for a period it cannot take', async () => {
    const errorsOf = async (params: Record<string, string>) => {
      const { response, body } = await report(params);
      expect(response.status).toBe(400);
      return Object.keys(body.errors ?? {}).sort();
    };
    expect(await errorsOf({})).toEqual(['from', 'to']);
    expect(await errorsOf({ startMonth: '2027-13' })).toEqual(['startMonth']);
    expect(await errorsOf({ startMonth: '2027-02', from: '2027-02-01' })).toEqual(['from']);
    expect(await errorsOf({ from: '2027-02-30', to: '2027-03-01' })).toEqual(['from']);
    expect(await errorsOf({ from: '2027-03-01', to: '2027-02-01' })).toEqual(['to']);
    expect(await errorsOf({ from: '2027-01-01', to: '2028-01-01' })).toEqual(['to']);
    expect(await errorsOf({ startMonth: '2027-02', hr: 'not-an-address', format: 'xml' })).toEqual([
      'format',
      'hr',
    ]);
  });
});
