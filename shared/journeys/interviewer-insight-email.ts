import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import type { OutgoingEmail } from '#shared/email/compose.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { renderInterviewerInsightRequest } from '#shared/email/templates/interviewer-insight-request.ts';

/** The request for an interviewer's insight, and its one reminder: the same form link, the same deadline. */
export const interviewerInsightEmail = (
  journey: Journey,
  form: FormRecord,
  formUrl: string,
  reminder: boolean,
): OutgoingEmail =>
  outgoingEmail(
    journey,
    form.recipient,
    renderInterviewerInsightRequest({
      locale: form.recipient.locale,
      interviewerName: form.recipient.name,
      candidateName: journey.offer.candidate.name,
      hrName: journey.offer.hr.name,
      formUrl,
      deadline: form.deadline ?? form.linkExpiresAt,
      zone: journey.offer.timezone,
      reminder,
    }),
  );
