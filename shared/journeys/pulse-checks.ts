import { DateTime } from 'luxon';
import { openForm } from '#shared/data/forms.ts';
import { type Journey, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { getTimer, listPendingTimers } from '#shared/data/timers.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { linkExpiryAfter } from '#shared/domain/form-link-expiry.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import {
  type PulseCheckPlan,
  planPulseChecks,
  pulseChecksAhead,
  pulseFormId,
  pulseTimerName,
} from '#shared/domain/pulse.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { pulseCheckEmail } from '#shared/journeys/pulse-check-email.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';
import { cancelTimer, moveTimer, scheduleTimer } from '#shared/timers/schedule-timer.ts';

/** The checks of a journey as it is planned now: none when HR turned them off or no round is planned. */
const pulsePlan = (journey: Journey, calendar: BusinessCalendar): PulseCheckPlan[] =>
  planPulseChecks(journey.hire, journey.onboarding, templateOf(journey), journey.rounds ?? [], calendar);

/**
 * Every check still ahead gets three schedules when onboarding begins: its mail, its reminder and its closing.
 * Schedules, not an execution that waits, so none nears Step Functions' year, a new start date moves them, and
 * a cancellation or erasure deletes them with the journey's other timers.
 */
export const schedulePulseChecks = async (journey: Journey, calendar: BusinessCalendar): Promise<void> => {
  const { journeyId } = journey;
  for (const plan of pulseChecksAhead(pulsePlan(journey, calendar), now())) {
    const formId = pulseFormId(journeyId, plan.check);
    await scheduleTimer({
      journeyId,
      name: pulseTimerName(plan.check),
      at: plan.sendAt,
      action: { kind: 'send-pulse', check: plan.check },
    });
    if (plan.remindAt) {
      await scheduleTimer({
        journeyId,
        name: `remind-${formId}`,
        at: plan.remindAt,
        action: { kind: 'remind-form', formId },
      });
    }
    await scheduleTimer({
      journeyId,
      name: `expire-${formId}`,
      at: plan.closesAt,
      action: { kind: 'expire-form', formId },
    });
  }
};

/**
 * Moves the checks not yet sent to the journey's plan as it now is (a new start date, a moved last session);
 * a check that no longer comes before the last session is dropped. Checks already sent keep their window.
 */
export const followPulsePlan = async (journey: Journey, calendar: BusinessCalendar): Promise<void> => {
  const { journeyId } = journey;
  const plans = pulsePlan(journey, calendar);
  for (const timer of await listPendingTimers(journeyId)) {
    if (timer.action.kind !== 'send-pulse') continue;
    const { check } = timer.action;
    const formId = pulseFormId(journeyId, check);
    const plan = plans.find((candidate) => candidate.check === check);
    if (!plan) {
      for (const name of [timer.name, `remind-${formId}`, `expire-${formId}`])
        await cancelTimer(journeyId, name);
      continue;
    }
    // Its window first: a retry after a failure finds the send still pending and moves all three again.
    if (plan.remindAt) await moveTimer(journeyId, `remind-${formId}`, plan.remindAt);
    else await cancelTimer(journeyId, `remind-${formId}`);
    await moveTimer(journeyId, `expire-${formId}`, plan.closesAt);
    await moveTimer(journeyId, timer.name, plan.sendAt);
  }
  // A journey waiting on light checks after its last 1on1 ends when the last of them now closes.
  if ((await getTimer(journeyId, ONBOARDING_END))?.status === 'pending') {
    await moveTimer(
      journeyId,
      ONBOARDING_END,
      (await lastCheckCloses(journeyId)) ?? DateTime.fromJSDate(now()),
    );
  }
};

/**
 * Mails one check: a form for the new hire with no task waiting on it, open until its closing schedule. Only
 * while the journey runs its onboarding months: nothing goes out once it was cancelled or ended.
 */
export const sendPulseCheck = async (journeyId: string, check: number): Promise<void> => {
  const journey = await requireJourney(journeyId);
  if (journey.status !== 'onboarding') return;
  const { hire } = journey;
  const formId = pulseFormId(journeyId, check);
  const closing = await getTimer(journeyId, `expire-${formId}`);
  if (!closing) throw new Error(`pulse check ${check} has no closing time`);
  const deadline = DateTime.fromISO(closing.at);
  const form = await openForm({
    journeyId,
    formId,
    kind: 'pulse',
    recipient: { role: 'employee', ...hire.employee },
    status: 'open',
    createdAt: now().toISOString(),
    linkExpiresAt: linkExpiryAfter(deadline).toUTC().toISO() ?? '',
    deadline: closing.at,
    check,
  });
  if (form.status !== 'open') return;
  const formUrl = await createFormLink({
    journeyId,
    formId,
    expiresAt: new Date(form.linkExpiresAt),
    generation: form.linkGeneration,
  });
  await sendEmailOnce(journeyId, `pulse.requested#${formId}`, pulseCheckEmail(journey, form, formUrl, false));
  await appendEvent(journeyId, `pulse.requested#${formId}`, { type: 'pulse.requested', formId, check });
};

const ONBOARDING_END = 'onboarding-end';

/** When the last check still to be sent closes; none when every check has gone out. */
const lastCheckCloses = async (journeyId: string): Promise<DateTime | undefined> => {
  const pending = await listPendingTimers(journeyId);
  const closingOf = (check: number) =>
    pending.find((timer) => timer.name === `expire-${pulseFormId(journeyId, check)}`);
  const closings = pending.flatMap(({ action, at }) =>
    action.kind === 'send-pulse' ? [DateTime.fromISO(closingOf(action.check)?.at ?? at)] : [],
  );
  return DateTime.max(...closings);
};

/**
 * The journey's end once its last 1on1 is done, if pulse checks are still to be sent (a template's light checks
 * after its last 1on1): it stays in its onboarding months, and a schedule ends it when the last of them closes.
 * Returns that time, or null when nothing is left to send and the journey ends now. Checks already sent close on
 * their own schedule, as they always did.
 */
export const endAfterLastChecks = async (journeyId: string): Promise<string | null> => {
  const endsAt = await lastCheckCloses(journeyId);
  if (!endsAt) return null;
  await scheduleTimer({ journeyId, name: ONBOARDING_END, at: endsAt, action: { kind: 'end-onboarding' } });
  const until = endsAt.toUTC().toISO() ?? '';
  await appendEvent(journeyId, 'onboarding.checks-continue', { type: 'onboarding.checks-continue', until });
  return until;
};
