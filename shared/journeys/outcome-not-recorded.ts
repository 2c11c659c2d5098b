import { openAttention } from '#shared/data/attention.ts';
import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { alertRecipients } from '#shared/domain/alert-recipients.ts';
import { attentionItemIds } from '#shared/domain/attention.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderOutcomeNotRecorded } from '#shared/email/templates/outcome-not-recorded.ts';

/**
 * A 1on1 outcome HR did not record by its deadline: the HR lead (the HR contact when there is no other lead)
 * hears of it once, and the timeline says the round closed without it.
 */
export const outcomeNotRecorded = async (journey: Journey, form: FormRecord): Promise<void> => {
  const { journeyId, hire, onboarding } = journey;
  const [lead] = alertRecipients(hire, onboarding, {
    email: process.env.HR_LEAD_EMAIL,
    name: process.env.HR_LEAD_NAME,
  });
  if (lead) {
    await sendEmailOnce(
      journeyId,
      `outcome.expired#${form.formId}`,
      outgoingEmail(
        journey,
        { name: lead.name ?? '', email: lead.email },
        renderOutcomeNotRecorded({
          locale: lead.locale,
          recipientName: lead.name,
          hrName: hire.hr.name,
          employeeName: hire.employee.name,
          round: form.round ?? 1,
          followUp: form.followUp,
        }),
      ),
    );
  }
  await openAttention(journey, {
    itemId: attentionItemIds.outcomeOverdue(form.formId),
    kind: 'outcome-overdue',
    round: form.round,
  });
  await appendEvent(journeyId, `outcome.expired#${form.formId}`, {
    type: 'outcome.expired',
    formId: form.formId,
    round: form.round,
    ...(form.followUp ? { followUp: true } : {}),
  });
};
