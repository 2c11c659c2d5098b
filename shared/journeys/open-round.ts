import { requireJourney } from '#shared/data/journeys.ts';
import { requestFormFor } from '#shared/journeys/request-form.ts';
import { type PrepRole, startRound } from '#shared/journeys/start-round.ts';

/**
 * A round's first task: the round opens (the new hire's invitation, the manager's team-session reminder), then
 * the manager's and the mentor's prep forms, on the task that waits for them (the last one answered or expired
 * resumes it). One task, not an opening's and then a waiting one: Step Functions bills each state entered.
 *
 * Executions started on the definition before pass no token: they ask the team from a task of their own, and
 * those before gathering ask each person returned from a Map iteration of their own.
 */
export const openRound = async (
  journeyId: string,
  round: number,
  taskToken?: string,
): Promise<{ recipients: { role: PrepRole }[] }> => {
  const journey = await requireJourney(journeyId);
  const opened = await startRound(journey, round);
  if (taskToken) await requestFormFor(journey, { journeyId, form: 'manager-prep', round, taskToken });
  return opened;
};
