import { DateTime } from 'luxon';
import { bilingualText } from '#shared/console/bilingual.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { type JourneyPageInput, journeyPageBody } from '#shared/console/journey-page.ts';
import { refusalOf } from '#shared/console/refusal.ts';
import { listPrivateNotes } from '#shared/data/private-notes.ts';
import { type ConsoleUser, isHrLead, mayReadPrivateNotes } from '#shared/domain/console-access.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { cancelJourneyRequest } from '#shared/journeys/cancel-journey-request.ts';
import { eraseJourney } from '#shared/journeys/erase-journey.ts';
import { hrFormLink } from '#shared/journeys/hr-form-link.ts';
import { loadJourneyRecords } from '#shared/journeys/journey-records.ts';
import { moveJourneyRequest } from '#shared/journeys/move-journey-request.ts';
import { recordDepartureRequest } from '#shared/journeys/record-departure-request.ts';
import { reissueFormRequest } from '#shared/journeys/reissue-form-request.ts';
import { now } from '#shared/time/clock.ts';

export interface JourneyRouteContext {
  journeyId: string;
  viewer: ConsoleUser;
  csrfToken: string;
}

const pageOf = `/console/journeys/`;

/** The journey's page; a failed action shows it again with its messages next to the form that failed. */
export const showJourney = async (
  context: JourneyRouteContext,
  extra: Pick<JourneyPageInput, 'done' | 'errors' | 'failed'> = {},
  status = 200,
): Promise<ConsoleResult> => {
  const records = await loadJourneyRecords(context.journeyId);
  const privateNotes = mayReadPrivateNotes(context.viewer, records.journey.hire.hr)
    ? await listPrivateNotes(context.journeyId)
    : undefined;
  return {
    status,
    title: records.journey.hire.employee.name,
    body: journeyPageBody({
      records,
      privateNotes,
      mayErase: isHrLead(context.viewer),
      csrfToken: context.csrfToken,
      ...extra,
    }),
  };
};

/** Runs an action; a refusal the API would answer with 400 or 409 is shown on the page, anything else thrown on. */
const act = async (
  context: JourneyRouteContext,
  action: string,
  values: Record<string, string>,
  run: () => Promise<unknown>,
  done: string,
): Promise<ConsoleResult> => {
  try {
    await run();
  } catch (error) {
    const { status, message, fields } = refusalOf(error);
    const errors = Object.fromEntries(
      Object.entries(Object.keys(fields).length > 0 ? fields : { form: message }).map(([field, text]) => [
        field,
        fieldMessage(String(text)),
      ]),
    );
    return showJourney(context, { errors, failed: { action, values } }, status);
  }
  return { redirect: `${pageOf}${context.journeyId}?done=${done}` };
};

/** The start date, one session's time or one session's place, as the console's three move forms send them. */
export const moveJourney = async (
  context: JourneyRouteContext,
  form: URLSearchParams,
): Promise<ConsoleResult> => {
  const values = Object.fromEntries(form);
  if (form.get('change') === 'location') {
    const round = form.get('round') ?? '';
    return act(
      context,
      'move-place',
      values,
      () => moveJourneyRequest(context.journeyId, { locations: { [round]: form.get('location') ?? '' } }),
      'placed',
    );
  }
  if (form.get('change') === 'session') {
    const round = form.get('round') ?? '';
    const records = await loadJourneyRecords(context.journeyId);
    const local = DateTime.fromISO(form.get('sessionAt') ?? '', { zone: records.journey.hire.timezone });
    const sessionAt = local.isValid
      ? (local.toISO({ suppressMilliseconds: true }) ?? '')
      : form.get('sessionAt');
    return act(
      context,
      'move-session',
      values,
      () => moveJourneyRequest(context.journeyId, { sessions: { [round]: sessionAt } }),
      'moved',
    );
  }
  return act(
    context,
    'move-start',
    values,
    () => moveJourneyRequest(context.journeyId, { startDate: form.get('startDate') ?? '' }),
    'moved',
  );
};

export const cancelJourney = (context: JourneyRouteContext, form: URLSearchParams): Promise<ConsoleResult> =>
  act(
    context,
    'cancel',
    Object.fromEntries(form),
    () => cancelJourneyRequest(context.journeyId, { reason: form.get('reason') ?? '' }),
    'cancelled',
  );

export const recordDeparture = (
  context: JourneyRouteContext,
  form: URLSearchParams,
): Promise<ConsoleResult> =>
  act(
    context,
    'left',
    Object.fromEntries(form),
    () =>
      recordDepartureRequest(
        context.journeyId,
        { on: form.get('on') ?? '', reason: form.get('reason') ?? '' },
        now(),
      ),
    'left',
  );

export const reissueForm = (context: JourneyRouteContext, formId: string): Promise<ConsoleResult> =>
  act(context, 'reissue', {}, () => reissueFormRequest(context.journeyId, formId), 'reissued');

/**
 * Erasure on the person's request, for HR leads only, once the person's name is typed as it is on the journey:
 * there is no undo.
 */
export const eraseJourneyOnRequest = async (
  context: JourneyRouteContext,
  form: URLSearchParams,
): Promise<ConsoleResult> => {
  if (!isHrLead(context.viewer)) throw new HttpError(403, { message: 'Only HR leads erase journeys.' });
  const { journey } = await loadJourneyRecords(context.journeyId);
  if ((form.get('confirm') ?? '').trim() !== journey.hire.employee.name.trim()) {
    return showJourney(
      context,
      {
        errors: {
          confirm: bilingualText(
            '本人の氏名が一致しません。消去していません。',
            "The name does not match the person's: nothing was erased.",
          ),
        },
        failed: { action: 'erase', values: {} },
      },
      400,
    );
  }
  await eraseJourney(context.journeyId);
  return { redirect: '/console?done=erased' };
};

/** "Record the outcome": HR goes on to the outcome form itself, as its mail would take them. */
export const openHrForm = async (context: JourneyRouteContext, formId: string): Promise<ConsoleResult> => ({
  redirect: await hrFormLink(context.journeyId, formId, context.viewer),
});
