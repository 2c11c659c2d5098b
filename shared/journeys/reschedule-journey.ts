import { DateTime } from 'luxon';
import { JourneyErased } from '#shared/data/erasures.ts';
import { listForms, moveFormDeadline } from '#shared/data/forms.ts';
import { listInvitations } from '#shared/data/invitations.ts';
import { getJourney, isOpen, type Journey, saveSchedule } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { appendEvent, removeEvent } from '#shared/data/timeline.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { changeIdFor } from '#shared/domain/ids.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import {
  onboardingStartsAt,
  planRound,
  planRounds,
  type RoundPlan,
  sessionEndsAt,
  sessionLocation,
} from '#shared/domain/onboarding-schedule.ts';
import { outcomeWindow } from '#shared/domain/outcome-window.ts';
import { prepWindow } from '#shared/domain/prep-window.ts';
import { movedSessionProblem, pendingRoundProblem } from '#shared/domain/reschedule-checks.ts';
import { sessionsTooLateForTheirRound } from '#shared/journeys/begun-rounds.ts';
import { followPulsePlan } from '#shared/journeys/pulse-checks.ts';
import { updateInvitation } from '#shared/journeys/send-invitation.ts';
import { now } from '#shared/time/clock.ts';
import { cancelTimer, moveTimer } from '#shared/timers/schedule-timer.ts';

export type RescheduleRequest =
  | { startDate: string }
  | { sessions: Record<string, string> }
  | { locations: Record<string, string> };

export type RescheduleResult =
  | { ok: true }
  | { ok: false; status: 400 | 409; errors: Record<string, string> };

/** A round planned afresh keeps the place HR set for it. */
const keepingPlace = (before: RoundPlan, after: RoundPlan): RoundPlan =>
  before.location === undefined ? after : { ...after, location: before.location };

/**
 * Moves the start date or single sessions, or sets where sessions take place. Everything still pending follows,
 * earlier or later: the schedules that start rounds and end sessions, form deadlines, and the invitations people
 * already have (same UID, SEQUENCE + 1). Rounds that already took place stay as they were.
 */
export const rescheduleJourney = async (
  journey: Journey,
  request: RescheduleRequest,
): Promise<RescheduleResult> => {
  if (!isOpen(journey.status)) return ended(journey.journeyId, journey);
  const at = now();
  const calendar = await loadCompanyCalendar();
  const forms = await listForms(journey.journeyId);
  const prepOpen = (round: number) =>
    forms.some((form) => form.kind === 'manager-prep' && form.round === round && form.status === 'open');
  const tookPlace = (round: number) =>
    forms.some((form) => form.kind === 'session-outcome' && !form.followUp && form.round === round) ||
    Date.parse(journey.rounds?.find((plan) => plan.round === round)?.sessionAt ?? '') <= at.getTime();
  // Why a round named in a change cannot take it, if it cannot.
  const unchangeable = (round: number): string | undefined =>
    !journey.rounds?.some((plan) => plan.round === round)
      ? 'no such round'
      : tookPlace(round)
        ? 'this session has already taken place'
        : undefined;

  let moved: Journey;
  let detail: Record<string, unknown>;
  if ('startDate' in request) {
    const today = DateTime.fromJSDate(at).setZone(journey.hire.timezone).toISODate() ?? '';
    if (!journey.rounds && request.startDate < today) {
      return { ok: false, status: 400, errors: { startDate: 'must not be in the past' } };
    }
    const hire = { ...journey.hire, startDate: request.startDate };
    const replanned = journey.rounds && planRounds(hire, journey.onboarding, templateOf(journey), calendar);
    moved = {
      ...journey,
      hire,
      offer: journey.offer && { ...journey.offer, startDate: request.startDate },
      rounds: journey.rounds?.map((plan) => {
        const next = replanned?.find((candidate) => candidate.round === plan.round);
        return tookPlace(plan.round) || !next ? plan : keepingPlace(plan, next);
      }),
    };
    // Once onboarding has begun the start date may be corrected, even to a past day, as long as nothing still
    // pending moves into the past.
    for (const [index, plan] of (journey.rounds ?? []).entries()) {
      const after = moved.rounds?.[index];
      if (!after || tookPlace(plan.round)) continue;
      const problem = pendingRoundProblem(plan, after, prepOpen(plan.round), calendar, at);
      if (problem)
        return { ok: false, status: 400, errors: { startDate: `${problem}: choose a later date` } };
    }
    detail = { startDate: { from: journey.hire.startDate, to: request.startDate } };
  } else if ('locations' in request) {
    if (!journey.rounds) {
      return {
        ok: false,
        status: 409,
        errors: { locations: "a session's place can be set once onboarding has begun" },
      };
    }
    const errors: Record<string, string> = {};
    const places = new Map<number, string>();
    for (const [key, location] of Object.entries(request.locations)) {
      const problem = unchangeable(Number(key));
      if (problem) errors[`locations.${key}`] = problem;
      else places.set(Number(key), location);
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    moved = {
      ...journey,
      rounds: journey.rounds.map((plan) => {
        const location = places.get(plan.round);
        return location === undefined ? plan : { ...plan, location };
      }),
    };
    // The rounds only: a place is free text HR wrote, which the timeline never holds.
    detail = { locations: [...places.keys()] };
  } else {
    if (!journey.rounds) {
      return {
        ok: false,
        status: 409,
        errors: { sessions: 'sessions can be moved once onboarding has begun' },
      };
    }
    const errors: Record<string, string> = {};
    const changes = new Map<number, RoundPlan>();
    const fields = new Map<number, string>();
    for (const [key, iso] of Object.entries(request.sessions)) {
      const round = Number(key);
      const sessionAt = DateTime.fromISO(iso, { setZone: true });
      fields.set(round, `sessions.${key}`);
      const problem = unchangeable(round);
      if (problem) errors[`sessions.${key}`] = problem;
      else if (sessionAt.toMillis() <= at.getTime()) errors[`sessions.${key}`] = 'must be in the future';
      else {
        const before = journey.rounds.find((plan) => plan.round === round);
        const after = planRound(
          round,
          sessionAt.setZone(journey.hire.timezone),
          calendar,
          templateOf(journey),
        );
        changes.set(round, before ? keepingPlace(before, after) : after);
      }
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    moved = { ...journey, rounds: journey.rounds.map((plan) => changes.get(plan.round) ?? plan) };
    for (const plan of journey.rounds) {
      const after = changes.get(plan.round);
      if (!after) continue;
      const problem =
        pendingRoundProblem(plan, after, prepOpen(plan.round), calendar, at) ??
        movedSessionProblem(after, moved.rounds ?? [], calendar);
      if (problem) errors[fields.get(plan.round) ?? ''] = problem;
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    detail = { sessions: Object.fromEntries([...changes].map(([round, plan]) => [round, plan.sessionAt])) };
  }

  // A round under way runs in an execution that waits for its session: it may move only so far.
  const tooLate = await sessionsTooLateForTheirRound(journey, moved);
  if (tooLate.length > 0) {
    const field = (round: number) => ('startDate' in request ? 'startDate' : `sessions.${round}`);
    const errors = Object.fromEntries(
      tooLate.map(({ round, latest }) => [
        field(round),
        `round ${round} has begun: its session must be no later than ${latest}`,
      ]),
    );
    return { ok: false, status: 400, errors };
  }

  // A change sent again after it was saved but not followed through changes and records nothing more: it only
  // finishes following the plan. The event goes first, named by the version it changes, so it is recorded
  // exactly once however the attempts end.
  const from = { startDate: journey.hire.startDate, rounds: journey.rounds };
  const to = { startDate: moved.hire.startDate, rounds: moved.rounds };
  if (JSON.stringify(from) !== JSON.stringify(to)) {
    const event = `journey.rescheduled#${changeIdFor(journey.updatedAt, from, to)}`;
    const recorded = await appendEvent(journey.journeyId, event, { type: 'journey.rescheduled', ...detail });
    // Saved only while the journey is open: a cancellation that got there first wins, and the change is undone.
    if (!(await saveSchedule(moved, at))) {
      if (recorded) await removeEvent(journey.journeyId, event);
      return ended(journey.journeyId, await getJourney(journey.journeyId));
    }
  }
  await followPlan(moved, calendar);
  // Cancelled while the plan was being followed: what lay ahead was withdrawn (an update not yet sent stays
  // unsent), and HR hears that the journey has ended rather than a 200 for a plan nobody will follow.
  const current = await getJourney(journey.journeyId);
  return current && isOpen(current.status) ? { ok: true } : ended(journey.journeyId, current);
};

/** The answer to a change the journey cannot take any more; one erased meanwhile is answered as erased. */
const ended = (journeyId: string, journey: Journey | undefined): RescheduleResult => {
  if (!journey) throw new JourneyErased(journeyId);
  return { ok: false, status: 409, errors: { status: `the journey has ended (${journey.status})` } };
};

const zoned = (iso: string) => DateTime.fromISO(iso, { setZone: true });

/**
 * Brings whatever is pending in line with the journey's plan, from what is pending rather than from what the
 * change was, so a change retried after a failure finishes the work instead of finding nothing to do. Timers
 * that fired or never began stay as they are: a wait that has not begun reads the new plan when it does.
 */
const followPlan = async (journey: Journey, calendar: BusinessCalendar): Promise<void> => {
  const { journeyId, hire } = journey;
  await moveTimer(journeyId, 'begin-onboarding', onboardingStartsAt(hire));
  await followPulsePlan(journey, calendar);
  const invitations = await listInvitations(journeyId);
  const forms = await listForms(journeyId);
  for (const plan of journey.rounds ?? []) {
    const sessionAt = zoned(plan.sessionAt);
    await moveTimer(journeyId, `round-start-r${plan.round}`, zoned(plan.startsAt));
    await moveTimer(journeyId, `session-end-r${plan.round}`, sessionEndsAt(plan));
    const invitation = invitations.find((candidate) => candidate.meeting === `session-r${plan.round}`);
    if (invitation?.status === 'sent') {
      await updateInvitation(journey, invitation, {
        start: plan.sessionAt,
        location: sessionLocation(hire, plan),
      });
    }
    // The round's extra follow-up session keeps its own time: a PATCH does not move it.
    for (const form of forms.filter((candidate) => candidate.round === plan.round && !candidate.followUp)) {
      const window = form.kind === 'session-outcome' ? outcomeWindow : prepWindow;
      if (form.status !== 'open' || !form.deadline) continue;
      // The deadline the form would have been given for the session as it now is, asked when it was asked.
      const deadline = window(
        calendar,
        sessionAt,
        DateTime.fromISO(form.createdAt).setZone(hire.timezone),
      ).deadline;
      if (deadline.toMillis() === Date.parse(form.deadline)) continue;
      // Moved earlier, the halfway reminder could land after the deadline: better none than a confusing one.
      // Decided before the deadline moves, so a retry does not mistake it for another move earlier.
      if (deadline.toMillis() < Date.parse(form.deadline))
        await cancelTimer(journeyId, `remind-${form.formId}`);
      await moveTimer(journeyId, `expire-${form.formId}`, deadline);
      await moveFormDeadline(journeyId, form.formId, deadline.toUTC().toISO() ?? '');
    }
  }
};
