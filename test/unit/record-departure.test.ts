import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journey, JourneyStatus } from '#shared/data/journeys.ts';
import type { Departure } from '#shared/domain/departure.ts';
import { recordDeparture } from '#shared/journeys/record-departure.ts';
import { useClock } from '#shared/time/clock.ts';
import { tokyoHire } from '../support/sample-offer.ts';

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
const at = new Date('2027-06-01T01:00:00.000Z');
const departure: Departure = { on: '2027-05-31', reason: 'voluntary' };
const failed = new ConditionalCheckFailedException({ message: 'condition', $metadata: {} });

const journeyAs = (status: JourneyStatus, recorded?: Departure): Journey => ({
  journeyId,
  key: 'hire:HIRE-1',
  requestHash: 'h',
  phase: 'onboarding',
  status,
  hire: tokyoHire('2027-04-01'),
  onboarding: {} as Journey['onboarding'],
  ...(recorded ? { departure: recorded } : {}),
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-05-01T00:00:00.000Z',
});

/** The journey as a read after a lost race finds it; nothing else of the partition exists. */
const tableHolds = (current: Journey | undefined) => {
  dynamo.on(GetCommand).callsFake((input) => ({ Item: input.Key?.sk === 'JOURNEY' ? current : undefined }));
  dynamo.on(QueryCommand).resolves({ Items: [] });
  dynamo.on(PutCommand).resolves({});
};
const appendedEvents = () =>
  dynamo.commandCalls(PutCommand).map((call) => call.args[0].input.Item?.sk as string);

beforeEach(() => {
  useClock(() => at.getTime());
  sfn.on(StopExecutionCommand).resolves({});
});
afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('recordDeparture', () => {
  it('records the departure over a running journey, stops it and adds journey.left', async () => {
    tableHolds(undefined);
    dynamo.on(UpdateCommand).resolves({});

    expect(await recordDeparture(journeyAs('onboarding'), departure, at)).toEqual({ ok: true });

    const [save] = dynamo.commandCalls(UpdateCommand);
    expect(save?.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':to': 'left',
      ':departure': departure,
      ':from0': 'awaiting-start',
    });
    expect(sfn.commandCalls(StopExecutionCommand).length).toBeGreaterThan(0);
    expect(appendedEvents()).toEqual(['EVENT#journey.left']);
  });

  it('refuses a journey that never had a hire who could leave, touching nothing', async () => {
    for (const status of ['declined', 'lapsed', 'cancelled', 'offer-follow-up'] as const) {
      tableHolds(undefined);
      expect(await recordDeparture(journeyAs(status), departure, at)).toMatchObject({ ok: false });
    }
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(0);
  });

  it('refuses when a cancellation or another departure got there first, stopping nothing', async () => {
    for (const current of [journeyAs('cancelled'), journeyAs('left', { ...departure, reason: 'company' })]) {
      tableHolds(current);
      dynamo.on(UpdateCommand).rejects(failed);
      expect(await recordDeparture(journeyAs('onboarding'), departure, at)).toMatchObject({ ok: false });
    }
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(0);
    expect(appendedEvents()).toEqual([]);
  });

  it('finishes the same departure recorded meanwhile, or asked again, as if it were its own', async () => {
    tableHolds(journeyAs('left', departure));
    dynamo.on(UpdateCommand).rejects(failed);
    expect(await recordDeparture(journeyAs('onboarding'), departure, at)).toEqual({ ok: true });
    expect(await recordDeparture(journeyAs('left', departure), departure, at)).toEqual({ ok: true });
    // Asked again, the journey is already left: no second write of the status.
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(1);
    // Both append under the one key of the fact, which the table keeps once.
    expect(appendedEvents()).toEqual(['EVENT#journey.left', 'EVENT#journey.left']);
  });
});
