/** An offer outcome form as far as its remaining concerns go. */
export interface OfferOutcomeAnswers {
  kind: string;
  status: string;
  ask?: number;
  answers?: Record<string, string>;
}

/**
 * The remaining concerns HR last wrote down on an offer outcome: the latest answer that gives any. An
 * `undecided` answer's list is not lost when a later answer leaves the box empty.
 */
export const latestRemainingConcerns = (forms: readonly OfferOutcomeAnswers[]): string | undefined =>
  forms
    .filter((form) => form.kind === 'offer-outcome' && form.status === 'submitted')
    .sort((one, two) => (two.ask ?? 0) - (one.ask ?? 0))
    .map((form) => form.answers?.remainingConcerns?.trim() ?? '')
    .find((concerns) => concerns !== '');
