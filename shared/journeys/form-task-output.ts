import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { nextOutcomeAsk } from '#shared/domain/offer-schedule.ts';

/**
 * What a waiting task receives once its form is settled. The state machine only branches on it, so it holds
 * the decision and timing, never what people wrote.
 */
export const formTaskOutput = (form: FormRecord, journey: Journey, at: Date): Record<string, unknown> => {
  if (form.kind === 'interviewer-insight') return { status: form.status };
  const decision = form.answers?.decision ?? 'undecided';
  return {
    decision,
    ask: form.ask ?? 1,
    askAgainAt:
      decision === 'undecided' ? (nextOutcomeAsk(journey.offer, at)?.toUTC().toISO() ?? null) : null,
  };
};
