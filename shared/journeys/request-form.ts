import { DateTime } from 'luxon';
import { closeAttentionWhere } from '#shared/data/attention.ts';
import {
  type FormRecipient,
  type FormRecord,
  formsSettled,
  listForms,
  openForm,
} from '#shared/data/forms.ts';
import { type Journey, offerOf, requireJourney } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import type { FormKind } from '#shared/domain/form-fields.ts';
import { linkExpiryAfter, OUTCOME_LINK_DAYS } from '#shared/domain/form-link-expiry.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { formIdFor } from '#shared/domain/ids.ts';
import { interviewerInsightWindow } from '#shared/domain/offer-schedule.ts';
import { roundPlan } from '#shared/domain/onboarding-schedule.ts';
import { outcomeWindow } from '#shared/domain/outcome-window.ts';
import { type PrepWindow, prepWindow } from '#shared/domain/prep-window.ts';
import { latestRemainingConcerns } from '#shared/domain/remaining-concerns.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { followUpSession } from '#shared/journeys/follow-up-session.ts';
import { formRequestEmail } from '#shared/journeys/form-request-email.ts';
import { formTaskOutput } from '#shared/journeys/form-task-output.ts';
import { prepRequestEmail } from '#shared/journeys/prep-request-email.ts';
import { resumeFormTask } from '#shared/journeys/resume-form-task.ts';
import { heartbeatTask, resumeTask } from '#shared/journeys/resume-task.ts';
import type { PrepRole } from '#shared/journeys/start-round.ts';
import { requestSummaryConfirmation } from '#shared/journeys/summary-confirmation.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';
import { scheduleTimer } from '#shared/timers/schedule-timer.ts';

/**
 * Without `interviewer` or `role`, one task gathers the prep forms of every interviewer, or of the round's
 * manager and mentor, and goes on once each is answered or expired. With one, it waits for that person's form
 * alone: executions started on the definition before gathering ask each person from a Map iteration of their own.
 */
export type FormRequest =
  | { journeyId: string; form: 'interviewer-insight'; interviewer?: number; taskToken: string }
  | { journeyId: string; form: 'offer-outcome'; ask: number; taskToken: string }
  | { journeyId: string; form: 'manager-prep'; round: number; role?: PrepRole; taskToken: string }
  | { journeyId: string; form: 'session-outcome'; round: number; followUp: boolean; taskToken: string }
  | { journeyId: string; form: 'summary-confirmation'; outcomeFormId: string; taskToken: string };

/**
 * Opens the forms a waiting task depends on and mails their links. A retried task finds the same forms: when
 * they were already answered or expired, the task is resumed at once with that result instead of waiting.
 */
export const requestForm = async (request: FormRequest): Promise<void> =>
  requestFormFor(await requireJourney(request.journeyId), request);

/** `requestForm` for a journey the step has already read. */
export const requestFormFor = async (journey: Journey, request: FormRequest): Promise<void> => {
  const calendar = await loadCompanyCalendar();
  if (gathersGroup(request)) {
    const settled = await requestPrepGroup(
      journey,
      request.taskToken,
      prepRequests(journey, request, calendar),
    );
    if (settled) await resumeTask(request.taskToken, {});
    return;
  }
  const opened = await openRequestedForm(journey, request, calendar);
  if (opened.status !== 'open') {
    await resumeFormTask(
      { ...opened, taskToken: request.taskToken },
      formTaskOutput(opened, journey, now(), calendar),
    );
  }
};

/**
 * Asks HR again for the offer's outcome, on the task still waiting for it (a schedule set when HR answered
 * "still undecided", fire-timer). A form answered meanwhile was acted on by its answer: nothing more to do.
 */
export const askOutcomeAgain = async (journeyId: string, ask: number, taskToken: string): Promise<void> => {
  // Each ask bounds the wait for its answer anew (the task's HeartbeatSeconds); a task no longer waiting (the
  // journey was cancelled meanwhile) is asked nothing.
  if (!(await heartbeatTask(taskToken))) return;
  const journey = await requireJourney(journeyId);
  await openRequestedForm(
    journey,
    { journeyId, form: 'offer-outcome', ask, taskToken },
    await loadCompanyCalendar(),
  );
};

type PrepFormRequest = Extract<FormRequest, { form: 'interviewer-insight' | 'manager-prep' }>;

/** A prep request naming no one asks everyone of its kind, in one group. */
const gathersGroup = (request: FormRequest): request is PrepFormRequest =>
  (request.form === 'interviewer-insight' && request.interviewer === undefined) ||
  (request.form === 'manager-prep' && request.role === undefined);

const prepRequests = (
  journey: Journey,
  request: PrepFormRequest,
  calendar: BusinessCalendar,
): PrepRequest[] => {
  const requestedAt = DateTime.fromJSDate(now()).setZone(journey.hire.timezone);
  if (request.form === 'interviewer-insight') {
    const offer = offerOf(journey);
    const window = interviewerInsightWindow(offer, requestedAt.toJSDate(), calendar);
    return offer.interviewers
      .map((interviewer, index) => ({ interviewer, index }))
      .filter(({ index }) => request.interviewer === undefined || index === request.interviewer)
      .map(({ interviewer, index }) => ({
        kind: 'interviewer-insight',
        purpose: `interviewer-insight#${index}`,
        recipient: { role: 'interviewer', ...interviewer },
        window,
        fields: { interviewerIndex: index },
        event: { interviewer: index },
      }));
  }
  const { round } = request;
  const session = DateTime.fromISO(roundPlan(journey.rounds, round).sessionAt, { setZone: true });
  const window = prepWindow(calendar, session, requestedAt);
  return teamOf(journey.hire)
    .filter(({ role }) => request.role === undefined || role === request.role)
    .map(({ role, person }) => ({
      kind: 'manager-prep',
      purpose: `manager-prep#${round}#${role}`,
      recipient: { role, ...person },
      window,
      fields: { round },
      event: { round },
    }));
};

/**
 * Opens every form of the group before any link goes out, each naming the whole group, so that whoever settles
 * the last of them resumes the task (`resumeFormTask`). Says whether all were settled already: a retried task
 * whose forms were answered or expired meanwhile goes on at once.
 */
const requestPrepGroup = async (
  journey: Journey,
  taskToken: string,
  preps: PrepRequest[],
): Promise<boolean> => {
  const group = preps.map((prep) => formIdFor(journey.journeyId, prep.purpose));
  const forms: FormRecord[] = [];
  for (const prep of preps) forms.push(await openPrepForm(journey, taskToken, prep, group));
  for (const [index, form] of forms.entries()) {
    const prep = preps[index];
    if (form.status === 'open' && prep) await mailPrepRequest(journey, form, prep);
  }
  const seenOpen = forms.filter((form) => form.status === 'open').map((form) => form.formId);
  if (forms.length > 0 && seenOpen.length === forms.length) return false;
  // Some were settled before this attempt gave them its token; one still open when its token was written may
  // have been settled since, by someone holding this attempt's token who found a sibling then still open.
  return formsSettled(journey.journeyId, seenOpen);
};

const openRequestedForm = async (
  journey: Journey,
  request: FormRequest,
  calendar: BusinessCalendar,
): Promise<FormRecord> => {
  const requestedAt = DateTime.fromJSDate(now()).setZone(journey.hire.timezone);
  switch (request.form) {
    case 'interviewer-insight':
    case 'manager-prep': {
      const [prep] = prepRequests(journey, request, calendar);
      if (!prep) throw new Error(`no ${request.form} form for that person in this journey`);
      return requestPrep(journey, request.taskToken, prep);
    }
    case 'offer-outcome': {
      const ask = request.ask + 1;
      // Asked again after "undecided": the form starts from the concerns HR wrote down last time.
      const remainingConcerns =
        ask > 1 ? latestRemainingConcerns(await listForms(journey.journeyId)) : undefined;
      return requestHrOutcome(journey, request.taskToken, {
        kind: 'offer-outcome',
        purpose: `offer-outcome#${ask}`,
        fields: { ask, ...(remainingConcerns ? { prefill: { remainingConcerns } } : {}) },
        event: { ask },
      });
    }
    case 'session-outcome': {
      const { round, followUp } = request;
      // The extra session's outcome is asked on the same form, as a form of its own.
      const sessionAt = followUp
        ? (await followUpSession(journey.journeyId, round)).start
        : roundPlan(journey.rounds, round).sessionAt;
      const window = outcomeWindow(calendar, DateTime.fromISO(sessionAt, { setZone: true }), requestedAt);
      const marker = followUp ? ({ followUp: true } as const) : {};
      return requestHrOutcome(journey, request.taskToken, {
        kind: 'session-outcome',
        purpose: followUp ? `session-outcome#${round}#follow-up` : `session-outcome#${round}`,
        fields: { round, deadline: window.deadline.toUTC().toISO() ?? '', ...marker },
        event: { round, ...marker },
        window,
      });
    }
    case 'summary-confirmation':
      return requestSummaryConfirmation(journey, request.outcomeFormId, request.taskToken, calendar);
  }
};

interface PrepRequest {
  kind: FormKind;
  purpose: string;
  recipient: FormRecipient;
  window: PrepWindow;
  fields: Partial<FormRecord>;
  event: Record<string, unknown>;
}

/** A prep form (interviewer, manager, mentor): due before the meeting, one reminder, expired at the deadline. */
const requestPrep = async (journey: Journey, taskToken: string, prep: PrepRequest): Promise<FormRecord> => {
  const form = await openPrepForm(journey, taskToken, prep);
  if (form.status === 'open') await mailPrepRequest(journey, form, prep);
  return form;
};

const openPrepForm = (
  journey: Journey,
  taskToken: string,
  prep: PrepRequest,
  group?: string[],
): Promise<FormRecord> =>
  openForm({
    journeyId: journey.journeyId,
    formId: formIdFor(journey.journeyId, prep.purpose),
    kind: prep.kind,
    recipient: prep.recipient,
    status: 'open',
    taskToken,
    createdAt: now().toISOString(),
    linkExpiresAt: linkExpiryAfter(prep.window.deadline).toUTC().toISO() ?? '',
    deadline: prep.window.deadline.toUTC().toISO() ?? '',
    ...(group ? { group } : {}),
    ...prep.fields,
  });

const mailPrepRequest = async (journey: Journey, form: FormRecord, prep: PrepRequest): Promise<void> => {
  const { journeyId } = journey;
  const { formId } = form;
  const formUrl = await createFormLink({
    journeyId,
    formId,
    expiresAt: new Date(form.linkExpiresAt),
    generation: form.linkGeneration,
  });
  await sendEmailOnce(journeyId, `prep.requested#${formId}`, prepRequestEmail(journey, form, formUrl, false));
  await appendEvent(journeyId, `prep.requested#${formId}`, {
    type: 'prep.requested',
    formId,
    role: prep.recipient.role,
    deadline: form.deadline,
    ...prep.event,
  });
  await scheduleDeadline(journeyId, formId, prep.window);
};

/** The form's one reminder and its deadline, as schedules that fire-timer runs. */
const scheduleDeadline = async (journeyId: string, formId: string, window: PrepWindow): Promise<void> => {
  if (window.remindAt) {
    await scheduleTimer({
      journeyId,
      name: `remind-${formId}`,
      at: window.remindAt,
      action: { kind: 'remind-form', formId },
    });
  }
  await scheduleTimer({
    journeyId,
    name: `expire-${formId}`,
    at: window.deadline,
    action: { kind: 'expire-form', formId },
  });
};

interface OutcomeRequest {
  kind: 'offer-outcome' | 'session-outcome';
  purpose: string;
  fields: Partial<FormRecord>;
  event: Record<string, unknown>;
  /** A 1on1's outcome has a deadline and a reminder; the offer's has none: its reply deadline bounds it. */
  window?: PrepWindow;
}

/** An outcome form for HR after a meeting. */
const requestHrOutcome = async (
  journey: Journey,
  taskToken: string,
  outcome: OutcomeRequest,
): Promise<FormRecord> => {
  const { journeyId, hire } = journey;
  const requestedAt = now();
  const linkExpiresAt = DateTime.fromJSDate(requestedAt).plus({ days: OUTCOME_LINK_DAYS });
  const formId = formIdFor(journeyId, outcome.purpose);
  const form = await openForm({
    journeyId,
    formId,
    kind: outcome.kind,
    recipient: { role: 'hr', ...hire.hr },
    status: 'open',
    taskToken,
    createdAt: requestedAt.toISOString(),
    linkExpiresAt: linkExpiresAt.toUTC().toISO() ?? '',
    ...outcome.fields,
  });
  if (form.status !== 'open') return form;

  const formUrl = await createFormLink({ journeyId, formId, expiresAt: linkExpiresAt.toJSDate() });
  await sendEmailOnce(
    journeyId,
    `outcome.requested#${formId}`,
    // The same request a reissued link goes out in.
    formRequestEmail(journey, { ...form, kind: outcome.kind }, formUrl),
  );
  await appendEvent(journeyId, `outcome.requested#${formId}`, {
    type: 'outcome.requested',
    formId,
    ...(form.deadline ? { deadline: form.deadline } : {}),
    ...outcome.event,
  });
  if (outcome.window) await scheduleDeadline(journeyId, formId, outcome.window);
  // The meeting took place: prep that never came for it is no longer something HR can chase.
  if (!form.followUp) {
    await closeAttentionWhere(
      journeyId,
      (item) => item.kind === 'prep-unanswered' && item.round === form.round,
      'meeting-held',
    );
  }
  return form;
};
