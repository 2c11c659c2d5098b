import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import { documents, journeyPk, queryJourneyPartition, tableName, wasWritten } from '#shared/data/table.ts';
import { now } from '#shared/time/clock.ts';

export const timelineEventTypes = [
  'journey.started',
  'prep.requested',
  'prep.reminded',
  'prep.submitted',
  'prep.expired',
  'topics.submitted',
  'pulse.requested',
  'pulse.reminded',
  'pulse.answered',
  'pulse.expired',
  'brief.sent',
  'invitation.sent',
  'invitation.updated',
  'invitation.cancelled',
  'outcome.requested',
  'outcome.recorded',
  'outcome.expired',
  'form.reissued',
  'offer.accepted',
  'offer.declined',
  'offer.lapsed',
  'handoff.sent',
  'onboarding.scheduled',
  'onboarding.started',
  'round.started',
  'onboarding.checks-continue',
  'team-session.reminded',
  'summary.requested',
  'summary.confirmed',
  'summary.declined',
  'summary.expired',
  'summary.shared',
  'alert.raised',
  'alert.handled',
  'journey.summarized',
  'journey.rescheduled',
  'journey.cancelled',
  'journey.left',
  'journey.needs-attention',
  'journey.completed',
  'mail.bounced',
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  [detail: string]: unknown;
}

/**
 * Appends an event once. `key` names the fact (for example `prep.requested#<formId>`), so a retried step that
 * records the same fact again leaves a single event. A step still running when its journey is erased leaves
 * none (JourneyErased).
 */
export const appendEvent = async (
  journeyId: string,
  key: string,
  event: { type: TimelineEventType } & Record<string, unknown>,
): Promise<boolean> => {
  const at = now();
  const item = { pk: journeyPk(journeyId), sk: `EVENT#${key}` };
  const appended = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...item,
          ...event,
          at: at.toISOString(),
          // Events recorded within one millisecond (common under the local virtual clock) keep their order.
          order: `${at.toISOString()}|${process.hrtime.bigint().toString().padStart(20, '0')}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (appended) await keepUnlessErased(journeyId, item);
  return appended;
};

/** Takes back an event this attempt appended for a change that did not happen after all. */
export const removeEvent = async (journeyId: string, key: string): Promise<void> => {
  await documents.send(
    new DeleteCommand({ TableName: tableName(), Key: { pk: journeyPk(journeyId), sk: `EVENT#${key}` } }),
  );
};

/** The event recorded for a fact, if it was. */
export const getEvent = async (journeyId: string, key: string): Promise<TimelineEvent | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: journeyPk(journeyId), sk: `EVENT#${key}` },
      ConsistentRead: true,
    }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, order: _order, ...event } = result.Item;
  return event as TimelineEvent;
};

export const listTimeline = async (journeyId: string): Promise<TimelineEvent[]> => {
  const items = await queryJourneyPartition(journeyId, { prefix: 'EVENT#' });
  return items
    .sort((a, b) => String(a.order).localeCompare(String(b.order)))
    .map(({ pk: _pk, sk: _sk, order: _order, ...event }) => event as TimelineEvent);
};
