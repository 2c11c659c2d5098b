import { type FormRecord, listForms } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { pulseSeries } from '#shared/domain/pulse.ts';
import { FALLING_RUN, pulseAlertCause, pulseAlertRound } from '#shared/domain/pulse-alert.ts';
import { raiseAlert } from '#shared/journeys/raise-alert.ts';

/**
 * A pulse answer judged against the person's own earlier answers: stormy, well below their usual, or the last of
 * three answers each below the one before raises one alert for this check, as a worried manager would. Earlier checks answered late count
 * as earlier; later ones are not read, so a retry judges the same series.
 */
export const raisePulseAlertIfDue = async (journey: Journey, form: FormRecord): Promise<void> => {
  const series = pulseSeries(await listForms(journey.journeyId)).filter(
    (point) => point.check <= (form.check ?? 0),
  );
  const answers = series.map((point) => point.answer);
  const cause = pulseAlertCause(answers);
  if (cause === undefined) return;
  // The round as of the check's own mailing, not of this attempt: a retry raises the same alert, never a second.
  const round = pulseAlertRound(journey.rounds ?? [], new Date(form.createdAt));
  if (round === undefined) return;
  await raiseAlert(journey.journeyId, round, 'pulse', {
    formId: form.formId,
    cause,
    answers: cause === 'falling' ? answers.slice(-FALLING_RUN) : answers.slice(-1),
  });
};
