import { type RoundPlan, sessionEndsAt } from '#shared/domain/onboarding-schedule.ts';
import { type Weather, weathers } from '#shared/domain/pulse.ts';

/**
 * Why a pulse answer calls for HR: the person said things are as bad as the scale goes (`stormy`); or they are
 * two steps or more below their own usual, the mean of their earlier answers once there are two (a person who
 * always says `cloudy` is not alarming at `cloudy`, one who always says `sunny` is); or their last three answers
 * each fell below the one before, a slide no single answer shows.
 */
export type PulseAlertCause = 'stormy' | 'below-usual' | 'falling';

const BELOW_USUAL_STEPS = 2;
const USUAL_NEEDS_ANSWERS = 2;
/** How many answers in a row, each below the one before, make a fall. */
export const FALLING_RUN = 3;

// 0 is sunny: a larger number is a worse day.
const level = (weather: Weather): number => weathers.indexOf(weather);

/**
 * The cause of the alert the latest answer of a series raises, or none. The series is every answered check in
 * order, the latest last; one answer raises at most one alert, the strongest cause first.
 */
export const pulseAlertCause = (series: readonly Weather[]): PulseAlertCause | undefined => {
  const latest = series.at(-1);
  if (latest === undefined) return undefined;
  if (latest === 'stormy') return 'stormy';
  const earlier = series.slice(0, -1).map(level);
  if (earlier.length >= USUAL_NEEDS_ANSWERS) {
    const usual = earlier.reduce((sum, value) => sum + value, 0) / earlier.length;
    if (level(latest) - usual >= BELOW_USUAL_STEPS) return 'below-usual';
  }
  const run = series.slice(-FALLING_RUN).map(level);
  if (
    run.length === FALLING_RUN &&
    run.every((value, index) => index === 0 || value > (run[index - 1] ?? value))
  ) {
    return 'falling';
  }
  return undefined;
};

/**
 * The round a pulse alert belongs to: the first whose session has not ended at `at` (the one it can still help
 * prepare), or the last once all have; its extra session is that round's one.
 */
export const pulseAlertRound = (rounds: readonly RoundPlan[], at: Date): number | undefined => {
  const ordered = [...rounds].sort((one, two) => one.round - two.round);
  return (ordered.find((plan) => sessionEndsAt(plan).toMillis() > at.getTime()) ?? ordered.at(-1))?.round;
};
