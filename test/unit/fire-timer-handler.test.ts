import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { tokyoHire } from '../support/sample-offer.ts';

process.env.TABLE_NAME = 'journeys-test';
process.env.ONBOARDING_STATE_MACHINE_ARN =
  'arn:aws:states:ap-northeast-1:123456789012:stateMachine:Onboarding';

const dynamo = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let handler: typeof import('#functions/fire-timer/handler.ts')['handler'];
const fire = (timer: string) => handler({ journeyId: 'j-1', timer }, lambdaContext('fire-timer'));

const timerItem = (name: string, action: Record<string, unknown>, status = 'pending') => ({
  Item: {
    pk: 'JOURNEY#j-1',
    sk: `TIMER#${name}`,
    journeyId: 'j-1',
    name,
    at: '2026-12-02T09:00:00Z',
    action,
    status,
  },
});

beforeAll(async () => {
  ({ handler } = await import('#functions/fire-timer/handler.ts'));
});
afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('fire-timer handler', () => {
  it('does nothing for a timer that already fired (a duplicate delivery)', async () => {
    dynamo
      .on(GetCommand)
      .resolves(timerItem('meeting-end', { kind: 'resume-task', taskToken: 't' }, 'fired'));
    await fire('meeting-end');
    expect(sfn.calls()).toHaveLength(0);
    expect(dynamo).not.toReceiveCommand(UpdateCommand);
  });

  it('resumes the waiting task, then marks the timer fired', async () => {
    dynamo.on(GetCommand).resolves(timerItem('meeting-end', { kind: 'resume-task', taskToken: 'token-1' }));
    sfn.on(SendTaskSuccessCommand).resolves({});
    await fire('meeting-end');
    expect(sfn).toReceiveCommandWith(SendTaskSuccessCommand, { taskToken: 'token-1', output: '{}' });
    expect(dynamo).toReceiveCommandWith(UpdateCommand, {
      Key: { pk: 'JOURNEY#j-1', sk: 'TIMER#meeting-end' },
      ConditionExpression: '#status = :pending',
    });
  });

  it('treats a task that is already gone as done instead of failing forever', async () => {
    dynamo.on(GetCommand).resolves(timerItem('meeting-end', { kind: 'resume-task', taskToken: 'old' }));
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'closed', $metadata: {} }));
    await expect(fire('meeting-end')).resolves.toBeUndefined();
    expect(dynamo).toReceiveCommand(UpdateCommand);
  });

  it('expires an open interviewer form, records it and lets the journey go on without it', async () => {
    dynamo
      .on(GetCommand)
      .resolves(timerItem('expire-f-1', { kind: 'expire-form', formId: 'f-1' }))
      .on(UpdateCommand, { ConditionExpression: '#status = :open' })
      .resolves({
        Attributes: {
          journeyId: 'j-1',
          formId: 'f-1',
          status: 'expired',
          taskToken: 'token-f',
          recipient: { role: 'interviewer' },
          interviewerIndex: 0,
        },
      });
    dynamo
      .on(GetCommand, { Key: { pk: 'JOURNEY#j-1', sk: 'JOURNEY' } })
      .resolves({ Item: { journeyId: 'j-1', hire: tokyoHire('2027-04-01') } });
    sfn.on(SendTaskSuccessCommand).resolves({});
    await fire('expire-f-1');
    // HR's queue gets the unanswered form, once (a conditional put).
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({
        sk: 'ATTENTION#prep-unanswered-f-1',
        kind: 'prep-unanswered',
        role: 'interviewer',
        attentionQueue: 'OPEN',
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({ sk: 'EVENT#prep.expired#f-1', type: 'prep.expired' }),
    });
    expect(sfn).toReceiveCommandWith(SendTaskSuccessCommand, {
      taskToken: 'token-f',
      output: JSON.stringify({ status: 'expired' }),
    });
  });

  it('starts a round in an execution of its own when the round begins; a repeated start finds it', async () => {
    // The timer is found; no start of the round's execution is recorded yet.
    dynamo
      .on(GetCommand)
      .resolves({})
      .on(GetCommand, { Key: { pk: 'JOURNEY#j-1', sk: 'TIMER#round-start-r2' } })
      .resolves(timerItem('round-start-r2', { kind: 'start-round', round: 2 }));
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }))
      .resolves({});
    await fire('round-start-r2');
    await fire('round-start-r2');
    expect(sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input)).toEqual([
      {
        stateMachineArn: process.env.ONBOARDING_STATE_MACHINE_ARN,
        name: 'j-1-onboarding-r2',
        input: JSON.stringify({ journeyId: 'j-1', round: 2, followUp: false }),
      },
      {
        stateMachineArn: process.env.ONBOARDING_STATE_MACHINE_ARN,
        name: 'j-1-onboarding-r2',
        input: JSON.stringify({ journeyId: 'j-1', round: 2, followUp: false }),
      },
    ]);
    expect(dynamo).toReceiveCommandWith(UpdateCommand, {
      Key: { pk: 'JOURNEY#j-1', sk: 'TIMER#round-start-r2' },
    });
  });

  it('starts no round whose start is recorded, though Step Functions may have forgotten its execution', async () => {
    // The start was recorded, then the invocation failed before marking the timer fired.
    dynamo
      .on(GetCommand, { Key: { pk: 'JOURNEY#j-1', sk: 'TIMER#round-start-r2' } })
      .resolves(timerItem('round-start-r2', { kind: 'start-round', round: 2 }))
      .on(GetCommand, { Key: { pk: 'JOURNEY#j-1', sk: 'EXECUTION#j-1-onboarding-r2' } })
      .resolves({ Item: { pk: 'JOURNEY#j-1' } });
    await fire('round-start-r2');
    expect(sfn.calls()).toHaveLength(0);
    expect(dynamo).toReceiveCommandWith(UpdateCommand, {
      Key: { pk: 'JOURNEY#j-1', sk: 'TIMER#round-start-r2' },
    });
  });
});
