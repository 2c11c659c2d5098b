import type { FormRecord } from '#shared/data/forms.ts';

/** Why a summary HR recorded with consent stayed with HR: the new hire said no, or did not answer in time. */
export type WithheldReason = 'declined' | 'no-answer';

export type SummarySharing =
  | { share: 'summary'; teamSummary: string }
  | { share: 'session-only'; withheld?: WithheldReason };

/**
 * What the team may hear after a session: HR's team summary only when the new hire consented and, where they
 * were asked to confirm it, said yes to the exact text they were shown; else only that the session took place.
 * A withheld summary leaves the team's mail exactly as without consent, so nothing hints that there was one.
 */
export const summarySharing = (outcome: FormRecord, confirmation: FormRecord | undefined): SummarySharing => {
  const teamSummary = outcome.answers?.teamSummary ?? '';
  if (outcome.answers?.consent !== 'summary' || teamSummary === '') return { share: 'session-only' };
  // Not asked (the journey shares at once): HR's consent is the answer.
  if (!confirmation) return { share: 'summary', teamSummary };
  if (confirmation.status !== 'submitted') return { share: 'session-only', withheld: 'no-answer' };
  if (confirmation.answers?.share !== 'yes') return { share: 'session-only', withheld: 'declined' };
  return { share: 'summary', teamSummary: confirmation.teamSummary ?? teamSummary };
};
