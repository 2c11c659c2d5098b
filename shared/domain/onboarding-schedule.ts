import { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import type { Hire } from '#shared/domain/hire.ts';
import { type CadencePoint, hasSession, type JourneyTemplateCopy } from '#shared/domain/journey-template.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';
import { prepWindow } from '#shared/domain/prep-window.ts';

/** How long an HR 1on1 is booked for when its plan says nothing: planned before templates, when it was always this. */
const SESSION_MINUTES = 60;
const ONBOARDING_START_HOUR = 9;
/** An extra follow-up after an alert is proposed within this many business days. */
const FOLLOW_UP_BUSINESS_DAYS = 3;

export interface RoundPlan {
  round: number;
  /** When the round begins: the invitation goes out and the manager is asked to prepare. */
  startsAt: string;
  sessionAt: string;
  prepDeadline: string;
  /** How long the session is booked for, from the journey's template; plans made before templates have none (60). */
  sessionMinutes?: number;
  /** Where this round's session takes place, when HR set it for the round; the journey's `location` otherwise. */
  location?: string;
}

const iso = (moment: DateTime): string => moment.toISO({ suppressMilliseconds: true }) ?? '';

const sessionTimeOn = (day: DateTime, settings: OnboardingSettings): DateTime => {
  const [hour, minute] = settings.sessionTime.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** The day a point of the cadence falls on, counted from the start date. */
export const pointDay = (startDate: DateTime, point: CadencePoint): DateTime =>
  startDate.plus(point.weeks !== undefined ? { weeks: point.weeks } : { months: point.months ?? 0 });

/** How a template shapes each round: its prep lead time and its session length. */
export type RoundShape = Pick<JourneyTemplateCopy, 'prepLeadBusinessDays' | 'sessionMinutes'>;

/**
 * The HR 1on1s of the onboarding months, one per 1on1 of the template's cadence (by default one, two and three
 * months after the start date), each on a business day at HR's usual time, in the journey's time zone.
 */
export const planRounds = (
  hire: Hire,
  settings: OnboardingSettings,
  template: JourneyTemplateCopy,
  calendar: BusinessCalendar,
): RoundPlan[] => {
  const start = DateTime.fromISO(hire.startDate, { zone: hire.timezone });
  return template.cadence.filter(hasSession).map((point, index) => {
    const day = calendar.businessDayFrom(pointDay(start, point));
    return planRound(index + 1, sessionTimeOn(day, settings), calendar, template);
  });
};

/**
 * The rounds whose prep can still run in full at `at`: those that start (invitation and prep request) later.
 * A hire posted after their start date has passed skips the rounds that would ask about a meeting in the past.
 */
export const roundsStillAhead = (rounds: RoundPlan[], at: Date): RoundPlan[] =>
  rounds.filter((plan) => Date.parse(plan.startsAt) > at.getTime());

/** Onboarding begins on the morning of the start date, in the hire's time zone. */
export const onboardingStartsAt = (hire: Pick<Hire, 'startDate' | 'timezone'>): DateTime =>
  DateTime.fromISO(hire.startDate, { zone: hire.timezone }).set({ hour: ONBOARDING_START_HOUR });

/** Where a round's session takes place: the round's own place, else the journey's, else none said. */
export const sessionLocation = (hire: Pick<Hire, 'location'>, plan: RoundPlan): string | undefined =>
  plan.location ?? hire.location;

export const sessionMinutesOf = (plan: Pick<RoundPlan, 'sessionMinutes'>): number =>
  plan.sessionMinutes ?? SESSION_MINUTES;

export const sessionEndsAt = (plan: RoundPlan): DateTime =>
  DateTime.fromISO(plan.sessionAt, { setZone: true }).plus({ minutes: sessionMinutesOf(plan) });

/** An extra session after an alert: a few business days out, at HR's usual time. */
export const followUpSessionAt = (
  now: Date,
  hire: Hire,
  settings: OnboardingSettings,
  calendar: BusinessCalendar,
): DateTime =>
  sessionTimeOn(
    calendar.addBusinessDays(DateTime.fromJSDate(now).setZone(hire.timezone), FOLLOW_UP_BUSINESS_DAYS),
    settings,
  );

export const roundPlan = (rounds: RoundPlan[] | undefined, round: number): RoundPlan => {
  const plan = rounds?.find((candidate) => candidate.round === round);
  if (!plan) throw new Error(`no plan for round ${round}`);
  return plan;
};

/**
 * A round around its session time: it starts the template's lead time (five business days by default) before,
 * with prep due the evening before.
 */
export const planRound = (
  round: number,
  sessionAt: DateTime,
  calendar: BusinessCalendar,
  shape: RoundShape,
): RoundPlan => {
  const startsAt = calendar.morningOf(
    calendar.addBusinessDays(sessionAt.startOf('day'), -shape.prepLeadBusinessDays),
  );
  return {
    round,
    startsAt: iso(startsAt),
    sessionAt: iso(sessionAt),
    prepDeadline: iso(prepWindow(calendar, sessionAt, startsAt).deadline),
    sessionMinutes: shape.sessionMinutes,
  };
};
