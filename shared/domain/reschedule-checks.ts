import { DateTime } from 'luxon';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { type RoundPlan, sessionEndsAt, sessionMinutesOf } from '#shared/domain/onboarding-schedule.ts';
import { prepWindow } from '#shared/domain/prep-window.ts';

const zoned = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const shown = (iso: string) => zoned(iso).toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * Why a round that has not taken place cannot move from `before` to `after`, if it cannot: nobody may be asked
 * about a meeting in the past. A round that has not started needs its whole prep ahead of it; one that has
 * started, with prep forms still open, needs their deadline ahead.
 */
export const pendingRoundProblem = (
  before: RoundPlan,
  after: RoundPlan,
  prepOpen: boolean,
  calendar: BusinessCalendar,
  at: Date,
): string | undefined => {
  const now = at.getTime();
  if (Date.parse(after.sessionAt) <= now) return `would put round ${after.round}'s session in the past`;
  if (Date.parse(before.startsAt) > now) {
    if (Date.parse(after.startsAt) <= now) {
      return `leaves round ${after.round} no time to prepare: its prep would have to start on ${shown(after.startsAt)}, in the past`;
    }
  } else if (prepOpen) {
    const deadline = prepWindow(calendar, zoned(after.sessionAt), zoned(before.startsAt)).deadline;
    if (deadline.toMillis() <= now) return `would put round ${after.round}'s prep deadline in the past`;
  }
  return undefined;
};

/**
 * Why a session moved by hand does not fit the plan, if it does not: on a business day of the company
 * calendar, the whole session within working hours, and the rounds in order with room for each round's prep
 * (from five business days before its session) after the previous round's session.
 */
export const movedSessionProblem = (
  plan: RoundPlan,
  rounds: RoundPlan[],
  calendar: BusinessCalendar,
): string | undefined => {
  const sessionAt = zoned(plan.sessionAt);
  if (!calendar.isBusinessDay(sessionAt)) return 'must be on a business day of the company calendar';
  if (!calendar.holdsMeeting(sessionAt, sessionEndsAt(plan))) {
    const { from, to } = calendar.settings.workingHours;
    return `must start and end (${sessionMinutesOf(plan)} minutes) within working hours, ${from} to ${to}`;
  }
  const ordered = [...rounds].sort((one, two) => one.round - two.round);
  const previous = ordered.filter((other) => other.round < plan.round).at(-1);
  const next = ordered.find((other) => other.round > plan.round);
  if (previous && Date.parse(plan.startsAt) < sessionEndsAt(previous).toMillis()) {
    return `must leave room for its prep (from ${shown(plan.startsAt)}) after round ${previous.round}'s session`;
  }
  if (next && Date.parse(next.startsAt) < sessionEndsAt(plan).toMillis()) {
    return `must end before round ${next.round} begins (${shown(next.startsAt)})`;
  }
  return undefined;
};
