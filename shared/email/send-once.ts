import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, isConditionFailure, journeyPk, tableName } from '#shared/data/table.ts';
import type { OutgoingEmail } from '#shared/email/compose.ts';
import { sendEmail } from '#shared/email/send.ts';

/** How often, and how long, a duplicate invocation waits for the one already sending the same email. */
const WAIT_STEP_MS = 250;
const WAIT_LIMIT_MS = 20_000;

/** Another invocation is sending this email right now; retrying later finds it sent (or free to send). */
export class EmailSendInProgress extends Error {
  override name = 'EmailSendInProgress';
}

/**
 * Sends an email at most once per `key` within a journey, so a retried or duplicated step never mails a
 * person twice. The claim says `sending` until SES has taken the email and `sent` after; it is released when
 * sending fails, so a retry sends it after all. A duplicate that finds it `sending` waits for the outcome
 * instead of reporting success early: the first invocation may still fail and release it.
 */
export const sendEmailOnce = async (
  journeyId: string,
  key: string,
  email: OutgoingEmail,
): Promise<boolean> => {
  const claim = { pk: journeyPk(journeyId), sk: `EMAIL#${key}` };
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    if (await claimToSend(claim)) break;
    const current = await documents.send(
      new GetCommand({ TableName: tableName(), Key: claim, ConsistentRead: true }),
    );
    if (current.Item?.status !== 'sending') {
      if (current.Item) return false;
      // Released by a failed attempt between our two reads: try to claim it again.
      continue;
    }
    if (waited >= WAIT_LIMIT_MS)
      throw new EmailSendInProgress(`email ${key} is being sent by another invocation`);
    await sleep(WAIT_STEP_MS);
  }
  try {
    await sendEmail(email);
  } catch (error) {
    await documents.send(new DeleteCommand({ TableName: tableName(), Key: claim }));
    throw error;
  }
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: claim,
      UpdateExpression: 'SET #status = :sent',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent' },
    }),
  );
  return true;
};

const claimToSend = async (claim: { pk: string; sk: string }): Promise<boolean> => {
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...claim, type: 'email', status: 'sending' },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
