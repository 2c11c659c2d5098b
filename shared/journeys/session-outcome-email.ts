import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { renderSessionOutcomeRequest } from '#shared/email/templates/session-outcome-request.ts';

/** The request for a 1on1's outcome, and its one reminder: the same form link, the same deadline. */
export const sessionOutcomeEmail = (
  journey: Journey,
  form: FormRecord,
  formUrl: string,
  reminder: boolean,
): RenderedEmail => {
  const { hire } = journey;
  return renderSessionOutcomeRequest({
    locale: hire.hr.locale,
    hrName: hire.hr.name,
    employeeName: hire.employee.name,
    round: form.round ?? 1,
    formUrl,
    deadline: form.deadline ?? form.linkExpiresAt,
    zone: hire.timezone,
    reminder,
    followUp: form.followUp,
  });
};
