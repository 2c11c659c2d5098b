import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteJourneyItems } from '#shared/data/erasures.ts';
import { eraseJourney } from '#shared/journeys/erase-journey.ts';
import { useClock } from '#shared/time/clock.ts';

process.env.TABLE_NAME = 'journeys-test';
process.env.STATE_MACHINE_ARN = 'arn:aws:states:ap-northeast-1:123456789012:stateMachine:OfferFollowUp';
process.env.ONBOARDING_STATE_MACHINE_ARN =
  'arn:aws:states:ap-northeast-1:123456789012:stateMachine:Onboarding';
process.env.ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN =
  'arn:aws:states:ap-northeast-1:123456789012:stateMachine:OnboardingFollowUp';
process.env.ONBOARDING_MILESTONES_STATE_MACHINE_ARN =
  'arn:aws:states:ap-northeast-1:123456789012:stateMachine:OnboardingMilestones';
process.env.SCHEDULE_GROUP = 'journeys-test';

const dynamo = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const journeyId = 'j-0123456789abcdef0123';
const pk = `JOURNEY#${journeyId}`;
const key = (sk: string) => ({ pk, sk });
const at = '2026-12-01T01:00:00.000Z';
const exists = new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });

/** The partition as a query for all of it sees it; prefix queries (timers, forms, invitations) find nothing. */
const partitionHolds = (sortKeys: string[]) =>
  dynamo.on(QueryCommand).callsFake((input) => ({
    Items: input.ExpressionAttributeValues?.[':prefix'] ? [] : sortKeys.map(key),
  }));

const deletedKeys = () =>
  dynamo
    .commandCalls(BatchWriteCommand)
    .map((call) =>
      (call.args[0].input.RequestItems?.['journeys-test'] ?? []).map((r) => r.DeleteRequest?.Key?.sk),
    );

beforeEach(() => {
  useClock(() => Date.parse(at));
  sfn.on(StopExecutionCommand).resolves({});
  dynamo.on(BatchWriteCommand).resolves({});
});
afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('deleteJourneyItems', () => {
  it('deletes the partition in batches of 25, the journey item last and the erasure record never', async () => {
    const events = Array.from({ length: 30 }, (_, index) => `EVENT#e${index}`);
    partitionHolds(['ERASED', 'JOURNEY', 'INVITE#offer-meeting', 'EMAIL#x', 'NOTES#f-1', ...events]);

    expect(await deleteJourneyItems(journeyId)).toBe(34);

    const batches = deletedKeys();
    expect(batches.map((batch) => batch.length)).toEqual([25, 8, 1]);
    expect(batches.at(-1)).toEqual(['JOURNEY']);
    expect(batches.flat()).not.toContain('ERASED');
    expect(batches.flat()).toEqual(
      expect.arrayContaining(['INVITE#offer-meeting', 'EMAIL#x', 'NOTES#f-1', ...events]),
    );
  });

  it('retries what DynamoDB left unprocessed until it is gone', async () => {
    partitionHolds(['EVENT#a', 'EVENT#b']);
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { 'journeys-test': [{ DeleteRequest: { Key: key('EVENT#b') } }] } })
      .resolves({});

    await deleteJourneyItems(journeyId);
    expect(deletedKeys()).toEqual([['EVENT#a', 'EVENT#b'], ['EVENT#b']]);
  });
});

describe('eraseJourney', () => {
  it('answers not-found for a journey that never existed, and writes nothing', async () => {
    dynamo.on(GetCommand).resolves({});
    expect(await eraseJourney(journeyId)).toEqual({ outcome: 'not-found' });
    expect(dynamo).toReceiveCommandTimes(PutCommand, 0);
    expect(dynamo).toReceiveCommandTimes(BatchWriteCommand, 0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('stops the journey, records the erasure, stops again, releases the claim, then deletes the partition', async () => {
    dynamo
      .on(GetCommand)
      .callsFake((input) =>
        input.Key.sk === 'JOURNEY'
          ? { Item: { ...key('JOURNEY'), journeyId, key: 'offer:OFR-1', status: 'offer-follow-up' } }
          : {},
      );
    partitionHolds(['JOURNEY', 'EVENT#journey.started', 'FORM#f-1', 'NOTES#f-1']);

    expect(await eraseJourney(journeyId)).toEqual({
      outcome: 'erased',
      erasure: { journeyId, erasedAt: at },
    });

    const [tombstone] = dynamo.commandCalls(PutCommand);
    expect(tombstone?.args[0].input).toEqual({
      TableName: 'journeys-test',
      Item: { ...key('ERASED'), type: 'erasure', journeyId, erasedAt: at },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    // The withdrawals go out before the record; anything started meanwhile is stopped after it.
    const stops = sfn.commandCalls(StopExecutionCommand);
    expect(tombstone && stops[0]?.calledBefore(tombstone) && stops[3]?.calledAfter(tombstone)).toBe(true);
    const executions = [
      `arn:aws:states:ap-northeast-1:123456789012:execution:OfferFollowUp:${journeyId}`,
      `arn:aws:states:ap-northeast-1:123456789012:execution:OnboardingMilestones:${journeyId}-onboarding`,
      `arn:aws:states:ap-northeast-1:123456789012:execution:OnboardingMilestones:${journeyId}-onboarding-end`,
    ];
    expect(stops.map((call) => call.args[0].input.executionArn)).toEqual([...executions, ...executions]);
    expect(sfn).toReceiveCommandWith(StopExecutionCommand, { error: 'JourneyErased' });
    expect(dynamo).toReceiveCommandWith(DeleteCommand, {
      Key: { pk: 'CLAIM#offer:OFR-1', sk: 'CLAIM' },
      ConditionExpression: 'journeyId = :journeyId',
      ExpressionAttributeValues: { ':journeyId': journeyId },
    });
    expect(deletedKeys().flat()).toEqual(['EVENT#journey.started', 'FORM#f-1', 'NOTES#f-1', 'JOURNEY']);
  });

  it("stops each planned round's execution and its extra follow-up session's", async () => {
    dynamo.on(GetCommand).callsFake((input) =>
      input.Key.sk === 'JOURNEY'
        ? {
            Item: {
              ...key('JOURNEY'),
              journeyId,
              key: 'offer:OFR-1',
              status: 'onboarding',
              rounds: [{ round: 1 }, { round: 2 }],
            },
          }
        : {},
    );
    partitionHolds(['JOURNEY']);

    await eraseJourney(journeyId);
    const arn = (machine: string, suffix: string) =>
      `arn:aws:states:ap-northeast-1:123456789012:execution:${machine}:${journeyId}-onboarding-${suffix}`;
    expect(sfn.commandCalls(StopExecutionCommand).map((call) => call.args[0].input.executionArn)).toEqual(
      expect.arrayContaining([
        arn('Onboarding', 'r1'),
        arn('OnboardingFollowUp', 'r1-followup'),
        arn('OnboardingFollowUp', 'r2-followup'),
      ]),
    );
  });

  it('erases an erased journey again harmlessly, keeping the time of the first erasure', async () => {
    dynamo
      .on(GetCommand)
      .callsFake((input) =>
        input.Key.sk === 'ERASED' ? { Item: { ...key('ERASED'), erasedAt: '2026-11-30T00:00:00.000Z' } } : {},
      );
    dynamo.on(PutCommand).rejects(exists);
    partitionHolds(['ERASED', 'EVENT#stray']);

    expect(await eraseJourney(journeyId)).toEqual({
      outcome: 'erased',
      erasure: { journeyId, erasedAt: '2026-11-30T00:00:00.000Z' },
    });
    // Whatever a step in flight started or wrote meanwhile is stopped and swept.
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(3);
    expect(deletedKeys().flat()).toEqual(['EVENT#stray']);
  });
});
