import type { FormRecord } from '#shared/data/forms.ts';
import { type Journey, offerOf } from '#shared/data/journeys.ts';
import type { BusinessCalendar } from '#shared/domain/company-calendar.ts';
import { nextOutcomeAsk } from '#shared/domain/offer-schedule.ts';
import { hireConfirmsSummary } from '#shared/domain/onboarding-settings.ts';

/**
 * What a waiting task receives once its form is settled. The state machine only branches on it, so it holds
 * decisions and timing, never what people wrote.
 */
export const formTaskOutput = (
  form: FormRecord,
  journey: Journey,
  at: Date,
  calendar: BusinessCalendar,
): Record<string, unknown> => {
  const answers = form.answers ?? {};
  switch (form.kind) {
    case 'interviewer-insight':
    case 'session-topics':
    case 'pulse':
      return { status: form.status };
    case 'manager-prep':
      return { status: form.status, wellbeing: answers.wellbeing ?? null };
    case 'session-outcome': {
      // Past its deadline the round goes on as not recorded: nothing to share, no condition to act on.
      if (form.status === 'expired') return { status: form.status };
      const consent = answers.consent ?? 'none';
      return {
        status: form.status,
        formId: form.formId,
        condition: answers.condition ?? 'good',
        consent,
        // The new hire sees the team summary before the team does, unless HR turned that step off.
        hireConfirms: consent === 'summary' && hireConfirmsSummary(journey.onboarding),
      };
    }
    case 'summary-confirmation':
      return { status: form.status, share: answers.share ?? null };
    case 'offer-outcome': {
      const decision = answers.decision ?? 'undecided';
      return {
        decision,
        ask: form.ask ?? 1,
        askAgainAt:
          decision === 'undecided'
            ? (nextOutcomeAsk(offerOf(journey), at, calendar)?.toUTC().toISO() ?? null)
            : null,
      };
    }
  }
};
