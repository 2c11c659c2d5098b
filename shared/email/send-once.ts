import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documents, isConditionFailure, journeyPk, tableName } from '#shared/data/table.ts';
import type { OutgoingEmail } from '#shared/email/compose.ts';
import { sendEmail } from '#shared/email/send.ts';
import { now } from '#shared/time/clock.ts';

/**
 * Sends an email at most once per `key` within a journey, so a retried step never mails a person twice. The
 * claim is released when sending fails, so the retry sends it after all.
 */
export const sendEmailOnce = async (
  journeyId: string,
  key: string,
  email: OutgoingEmail,
): Promise<boolean> => {
  const claim = { pk: journeyPk(journeyId), sk: `EMAIL#${key}` };
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...claim, type: 'email', claimedAt: now().toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  try {
    await sendEmail(email);
    return true;
  } catch (error) {
    await documents.send(new DeleteCommand({ TableName: tableName(), Key: claim }));
    throw error;
  }
};
