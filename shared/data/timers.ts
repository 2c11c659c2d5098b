import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import {
  documents,
  journeyPk,
  queryJourneyPartition,
  tableName,
  wasWritten,
  withoutKeys,
} from '#shared/data/table.ts';

export type TimerAction =
  | { kind: 'remind-form'; formId: string }
  | { kind: 'expire-form'; formId: string }
  | { kind: 'resume-task'; taskToken: string }
  /** The session ended: HR's outcome form opens, on the task that has waited since the session's brief. */
  | { kind: 'request-outcome'; round: number; followUp: boolean; taskToken: string }
  /** HR asked again for the offer's outcome, on the task still waiting for it (`ask`: the asks made so far). */
  | { kind: 'ask-again'; ask: number; taskToken: string }
  | { kind: 'begin-onboarding' }
  | { kind: 'start-round'; round: number }
  | { kind: 'send-pulse'; check: number }
  | { kind: 'end-onboarding' };

export interface TimerRecord {
  journeyId: string;
  name: string;
  at: string;
  action: TimerAction;
  status: 'pending' | 'fired' | 'cancelled';
}

const timerKey = (journeyId: string, name: string) => ({ pk: journeyPk(journeyId), sk: `TIMER#${name}` });

/** Saves a pending timer; a retried step may save it again (a new task token, say) until it has fired. */
export const savePendingTimer = async (timer: Omit<TimerRecord, 'status'>): Promise<boolean> => {
  const key = timerKey(timer.journeyId, timer.name);
  const saved = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: 'timer', ...timer, status: 'pending' },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    ),
  );
  if (saved) await keepUnlessErased(timer.journeyId, key);
  return saved;
};

export const getTimer = async (journeyId: string, name: string): Promise<TimerRecord | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: timerKey(journeyId, name), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...timer } = result.Item;
  return timer as TimerRecord;
};

/** Marks a pending timer fired; false when it already fired (a duplicate delivery by the scheduler). */
export const markTimerFired = (journeyId: string, name: string): Promise<boolean> =>
  settleTimer(journeyId, name, 'fired');

/** Marks a pending timer cancelled; a schedule that fires anyway then finds nothing to do. */
export const markTimerCancelled = (journeyId: string, name: string): Promise<boolean> =>
  settleTimer(journeyId, name, 'cancelled');

const settleTimer = async (
  journeyId: string,
  name: string,
  status: 'fired' | 'cancelled',
): Promise<boolean> => {
  return wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: timerKey(journeyId, name),
        UpdateExpression: 'SET #status = :settled',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':settled': status },
      }),
    ),
  );
};

export const listPendingTimers = async (journeyId: string): Promise<TimerRecord[]> =>
  (await queryJourneyPartition(journeyId, { prefix: 'TIMER#' }))
    .map(withoutKeys<TimerRecord>)
    .filter((timer) => timer.status === 'pending');
