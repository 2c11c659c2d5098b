import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { renderInterviewerInsightRequest } from '#shared/email/templates/interviewer-insight-request.ts';
import { renderManagerPrepRequest } from '#shared/email/templates/manager-prep-request.ts';

/** The request for a prep form, and its one reminder: the same form link, the same deadline. */
export const prepRequestEmail = (
  journey: Journey,
  form: FormRecord,
  formUrl: string,
  reminder: boolean,
): OutgoingEmail => {
  const { hire } = journey;
  const { recipient } = form;
  const deadline = form.deadline ?? form.linkExpiresAt;
  const rendered =
    recipient.role === 'manager' || recipient.role === 'mentor'
      ? renderManagerPrepRequest({
          locale: recipient.locale,
          recipientName: recipient.name,
          role: recipient.role,
          employeeName: hire.employee.name,
          hrName: hire.hr.name,
          round: form.round ?? 1,
          formUrl,
          deadline,
          zone: hire.timezone,
          reminder,
        })
      : renderInterviewerInsightRequest({
          locale: recipient.locale,
          interviewerName: recipient.name,
          candidateName: hire.employee.name,
          hrName: hire.hr.name,
          formUrl,
          deadline,
          zone: hire.timezone,
          reminder,
        });
  return outgoingEmail(journey, recipient, rendered);
};
