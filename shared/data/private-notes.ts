import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  documents,
  journeyPk,
  queryJourneyPartition,
  tableName,
  wasWritten,
  withoutKeys,
} from '#shared/data/table.ts';
import type { FormKind } from '#shared/domain/form-fields.ts';
import { notesExpireAt, privateNotesRetentionDays } from '#shared/domain/private-notes.ts';
import { now } from '#shared/time/clock.ts';

/** HR's private notes on one form, in an item of their own (`NOTES#<formId>` in the journey's partition). */
export interface PrivateNotesRecord {
  journeyId: string;
  formId: string;
  kind: FormKind;
  /** The form field they were written in: `notes` or `privateNotes`. */
  field: string;
  text: string;
  round?: number;
  writtenAt: string;
  /** When DynamoDB TTL deletes them, in seconds since the epoch; set once the journey has ended. */
  expiresAt?: number;
}

const NOTES_PREFIX = 'NOTES#';

const notesKey = (journeyId: string, formId: string) => ({
  pk: journeyPk(journeyId),
  sk: `${NOTES_PREFIX}${formId}`,
});

/**
 * Stores the notes of a submitted form. The submission that won the form writes them over anything there (a
 * concurrent loser may have got there first); a later attempt finishing a submission only fills them in when
 * they are missing (`onlyIfMissing`), so it never replaces the notes that came with the answers that count.
 */
export const savePrivateNotes = async (
  notes: Omit<PrivateNotesRecord, 'expiresAt'>,
  options: { onlyIfMissing: boolean },
): Promise<void> => {
  await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...notesKey(notes.journeyId, notes.formId), type: 'private-notes', ...notes },
        ConditionExpression: options.onlyIfMissing ? 'attribute_not_exists(pk)' : undefined,
      }),
    ),
  );
};

/** Takes a form's notes back out: they were saved as the journey was being erased. */
export const deletePrivateNotes = async (journeyId: string, formId: string): Promise<void> => {
  await documents.send(new DeleteCommand({ TableName: tableName(), Key: notesKey(journeyId, formId) }));
};

/** Every notes item of a journey, as stored, including the ones TTL has not yet removed. */
const queryNotes = async (journeyId: string): Promise<PrivateNotesRecord[]> =>
  (await queryJourneyPartition(journeyId, { prefix: NOTES_PREFIX })).map(withoutKeys<PrivateNotesRecord>);

/**
 * The private notes of a journey still within their retention period. TTL deletes an expired item only within
 * a few days, so an expired one is left out here rather than read after its time.
 */
export const listPrivateNotes = async (journeyId: string): Promise<PrivateNotesRecord[]> => {
  const nowSeconds = Math.floor(now().getTime() / 1000);
  return (await queryNotes(journeyId)).filter(
    (notes) => notes.expiresAt === undefined || notes.expiresAt > nowSeconds,
  );
};

/**
 * Starts the retention period of a journey's private notes once the journey has ended at `endedAt`: each notes
 * item gets `expiresAt` (the table's TTL attribute). The first end counts: a retried step keeps the time set,
 * and notes erased meanwhile are not brought back.
 */
export const scheduleNotesExpiry = async (journeyId: string, endedAt: Date): Promise<void> => {
  const expiresAt = notesExpireAt(endedAt, privateNotesRetentionDays());
  for (const notes of await queryNotes(journeyId)) {
    await wasWritten(
      documents.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: notesKey(journeyId, notes.formId),
          UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':expiresAt': expiresAt },
        }),
      ),
    );
  }
};
