import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { questionWords, templateOf } from '#shared/domain/journey-template.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { renderPulseCheck } from '#shared/email/templates/pulse-check.ts';

/** A pulse check as the new hire gets it: first, as a reminder, or with a link HR had sent afresh. */
export const pulseCheckEmail = (
  journey: Journey,
  form: FormRecord,
  formUrl: string,
  reminder: boolean,
): OutgoingEmail => {
  const { hire } = journey;
  return outgoingEmail(
    journey,
    form.recipient,
    renderPulseCheck({
      locale: form.recipient.locale,
      employeeName: form.recipient.name,
      hrName: hire.hr.name,
      hrEmail: hire.hr.email,
      formUrl,
      closesAt: form.deadline ?? form.linkExpiresAt,
      zone: hire.timezone,
      reminder,
      question: questionWords(templateOf(journey), 'pulse', form.recipient.locale).answer,
    }),
  );
};
