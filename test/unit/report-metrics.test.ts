import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/data/timeline.ts';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { conditions } from '#shared/domain/form-fields.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import { weathers } from '#shared/domain/pulse.ts';
import {
  alertFigures,
  median,
  offerFigures,
  prepFigures,
  pulseFigures,
  type ReportForm,
  type ReportJourney,
  rate,
  reportFigures,
  retentionFigures,
  roundFigures,
} from '#shared/domain/report-metrics.ts';

const event = (type: string, at: string, detail: Record<string, unknown> = {}) =>
  ({ type, at, ...detail }) as TimelineEvent;

const journey = (overrides: Partial<ReportJourney> = {}): ReportJourney => ({
  phase: 'onboarding',
  status: 'onboarding',
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
  rounds: [],
  timeline: [],
  forms: [],
  ...overrides,
});

const plan = (round: number, sessionAt: string): RoundPlan => ({
  round,
  startsAt: sessionAt,
  sessionAt,
  prepDeadline: sessionAt,
});

describe('rate and median', () => {
  it('gives null, never 0 or NaN, when there is nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 2)).toBe(1);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('offer figures', () => {
  it('counts accepted out of accepted, declined and lapsed: offers still open count either way', () => {
    const offer = (...types: string[]) =>
      journey({ phase: 'offer', timeline: types.map((type) => event(type, '2026-12-03T02:00:00Z')) });
    expect(
      offerFigures([
        offer('offer.accepted'),
        offer('offer.accepted'),
        offer('offer.declined'),
        offer('offer.lapsed'),
        offer(),
        journey({ timeline: [event('journey.started', '2026-12-01T00:00:00Z')] }),
      ]),
    ).toEqual({ made: 5, accepted: 2, declined: 1, lapsed: 1, noDecision: 1, acceptanceRate: 0.5 });
    expect(offerFigures([offer()]).acceptanceRate).toBeNull();
  });
});

describe('rounds held on time', () => {
  const planned = '2027-03-01T15:00:00+09:00';
  const recorded = (round: number, condition: string, extra: Record<string, unknown> = {}) =>
    event('outcome.recorded', '2027-03-02T01:00:00Z', { round, condition, consent: 'none', ...extra });
  const started = (round: number, sessionAt = planned) =>
    event('round.started', '2027-02-22T01:00:00Z', { round, sessionAt });

  it('counts a recorded 1on1 held within five business days of the time planned as its round began', () => {
    // 1 March 2027 is a Monday: five business days on is Monday 8 March at the same time.
    const held = (sessionAt: string) =>
      roundFigures(
        [journey({ rounds: [plan(1, sessionAt)], timeline: [started(1), recorded(1, 'good')] })],
        DEFAULT_CALENDAR,
      );
    expect(held('2027-02-26T15:00:00+09:00')).toMatchObject({ due: 1, heldOnTime: 1, onTimeRate: 1 });
    expect(held('2027-03-08T15:00:00+09:00')).toMatchObject({ due: 1, heldOnTime: 1 });
    expect(held('2027-03-08T16:00:00+09:00')).toMatchObject({ due: 1, heldOnTime: 0, onTimeRate: 0 });
  });

  it('counts a round whose outcome was never recorded as due and not on time, and leaves extra sessions out', () => {
    const figures = roundFigures(
      [
        journey({
          rounds: [plan(1, planned), plan(2, '2027-04-01T15:00:00+09:00')],
          timeline: [
            started(1),
            recorded(1, 'alert'),
            recorded(1, 'good', { followUp: true }),
            started(2, '2027-04-01T15:00:00+09:00'),
            event('outcome.expired', '2027-04-07T09:00:00Z', { round: 2 }),
          ],
          forms: [
            { kind: 'manager-prep', status: 'submitted', role: 'manager', round: 1 },
            { kind: 'manager-prep', status: 'expired', role: 'mentor', round: 1 },
            { kind: 'manager-prep', status: 'cancelled', role: 'manager', round: 2 },
          ],
        }),
        // A round not yet due: started, no outcome either way.
        journey({ rounds: [plan(1, planned)], timeline: [started(1)] }),
      ],
      DEFAULT_CALENDAR,
    );
    expect(figures).toEqual({
      due: 2,
      heldOnTime: 1,
      onTimeRate: 0.5,
      byRound: [
        {
          round: 1,
          due: 1,
          heldOnTime: 1,
          onTimeRate: 1,
          conditions: { good: 0, watch: 0, alert: 1, notRecorded: 0 },
          prep: { closed: 2, submitted: 1, responseRate: 0.5 },
        },
        {
          round: 2,
          due: 1,
          heldOnTime: 0,
          onTimeRate: 0,
          conditions: { good: 0, watch: 0, alert: 0, notRecorded: 1 },
          prep: { closed: 0, submitted: 0, responseRate: null },
        },
      ],
    });
  });
});

describe('prep response', () => {
  it('counts forms answered out of those closed, per role; cancelled and open forms do not count', () => {
    const forms: ReportForm[] = [
      { kind: 'interviewer-insight', status: 'submitted', role: 'interviewer' },
      { kind: 'interviewer-insight', status: 'expired', role: 'interviewer' },
      { kind: 'manager-prep', status: 'submitted', role: 'manager', round: 1 },
      { kind: 'manager-prep', status: 'open', role: 'mentor', round: 1 },
      { kind: 'manager-prep', status: 'cancelled', role: 'mentor', round: 1 },
      { kind: 'session-outcome', status: 'submitted', role: 'hr', round: 1 },
    ];
    expect(prepFigures([journey({ forms })])).toEqual({
      closed: 3,
      submitted: 2,
      responseRate: 0.6667,
      byRole: [
        { role: 'interviewer', closed: 2, submitted: 1, responseRate: 0.5 },
        { role: 'manager', closed: 1, submitted: 1, responseRate: 1 },
        { role: 'mentor', closed: 0, submitted: 0, responseRate: null },
      ],
    });
  });
});

describe('alerts', () => {
  it('counts alerts by source and takes the median time to handle over the handled ones', () => {
    const raised = (alertId: string | undefined, source: string, at: string) =>
      event('alert.raised', at, { round: 1, source, ...(alertId ? { alertId } : {}) });
    const handled = (alertId: string, at: string) => event('alert.handled', at, { alertId });
    const figures = alertFigures([
      journey({
        timeline: [
          raised('a1', 'manager', '2027-03-01T00:00:00Z'),
          raised('a2', 'pulse', '2027-03-02T00:00:00Z'),
          handled('a1', '2027-03-01T02:00:00Z'),
          handled('a2', '2027-03-02T06:00:00Z'),
          // Handled twice: the first time counts.
          handled('a2', '2027-03-03T00:00:00Z'),
        ],
      }),
      journey({
        timeline: [
          // Another journey may reuse an alert id: handling is matched within the journey.
          raised('a1', 'session', '2027-03-05T00:00:00Z'),
          handled('a1', '2027-03-05T10:00:00Z'),
          // Raised before alerts had ids: it cannot be marked handled, so it stays open.
          raised(undefined, 'mentor', '2027-02-01T00:00:00Z'),
        ],
      }),
    ]);
    expect(figures).toEqual({
      raised: 4,
      bySource: { manager: 1, mentor: 1, session: 1, pulse: 1 },
      handled: 3,
      open: 1,
      medianHoursToHandle: 6,
    });
    expect(alertFigures([]).medianHoursToHandle).toBeNull();
  });
});

describe('pulse answers', () => {
  it('counts each weather per check, and the checks that closed unanswered', () => {
    const check = (
      number: number,
      status: ReportForm['status'],
      weather?: ReportForm['weather'],
    ): ReportForm => ({
      kind: 'pulse',
      status,
      role: 'employee',
      check: number,
      ...(weather ? { weather } : {}),
    });
    expect(
      pulseFigures([
        journey({ forms: [check(1, 'submitted', 'sunny'), check(2, 'expired'), check(3, 'open')] }),
        journey({ forms: [check(1, 'submitted', 'stormy'), check(2, 'submitted', 'sunny')] }),
      ]),
    ).toEqual({
      answered: 3,
      unanswered: 1,
      byCheck: [
        { check: 1, answers: { sunny: 1, fair: 0, cloudy: 0, rainy: 0, stormy: 1 }, unanswered: 0 },
        { check: 2, answers: { sunny: 1, fair: 0, cloudy: 0, rainy: 0, stormy: 0 }, unanswered: 1 },
      ],
    });
  });
});

describe('every figure, for any journeys', () => {
  const iso = fc
    .integer({ min: Date.parse('2027-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const round = fc.integer({ min: 1, max: 4 });
  const timelineEvent = fc.oneof(
    fc
      .constantFrom('offer.accepted', 'offer.declined', 'offer.lapsed')
      .map((type) => event(type, '2026-12-03T00:00:00Z')),
    fc
      .record({ round, at: iso })
      .map(({ round, at }) => event('round.started', at, { round, sessionAt: at })),
    fc
      .record({ round, at: iso, condition: fc.constantFrom(...conditions), followUp: fc.boolean() })
      .map(({ at, ...detail }) => event('outcome.recorded', at, detail)),
    fc.record({ round, at: iso }).map(({ at, round }) => event('outcome.expired', at, { round })),
    fc
      .record({
        alertId: fc.constantFrom('a', 'b', 'c'),
        at: iso,
        source: fc.constantFrom('manager', 'pulse', 'other'),
      })
      .map(({ at, ...detail }) => event('alert.raised', at, detail)),
    fc
      .record({ alertId: fc.constantFrom('a', 'b', 'c'), at: iso })
      .map(({ at, alertId }) => event('alert.handled', at, { alertId })),
  );
  const form = fc.record(
    {
      kind: fc.constantFrom('interviewer-insight', 'manager-prep', 'pulse', 'session-outcome'),
      status: fc.constantFrom('open', 'submitted', 'expired', 'cancelled'),
      role: fc.constantFrom('interviewer', 'manager', 'mentor', 'employee', 'hr'),
      round,
      check: fc.integer({ min: 1, max: 5 }),
      weather: fc.constantFrom(...weathers),
    },
    { requiredKeys: ['kind', 'status', 'role'] },
  ) as fc.Arbitrary<ReportForm>;
  const reportJourney = fc.record({
    phase: fc.constantFrom('offer', 'onboarding'),
    status: fc.constant('onboarding'),
    startDate: fc.constantFrom('2027-01-15', '2027-04-01', '2027-08-31'),
    timezone: fc.constant('Asia/Tokyo'),
    rounds: fc.array(
      fc.record({ round, sessionAt: iso }).map(({ round, sessionAt }) => plan(round, sessionAt)),
      {
        maxLength: 4,
      },
    ),
    timeline: fc.array(timelineEvent, { maxLength: 12 }),
    forms: fc.array(form, { maxLength: 12 }),
  }) as fc.Arbitrary<ReportJourney>;

  const rates = (value: unknown): unknown[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => (/Rate$/.test(key) ? [inner] : rates(inner)))
      : [];
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

  it('keeps every rate within 0..1 or null, and every breakdown adding up to its total', () => {
    fc.assert(
      fc.property(fc.array(reportJourney, { maxLength: 6 }), (journeys) => {
        const figures = reportFigures(journeys, DEFAULT_CALENDAR, new Date('2028-01-01T00:00:00Z'));
        for (const value of rates(figures)) {
          expect(value === null || (typeof value === 'number' && value >= 0 && value <= 1)).toBe(true);
        }
        const { offers, rounds, prep, alerts, pulse } = figures;
        expect(offers.accepted + offers.declined + offers.lapsed + offers.noDecision).toBe(offers.made);
        expect(offers.noDecision).toBeGreaterThanOrEqual(0);
        expect(sum(rounds.byRound.map((each) => each.due))).toBe(rounds.due);
        expect(sum(rounds.byRound.map((each) => each.heldOnTime))).toBe(rounds.heldOnTime);
        expect(rounds.heldOnTime).toBeLessThanOrEqual(rounds.due);
        for (const each of rounds.byRound) expect(sum(Object.values(each.conditions))).toBe(each.due);
        expect(sum(prep.byRole.map((each) => each.closed))).toBe(prep.closed);
        expect(sum(prep.byRole.map((each) => each.submitted))).toBe(prep.submitted);
        expect(sum(Object.values(alerts.bySource))).toBe(alerts.raised);
        expect(alerts.handled + alerts.open).toBe(alerts.raised);
        expect(sum(pulse.byCheck.map((each) => sum(Object.values(each.answers))))).toBe(pulse.answered);
        expect(sum(pulse.byCheck.map((each) => each.unanswered))).toBe(pulse.unanswered);
      }),
    );
  });
});

describe('retention by start month', () => {
  const left = (on: string) => event('journey.left', `${on}T09:00:00Z`, { on, reason: 'voluntary' });
  const accepted = event('offer.accepted', '2027-02-01T01:00:00Z');
  const at = (iso: string) => new Date(iso);
  const cohorts = (journeys: ReportJourney[], asOf: string) =>
    retentionFigures(journeys, at(asOf)).byStartMonth.map(({ startMonth, started, after: horizons }) => ({
      startMonth,
      started,
      stayed: horizons.map((each) => each.stayed),
    }));

  it('counts who is still there 3, 6 and 12 months after starting, "not yet" (null) until every hire is that far', () => {
    const april = [
      journey({ startDate: '2027-04-01' }),
      journey({ startDate: '2027-04-01', status: 'left', timeline: [left('2027-05-31')] }),
      journey({ startDate: '2027-04-15', status: 'left', timeline: [left('2027-09-30')] }),
    ];
    // 15 July in Tokyo: the hire of 15 April is three months in, the others more.
    expect(cohorts(april, '2027-07-14T15:00:00Z')).toEqual([
      { startMonth: '2027-04', started: 3, stayed: [2, null, null] },
    ]);
    expect(cohorts(april, '2027-07-14T14:59:59Z')[0]?.stayed).toEqual([null, null, null]);
    const year = retentionFigures(april, at('2028-04-15T00:00:00Z')).byStartMonth[0];
    expect(year?.after).toEqual([
      { months: 3, reached: true, stayed: 2, retentionRate: 0.6667 },
      { months: 6, reached: true, stayed: 1, retentionRate: 0.3333 },
      { months: 12, reached: true, stayed: 1, retentionRate: 0.3333 },
    ]);
  });

  it('counts someone whose last day is the 3-month day as still there that day, and not the day before', () => {
    const lastDay = (on: string) =>
      journey({ startDate: '2027-04-01', status: 'left', timeline: [left(on)] });
    expect(cohorts([lastDay('2027-07-01')], '2027-08-01T00:00:00Z')[0]?.stayed[0]).toBe(1);
    expect(cohorts([lastDay('2027-06-30')], '2027-08-01T00:00:00Z')[0]?.stayed[0]).toBe(0);
    // A start on the 31st: three months later is the last day of a shorter month.
    const late = journey({ startDate: '2027-08-31', status: 'left', timeline: [left('2027-11-30')] });
    expect(cohorts([late], '2027-12-01T00:00:00Z')[0]?.stayed[0]).toBe(1);
  });

  it('counts only hires who started, by the start date as it is now', () => {
    const journeys = [
      // Moved from March to April: an April hire.
      journey({ startDate: '2027-04-01' }),
      journey({ phase: 'offer', status: 'declined', startDate: '2027-04-01' }),
      journey({ phase: 'offer', status: 'offer-follow-up', startDate: '2027-04-01' }),
      journey({ phase: 'offer', status: 'onboarding', startDate: '2027-04-02', timeline: [accepted] }),
      journey({
        status: 'cancelled',
        startDate: '2027-04-05',
        timeline: [event('journey.cancelled', '2027-04-04T02:00:00Z')],
      }),
      // Cancelled after its start: the hire joined, and no departure is known.
      journey({
        status: 'cancelled',
        startDate: '2027-04-05',
        timeline: [event('journey.cancelled', '2027-04-06T02:00:00Z')],
      }),
      // Not started yet on the day of the report.
      journey({ status: 'awaiting-start', startDate: '2027-05-10' }),
      journey({ status: 'completed', startDate: '2027-03-01' }),
    ];
    expect(cohorts(journeys, '2027-05-01T00:00:00Z')).toEqual([
      { startMonth: '2027-03', started: 1, stayed: [null, null, null] },
      { startMonth: '2027-04', started: 3, stayed: [null, null, null] },
    ]);
    expect(cohorts(journeys, '2027-07-10T00:00:00Z')).toEqual([
      { startMonth: '2027-03', started: 1, stayed: [1, null, null] },
      { startMonth: '2027-04', started: 3, stayed: [3, null, null] },
      { startMonth: '2027-05', started: 1, stayed: [null, null, null] },
    ]);
  });

  it('is empty when no one started', () => {
    expect(retentionFigures([], at('2027-07-10T00:00:00Z'))).toEqual({ byStartMonth: [] });
  });
});
