import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import {
  documents,
  journeyPk,
  queryJourneyPartition,
  tableName,
  wasWritten,
  withoutKeys,
} from '#shared/data/table.ts';

/** A meeting someone was invited to, as their calendar holds it: what a later update or cancellation replaces. */
export interface InvitationRecord {
  journeyId: string;
  /** `offer-meeting`, `session-r2`, `follow-up-r1`: names the meeting within its journey. */
  meeting: string;
  /**
   * The calendar UID it was first sent with (`meetingUidFor`), which every update and cancellation repeats. An
   * invitation saved before UIDs were keyed has none, and keeps the one it was sent with (`unkeyedMeetingUid`).
   */
  uid?: string;
  /** For an extra follow-up session, the alert that proposed it (`r1#manager-worried`): its retry still mails it. */
  proposedBy?: string;
  start: string;
  durationMinutes: number;
  title: string;
  /** Where it takes place, a room or a video link: the calendar entry's LOCATION. */
  location?: string;
  attendee: { name: string; email: string; locale: 'ja' | 'en' };
  sequence: number;
  status: 'sent' | 'cancelled';
  /** When the meeting was before its latest change: a retried change words its update from it. */
  previousStart?: string;
  /** Where it took place before its latest change, if anywhere was said. */
  previousLocation?: string;
}

const invitationKey = (journeyId: string, meeting: string) => ({
  pk: journeyPk(journeyId),
  sk: `INVITE#${meeting}`,
});

/**
 * Saves the new state of an invitation, only over the version it was read at (or none for a first one): two
 * changes racing each other cannot both send SEQUENCE n+1.
 */
export const saveInvitation = async (invitation: InvitationRecord): Promise<boolean> => {
  const key = invitationKey(invitation.journeyId, invitation.meeting);
  const saved = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...key,
          type: 'invitation',
          ...invitation,
        },
        ConditionExpression:
          invitation.sequence === 0
            ? 'attribute_not_exists(pk)'
            : 'attribute_exists(pk) AND #sequence = :previous',
        ExpressionAttributeNames: invitation.sequence === 0 ? undefined : { '#sequence': 'sequence' },
        ExpressionAttributeValues:
          invitation.sequence === 0 ? undefined : { ':previous': invitation.sequence - 1 },
      }),
    ),
  );
  // Only a first one can bring an item back; a later version needs the one before it.
  if (saved && invitation.sequence === 0) await keepUnlessErased(invitation.journeyId, key);
  return saved;
};

export const getInvitation = async (
  journeyId: string,
  meeting: string,
): Promise<InvitationRecord | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: invitationKey(journeyId, meeting), ConsistentRead: true }),
  );
  return result.Item ? withoutKeys<InvitationRecord>(result.Item) : undefined;
};

export const listInvitations = async (journeyId: string): Promise<InvitationRecord[]> =>
  (await queryJourneyPartition(journeyId, { prefix: 'INVITE#' })).map(withoutKeys<InvitationRecord>);
