import { listForms } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { pulseSeries, type Weather } from '#shared/domain/pulse.ts';
import { renderPulseResultPage } from '#shared/pages/pulse-result-page.ts';

/** The page a new hire sees once their pulse answer is recorded: their own answers so far, and HR. */
export const pulseResultPage = async (journey: Journey, answer: Weather): Promise<string> => {
  const { hire } = journey;
  return renderPulseResultPage({
    locale: hire.employee.locale,
    series: pulseSeries(await listForms(journey.journeyId)),
    answer,
    hr: { name: hire.hr.name, email: hire.hr.email },
    zone: hire.timezone,
  });
};
