import { DateTime } from 'luxon';
import type { FormRecipient, FormStatus } from '#shared/data/forms.ts';
import type { JourneyStatus } from '#shared/data/journeys.ts';
import type { TimelineEvent } from '#shared/data/timeline.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { type Condition, conditions, type FormKind } from '#shared/domain/form-fields.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import { type Weather, weathers } from '#shared/domain/pulse.ts';

/**
 * A 1on1 held up to this many business days after the time planned when its round began (when the invitation
 * and prep requests went out) still counts as on time: a move within the same working week keeps the round's
 * rhythm; one pushed further has slipped out of its month's window.
 */
export const ROUND_SLIP_BUSINESS_DAYS = 5;

/** Alert sources the system raises today; others (added later) are counted under their own name too. */
export const alertSources = ['manager', 'mentor', 'session', 'pulse'] as const;

export const prepRoles = ['interviewer', 'manager', 'mentor'] as const;
type PrepRole = (typeof prepRoles)[number];

/** What a report reads of a form: its kind, status and place, and a pulse check's weather; never free text. */
export interface ReportForm {
  kind: FormKind;
  status: FormStatus;
  role: FormRecipient['role'];
  round?: number;
  followUp?: boolean;
  check?: number;
  weather?: Weather;
}

/** One journey as a report reads it. */
export interface ReportJourney {
  phase: 'offer' | 'onboarding';
  status: JourneyStatus;
  /** As it is now: a moved start date counts from the day it was moved to. */
  startDate: string;
  timezone: string;
  /** The rounds as now planned: a moved session is here at the time it was held. */
  rounds: RoundPlan[];
  timeline: TimelineEvent[];
  forms: ReportForm[];
}

export type Rate = number | null;

/** A share from 0 to 1, to four places; null when there is nothing to divide by (never 0 or NaN). */
export const rate = (part: number, whole: number): Rate =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

export const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const count = <T>(items: T[], matches: (item: T) => boolean): number => items.filter(matches).length;

export interface OfferFigures {
  made: number;
  accepted: number;
  declined: number;
  lapsed: number;
  /** Still being decided, or cancelled before a decision. */
  noDecision: number;
  /** Accepted out of accepted, declined and lapsed: offers still open do not count either way. */
  acceptanceRate: Rate;
}

const offerEnds = ['offer.accepted', 'offer.declined', 'offer.lapsed'];

export const offerFigures = (journeys: ReportJourney[]): OfferFigures => {
  // An offer ends once: the first ending in its timeline is the one that counted.
  const ends = journeys
    .filter((journey) => journey.phase === 'offer')
    .map((journey) => journey.timeline.find((event) => offerEnds.includes(event.type))?.type);
  const accepted = count(ends, (end) => end === 'offer.accepted');
  const declined = count(ends, (end) => end === 'offer.declined');
  const lapsed = count(ends, (end) => end === 'offer.lapsed');
  return {
    made: ends.length,
    accepted,
    declined,
    lapsed,
    noDecision: ends.length - accepted - declined - lapsed,
    acceptanceRate: rate(accepted, accepted + declined + lapsed),
  };
};

export interface Response {
  /** Forms that closed: answered, or past their deadline unanswered. Cancelled ones are left out. */
  closed: number;
  submitted: number;
  responseRate: Rate;
}

const responseOf = (forms: ReportForm[]): Response => {
  const submitted = count(forms, (form) => form.status === 'submitted');
  const closed = submitted + count(forms, (form) => form.status === 'expired');
  return { closed, submitted, responseRate: rate(submitted, closed) };
};

const isPrep = (form: ReportForm) =>
  (form.kind === 'interviewer-insight' || form.kind === 'manager-prep') &&
  prepRoles.includes(form.role as PrepRole);

export type ConditionCounts = Record<Condition | 'notRecorded', number>;

export interface RoundFigures {
  round: number;
  /** Rounds whose 1on1 outcome was recorded or whose outcome deadline passed. */
  due: number;
  heldOnTime: number;
  onTimeRate: Rate;
  conditions: ConditionCounts;
  prep: Response;
}

interface RoundFacts {
  round: number;
  recorded?: Condition;
  notRecorded: boolean;
  onTime: boolean;
}

const isCondition = (value: unknown): value is Condition => conditions.includes(value as Condition);

/**
 * Each monthly round of one journey that is due: its outcome recorded (with the condition HR saw) or its
 * outcome deadline passed. On time: recorded, and the 1on1 held no later than `ROUND_SLIP_BUSINESS_DAYS`
 * after the time planned when the round began. Extra follow-up sessions are not rounds.
 */
export const dueRounds = (journey: ReportJourney, calendar: BusinessCalendar): RoundFacts[] => {
  const monthly = (event: TimelineEvent) => typeof event.round === 'number' && event.followUp !== true;
  const planned = new Map<number, string>();
  const recorded = new Map<number, Condition>();
  const notRecorded = new Set<number>();
  for (const event of journey.timeline.filter(monthly)) {
    const round = event.round as number;
    if (event.type === 'round.started' && typeof event.sessionAt === 'string')
      planned.set(round, event.sessionAt);
    if (event.type === 'outcome.recorded' && isCondition(event.condition))
      recorded.set(round, event.condition);
    if (event.type === 'outcome.expired') notRecorded.add(round);
  }
  const at = (iso: string) => DateTime.fromISO(iso).setZone(journey.timezone);
  return [...new Set([...recorded.keys(), ...notRecorded])].map((round) => {
    const held = journey.rounds.find((plan) => plan.round === round)?.sessionAt;
    const plan = planned.get(round) ?? held;
    const inWindow =
      held !== undefined &&
      plan !== undefined &&
      at(held) <= calendar.addBusinessDays(at(plan), ROUND_SLIP_BUSINESS_DAYS);
    return {
      round,
      recorded: recorded.get(round),
      notRecorded: !recorded.has(round),
      onTime: recorded.has(round) && inWindow,
    };
  });
};

export interface RoundTotals {
  due: number;
  heldOnTime: number;
  onTimeRate: Rate;
  byRound: RoundFigures[];
}

export const roundFigures = (journeys: ReportJourney[], calendar: BusinessCalendar): RoundTotals => {
  const facts = journeys.flatMap((journey) => dueRounds(journey, calendar));
  const prepForms = journeys.flatMap((journey) =>
    journey.forms.filter((form) => isPrep(form) && form.round !== undefined),
  );
  const rounds = [
    ...new Set([...facts.map((fact) => fact.round), ...prepForms.map((form) => form.round ?? 0)]),
  ];
  const byRound = rounds
    .sort((a, b) => a - b)
    .map((round): RoundFigures => {
      const ofRound = facts.filter((fact) => fact.round === round);
      const heldOnTime = count(ofRound, (fact) => fact.onTime);
      const conditionCounts = Object.fromEntries(
        conditions.map((condition) => [condition, count(ofRound, (fact) => fact.recorded === condition)]),
      ) as Record<Condition, number>;
      return {
        round,
        due: ofRound.length,
        heldOnTime,
        onTimeRate: rate(heldOnTime, ofRound.length),
        conditions: { ...conditionCounts, notRecorded: count(ofRound, (fact) => fact.notRecorded) },
        prep: responseOf(prepForms.filter((form) => form.round === round)),
      };
    });
  const heldOnTime = count(facts, (fact) => fact.onTime);
  return { due: facts.length, heldOnTime, onTimeRate: rate(heldOnTime, facts.length), byRound };
};

export interface PrepFigures extends Response {
  byRole: (Response & { role: PrepRole })[];
}

/** Prep forms (interviewers' after an offer, the manager's and mentor's before each 1on1) answered. */
export const prepFigures = (journeys: ReportJourney[]): PrepFigures => {
  const prep = journeys.flatMap((journey) => journey.forms.filter(isPrep));
  return {
    ...responseOf(prep),
    byRole: prepRoles.map((role) => ({ role, ...responseOf(prep.filter((form) => form.role === role)) })),
  };
};

export interface AlertFigures {
  raised: number;
  bySource: Record<string, number>;
  handled: number;
  open: number;
  /** Over handled alerts, from raised to marked handled; null when none was handled. */
  medianHoursToHandle: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Alerts raised and how long HR took to mark them handled (`alert.handled` naming the alert's `alertId`). An
 * alert recorded before alerts had ids cannot be marked handled, so it stays open.
 */
export const alertFigures = (journeys: ReportJourney[]): AlertFigures => {
  const bySource: Record<string, number> = Object.fromEntries(alertSources.map((source) => [source, 0]));
  const hoursToHandle: number[] = [];
  let raised = 0;
  for (const journey of journeys) {
    const handledAt = new Map<string, number>();
    for (const event of journey.timeline) {
      if (
        event.type === 'alert.handled' &&
        typeof event.alertId === 'string' &&
        !handledAt.has(event.alertId)
      ) {
        handledAt.set(event.alertId, Date.parse(event.at));
      }
    }
    for (const event of journey.timeline.filter((candidate) => candidate.type === 'alert.raised')) {
      raised += 1;
      const source = typeof event.source === 'string' ? event.source : 'unknown';
      bySource[source] = (bySource[source] ?? 0) + 1;
      const handled = typeof event.alertId === 'string' ? handledAt.get(event.alertId) : undefined;
      if (handled !== undefined) hoursToHandle.push(Math.max(0, handled - Date.parse(event.at)) / HOUR_MS);
    }
  }
  const middle = median(hoursToHandle);
  return {
    raised,
    bySource,
    handled: hoursToHandle.length,
    open: raised - hoursToHandle.length,
    medianHoursToHandle: middle === null ? null : Math.round(middle * 10) / 10,
  };
};

export interface PulseCheckFigures {
  check: number;
  answers: Record<Weather, number>;
  /** Checks that closed without an answer. */
  unanswered: number;
}

export interface PulseFigures {
  answered: number;
  unanswered: number;
  byCheck: PulseCheckFigures[];
}

/** The weathers new hires answered, check by check (the first check, the second, ...), counts only. */
export const pulseFigures = (journeys: ReportJourney[]): PulseFigures => {
  const checks = journeys.flatMap((journey) =>
    journey.forms.filter((form) => form.kind === 'pulse' && form.check !== undefined),
  );
  const answered = checks.filter((form) => form.status === 'submitted' && form.weather !== undefined);
  const unanswered = checks.filter((form) => form.status === 'expired');
  const numbers = [...new Set([...answered, ...unanswered].map((form) => form.check ?? 0))].sort(
    (a, b) => a - b,
  );
  return {
    answered: answered.length,
    unanswered: unanswered.length,
    byCheck: numbers.map((check) => ({
      check,
      answers: Object.fromEntries(
        weathers.map((weather) => [
          weather,
          count(answered, (form) => form.check === check && form.weather === weather),
        ]),
      ) as Record<Weather, number>,
      unanswered: count(unanswered, (form) => form.check === check),
    })),
  };
};

/** How long after their start date people are counted as still with the company. */
export const retentionMonths = [3, 6, 12] as const;

export interface RetentionAfter {
  months: (typeof retentionMonths)[number];
  /** Whether every hire of the start month has reached this many months: until then the figures are null. */
  reached: boolean;
  stayed: number | null;
  retentionRate: Rate;
}

export interface StartMonthRetention {
  /** `YYYY-MM`. */
  startMonth: string;
  /** Hires who started: the journey reached its start date (an offer accepted, not cancelled before). */
  started: number;
  after: RetentionAfter[];
}

export interface RetentionFigures {
  byStartMonth: StartMonthRetention[];
}

const dayIn = (at: Date | string, zone: string): string =>
  (typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at)).setZone(zone).toISODate() ?? '';

/** Whether the person joined by `today`: an offer was accepted, and the journey was not cancelled before the start. */
export const hasStarted = (journey: ReportJourney, today: string): boolean => {
  if (journey.phase === 'offer' && !journey.timeline.some((event) => event.type === 'offer.accepted'))
    return false;
  if (journey.startDate > today) return false;
  if (journey.status !== 'cancelled') return true;
  const cancelled = journey.timeline.find((event) => event.type === 'journey.cancelled');
  return cancelled !== undefined && dayIn(cancelled.at, journey.timezone) >= journey.startDate;
};

/** The person's last day with the company, as the first `journey.left` recorded it. */
export const lastDayOf = (journey: ReportJourney): string | undefined => {
  const left = journey.timeline.find(
    (event) => event.type === 'journey.left' && typeof event.on === 'string',
  );
  return left?.on as string | undefined;
};

/** The day `months` after a start date (the last day of a shorter month for a start on the 29th to 31st). */
export const monthsAfter = (startDate: string, months: number): string =>
  DateTime.fromISO(startDate, { zone: 'utc' }).plus({ months }).toISODate() ?? '';

/**
 * Retention by start month: of the hires who started, how many were still with the company 3, 6 and 12 months
 * after their start date. Someone whose last day is that very day was still there; a cancelled journey that had
 * started records no departure, so its person counts as staying. A horizon counts for a start month only once
 * every hire of it has reached it (in their own time zone): a partial count would read as a rate.
 */
export const retentionFigures = (journeys: ReportJourney[], asOf: Date): RetentionFigures => {
  const started = journeys.filter((journey) => hasStarted(journey, dayIn(asOf, journey.timezone)));
  const months = [...new Set(started.map((journey) => journey.startDate.slice(0, 7)))].sort();
  return {
    byStartMonth: months.map((startMonth): StartMonthRetention => {
      const cohort = started.filter((journey) => journey.startDate.startsWith(startMonth));
      return {
        startMonth,
        started: cohort.length,
        after: retentionMonths.map((after): RetentionAfter => {
          const horizon = (journey: ReportJourney) => monthsAfter(journey.startDate, after);
          const reached = cohort.every((journey) => horizon(journey) <= dayIn(asOf, journey.timezone));
          if (!reached) return { months: after, reached, stayed: null, retentionRate: null };
          const stayed = count(cohort, (journey) => (lastDayOf(journey) ?? '9999-12-31') >= horizon(journey));
          return { months: after, reached, stayed, retentionRate: rate(stayed, cohort.length) };
        }),
      };
    }),
  };
};

export interface ReportFigures {
  journeys: number;
  offers: OfferFigures;
  rounds: RoundTotals;
  prep: PrepFigures;
  alerts: AlertFigures;
  pulse: PulseFigures;
  retention: RetentionFigures;
}

/**
 * Every figure of a report, from the journeys whose start date falls in its period, as of a moment (retention
 * counts the months passed by then). Counts and rates only.
 */
export const reportFigures = (
  journeys: ReportJourney[],
  calendar: BusinessCalendar,
  asOf: Date,
): ReportFigures => ({
  journeys: journeys.length,
  offers: offerFigures(journeys),
  rounds: roundFigures(journeys, calendar),
  prep: prepFigures(journeys),
  alerts: alertFigures(journeys),
  pulse: pulseFigures(journeys),
  retention: retentionFigures(journeys, asOf),
});
