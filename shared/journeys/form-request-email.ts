import type { FormRecord } from '#shared/data/forms.ts';
import { type Journey, offerOf } from '#shared/data/journeys.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import { renderOutcomeRequest } from '#shared/email/templates/outcome-request.ts';
import { prepRequestEmail } from '#shared/journeys/prep-request-email.ts';
import { pulseCheckEmail } from '#shared/journeys/pulse-check-email.ts';
import { sessionOutcomeEmail } from '#shared/journeys/session-outcome-email.ts';
import { summaryConfirmationEmail } from '#shared/journeys/summary-confirmation.ts';

/** A form that was requested by a mail of its own (the topics form is linked from the 1on1 invitation). */
export type MailedForm = FormRecord & { kind: Exclude<FormRecord['kind'], 'session-topics'> };

/** The request for any mailed form, as its recipient first got it, with the link given. */
export const formRequestEmail = (journey: Journey, form: MailedForm, formUrl: string): OutgoingEmail => {
  switch (form.kind) {
    case 'interviewer-insight':
    case 'manager-prep':
      return prepRequestEmail(journey, form, formUrl, false);
    case 'session-outcome':
      return outgoingEmail(journey, form.recipient, sessionOutcomeEmail(journey, form, formUrl, false));
    case 'summary-confirmation':
      return summaryConfirmationEmail(journey, form, formUrl);
    case 'pulse':
      return pulseCheckEmail(journey, form, formUrl, false);
    case 'offer-outcome': {
      const offer = offerOf(journey);
      return outgoingEmail(
        journey,
        form.recipient,
        renderOutcomeRequest({
          locale: offer.hr.locale,
          hrName: offer.hr.name,
          candidateName: offer.candidate.name,
          formUrl,
          ask: form.ask ?? 1,
          respondBy: offer.respondBy,
        }),
      );
    }
  }
};
