import { requireJourney } from '#shared/data/journeys.ts';
import { inviteCandidate } from '#shared/journeys/invite-candidate.ts';
import { requestFormFor } from '#shared/journeys/request-form.ts';

/**
 * The offer follow-up's first task: the candidate's invitation to the offer meeting, then every interviewer's
 * prep form, on the task that waits for them (the last one answered or expired resumes it). One task, not an
 * invitation's and then a waiting one: Step Functions bills each state entered.
 *
 * Executions started on the definition before pass no token: they ask the interviewers from a task of their own.
 */
export const openOfferFollowUp = async (journeyId: string, taskToken?: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  await inviteCandidate(journey);
  if (taskToken) await requestFormFor(journey, { journeyId, form: 'interviewer-insight', taskToken });
};
