import { DateTime } from 'luxon';
import type { FormRecord } from '#shared/data/forms.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import type { Hire } from '#shared/domain/hire.ts';
import { formIdFor } from '#shared/domain/ids.ts';
import { hasCheck, hasSession, type JourneyTemplateCopy } from '#shared/domain/journey-template.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { pointDay, type RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';

/** How the new hire says they are doing, as weather, from the brightest to the hardest: the order matters. */
export const weathers = ['sunny', 'fair', 'cloudy', 'rainy', 'stormy'] as const;
export type Weather = (typeof weathers)[number];

export const weatherLabels: Record<Locale, Record<Weather, string>> = {
  ja: { sunny: '快晴', fair: '晴れ', cloudy: 'くもり', rainy: '雨', stormy: '大雨' },
  en: { sunny: 'Sunny', fair: 'Fair', cloudy: 'Cloudy', rainy: 'Rainy', stormy: 'Stormy' },
};

export const isWeather = (value: unknown): value is Weather =>
  typeof value === 'string' && (weathers as readonly string[]).includes(value);

/** How an answer feels, to choose a self-care note: never a score. */
export type WeatherMood = 'good' | 'so-so' | 'hard';

export const weatherMood = (weather: Weather): WeatherMood =>
  weather === 'sunny' || weather === 'fair' ? 'good' : weather === 'cloudy' ? 'so-so' : 'hard';

/**
 * A check of a point counted in months goes out this long before the month is up: a 1on1 of the same month
 * falls on the anniversary, so the answer reaches HR's brief (sent the business day before the session) rather
 * than coming after. A point counted in weeks has its check on the day.
 */
const MONTHLY_LEAD_WEEKS = 1;
/** A check not answered after this many business days gets its one reminder. */
const REMIND_AFTER_BUSINESS_DAYS = 3;
/** ... and closes at the end of this many business days, unless the next check comes first. */
const OPEN_BUSINESS_DAYS = 5;

export interface PulseCheckPlan {
  /** 1 is the first check: one week after the start date. Numbers stay the same when earlier ones are left out. */
  check: number;
  sendAt: DateTime;
  /** Undefined when the check closes before a reminder would be due. */
  remindAt: DateTime | undefined;
  closesAt: DateTime;
}

export const pulseFormId = (journeyId: string, check: number): string =>
  formIdFor(journeyId, `pulse#${check}`);
export const pulseTimerName = (check: number): string => `pulse-c${check}`;

/**
 * The pulse checks of a journey, one per check of its template's cadence (by default one and two weeks after the
 * start date, then a week before each month is up), each an hour after opening on a business day of the company
 * calendar (in the journey's time zone). A check up to the template's last 1on1 goes out only before the last
 * round's session; the light checks a template keeps after its last 1on1 go on past it.
 */
export const planPulseChecks = (
  hire: Pick<Hire, 'startDate' | 'timezone'>,
  settings: Pick<OnboardingSettings, 'pulse'>,
  template: Pick<JourneyTemplateCopy, 'cadence'>,
  rounds: Pick<RoundPlan, 'sessionAt'>[],
  calendar: BusinessCalendar,
): PulseCheckPlan[] => {
  // Journeys saved before the setting existed have none: the checks are on for them too.
  if (settings.pulse === false) return [];
  const lastSession = DateTime.max(...rounds.map((round) => DateTime.fromISO(round.sessionAt)));
  if (!lastSession) return [];
  const start = DateTime.fromISO(hire.startDate, { zone: hire.timezone });
  const sendOn = (day: DateTime) => calendar.morningOf(calendar.businessDayFrom(day));
  const lastSessionPoint = template.cadence.findLastIndex(hasSession);
  const sendTimes = template.cadence.flatMap((point, index) => {
    if (!hasCheck(point)) return [];
    const day = pointDay(start, point);
    const sendAt = sendOn(point.weeks === undefined ? day.minus({ weeks: MONTHLY_LEAD_WEEKS }) : day);
    return index > lastSessionPoint || sendAt < lastSession ? [sendAt] : [];
  });
  // Points in weeks and in months interleave by their send day; two on one morning are one check.
  const ahead = sendTimes
    .sort((one, two) => one.toMillis() - two.toMillis())
    .filter((at, index, all) => index === 0 || !at.equals(all[index - 1] as DateTime));
  return ahead.map((sendAt, index) => {
    const next = ahead[index + 1];
    const fullWindow = calendar.closesOn(calendar.addBusinessDays(sendAt, OPEN_BUSINESS_DAYS));
    const closesAt = next && next < fullWindow ? next : fullWindow;
    const remindAt = calendar.morningOf(calendar.addBusinessDays(sendAt, REMIND_AFTER_BUSINESS_DAYS));
    return { check: index + 1, sendAt, remindAt: remindAt < closesAt ? remindAt : undefined, closesAt };
  });
};

/** The checks still to be sent at `at`: a hire posted after their start date gets only those, numbered as planned. */
export const pulseChecksAhead = (plans: PulseCheckPlan[], at: Date): PulseCheckPlan[] =>
  plans.filter((plan) => plan.sendAt.toMillis() > at.getTime());

/** One answered check as HR sees it: the weather answers, never the comment. */
export interface PulsePoint {
  at: string;
  check: number;
  answer: Weather;
  workload?: Weather;
  relationships?: Weather;
}

/** The person's answered checks, in order: what HR's view shows and what the person sees back as a chart. */
export const pulseSeries = (forms: FormRecord[]): PulsePoint[] =>
  forms
    .filter((form) => form.kind === 'pulse' && form.status === 'submitted' && isWeather(form.answers?.answer))
    .sort((a, b) => (a.check ?? 0) - (b.check ?? 0))
    .map((form) => {
      const { answer, workload, relationships } = form.answers ?? {};
      return {
        at: form.submittedAt ?? form.createdAt,
        check: form.check ?? 0,
        answer: answer as Weather,
        ...(isWeather(workload) ? { workload } : {}),
        ...(isWeather(relationships) ? { relationships } : {}),
      };
    });
