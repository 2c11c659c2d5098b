import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JourneyErased } from '#shared/data/erasures.ts';
import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { recordAnswers } from '#shared/journeys/record-answers.ts';
import { sampleOffer } from '../support/sample-offer.ts';

process.env.TABLE_NAME = 'journeys-test';

const dynamo = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const at = new Date('2026-12-03T03:00:00Z');
const journey = { journeyId: 'j-1', offer: offerSchema.parse(sampleOffer()) } as Journey;
const form: FormRecord = {
  journeyId: 'j-1',
  formId: 'f-1',
  kind: 'offer-outcome',
  recipient: { role: 'hr', name: '佐藤 綾', email: 'aya.sato@example.co.jp', locale: 'ja' },
  status: 'open',
  taskToken: 'token-1',
  createdAt: '2026-12-03T02:00:00Z',
  linkExpiresAt: '2027-01-02T02:00:00Z',
  ask: 1,
};
const notesWrites = () =>
  dynamo.commandCalls(PutCommand).filter((call) => String(call.args[0].input.Item?.sk).startsWith('NOTES#'));
const alreadySubmitted = new ConditionalCheckFailedException({ message: 'not open', $metadata: {} });
const stopped = new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} });

// Reads of the journey and of its erasure record find nothing unless a test says otherwise.
beforeEach(() => {
  dynamo.on(GetCommand).resolves({});
});
afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('recording answers', () => {
  it("saves the new hire's topics, which no execution waits on, recording that they wrote and never what", async () => {
    const topicsForm: FormRecord = {
      ...form,
      kind: 'session-topics',
      recipient: { role: 'employee', name: '山田 花子', email: 'hanako@example.com', locale: 'ja' },
      taskToken: undefined,
      ask: undefined,
      round: 1,
    };
    const answers = { topics: '通勤がつらい', keepFromTeam: '' };
    dynamo.on(UpdateCommand).resolves({ Attributes: { ...topicsForm, status: 'submitted', answers } });
    dynamo.on(PutCommand).resolves({});
    // No brief has gone out yet: the topics wait for it.
    dynamo.on(QueryCommand).resolves({ Items: [] });

    expect(await recordAnswers(journey, topicsForm, answers, at)).toBe('resumed');
    expect(sfn).not.toHaveReceivedCommand(SendTaskSuccessCommand);
    const events = dynamo
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input.Item)
      .filter((item) => String(item?.sk).startsWith('EVENT#'));
    expect(events).toEqual([expect.objectContaining({ type: 'topics.submitted', formId: 'f-1', round: 1 })]);
    expect(JSON.stringify(events)).not.toContain('通勤');
  });

  it('saves the first answers, records them and resumes the execution with the decision only', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: { decision: 'accepted', notes: 'private' } },
    });
    sfn.on(SendTaskSuccessCommand).resolves({});

    expect(await recordAnswers(journey, form, { decision: 'accepted', notes: 'private' }, at)).toBe(
      'resumed',
    );
    expect(sfn).toReceiveCommandWith(SendTaskSuccessCommand, {
      taskToken: 'token-1',
      output: JSON.stringify({ decision: 'accepted', ask: 1, askAgainAt: null }),
    });
  });

  it('finishes an earlier submission that saved the answers but never resumed the execution', async () => {
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(alreadySubmitted)
      .on(GetCommand)
      .resolves({ Item: { ...form, status: 'submitted', answers: { decision: 'declined' } } });
    sfn.on(SendTaskSuccessCommand).resolves({});

    expect(await recordAnswers(journey, form, { decision: 'accepted' }, at)).toBe('already-used');
    // The saved answers count, not the ones sent again.
    expect(sfn).toReceiveCommandWith(SendTaskSuccessCommand, {
      output: JSON.stringify({ decision: 'declined', ask: 1, askAgainAt: null }),
    });
  });

  it('changes nothing for a form whose execution was already told', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(alreadySubmitted)
      .on(GetCommand)
      .resolves({ Item: { ...form, status: 'submitted', resumedAt: '2026-12-03T02:30:00Z' } });

    expect(await recordAnswers(journey, form, { decision: 'accepted' }, at)).toBe('already-used');
    expect(sfn.calls()).toHaveLength(0);
  });

  it('shows the person a closed page when the waiting task is already gone', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: { decision: 'accepted' } },
    });
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} }));

    expect(await recordAnswers(journey, form, { decision: 'accepted' }, at)).toBe('closed');
  });

  it('asks nothing again after a "still undecided" once the execution that waited for it has stopped', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: { decision: 'undecided' } },
    });
    sfn.on(SendTaskHeartbeatCommand).rejects(stopped);

    expect(await recordAnswers(journey, form, { decision: 'undecided' }, at)).toBe('closed');
    // No schedule to ask again (its timer item would be the only write beside the event and the mark).
    const timers = dynamo
      .commandCalls(PutCommand)
      .filter((call) => String(call.args[0].input.Item?.sk).startsWith('TIMER#'));
    expect(timers).toEqual([]);
    expect(sfn).not.toHaveReceivedCommand(SendTaskSuccessCommand);
  });

  it('reports a form that expired before the answer came as closed', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(alreadySubmitted)
      .on(GetCommand)
      .resolves({ Item: { ...form, status: 'expired' } });

    expect(await recordAnswers(journey, form, { decision: 'accepted' }, at)).toBe('closed');
    expect(sfn.calls()).toHaveLength(0);
  });

  it("keeps HR's private notes out of the form record, in an item of their own, before resuming", async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: { decision: 'declined' }, hasPrivateNotes: true },
    });
    sfn.on(SendTaskSuccessCommand).resolves({});

    await recordAnswers(
      journey,
      form,
      { decision: 'declined', remainingConcerns: '', notes: '家族と相談中' },
      at,
    );

    const [submission] = dynamo.commandCalls(UpdateCommand);
    expect(JSON.stringify(submission?.args[0].input)).not.toContain('家族と相談中');
    expect(submission?.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':answers': { decision: 'declined', remainingConcerns: '' },
      ':hasPrivateNotes': true,
    });
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({
        pk: 'JOURNEY#j-1',
        sk: 'NOTES#f-1',
        kind: 'offer-outcome',
        field: 'notes',
        text: '家族と相談中',
      }),
      ConditionExpression: undefined,
    });
    // Stored before the execution goes on: a journey that ends next must find them.
    const [put] = notesWrites();
    const resume = sfn.commandCalls(SendTaskSuccessCommand)[0];
    expect(put && resume && put.calledBefore(resume)).toBe(true);
  });

  it('stores nothing private for empty notes', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: { decision: 'accepted' } },
    });
    sfn.on(SendTaskSuccessCommand).resolves({});
    await recordAnswers(journey, form, { decision: 'accepted', notes: '' }, at);
    expect(notesWrites()).toEqual([]);
  });

  it('fills in missing notes when finishing a submission that had some, never replacing them', async () => {
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(alreadySubmitted)
      .on(GetCommand)
      .resolves({
        Item: { ...form, status: 'submitted', answers: { decision: 'declined' }, hasPrivateNotes: true },
      });
    sfn.on(SendTaskSuccessCommand).resolves({});

    await recordAnswers(journey, form, { decision: 'declined', notes: 'again' }, at);
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({ sk: 'NOTES#f-1', text: 'again' }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('drops the notes of a second submission when the first one, which counts, had none', async () => {
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(alreadySubmitted)
      .on(GetCommand)
      .resolves({
        Item: { ...form, status: 'submitted', answers: { decision: 'declined' }, hasPrivateNotes: false },
      });
    sfn.on(SendTaskSuccessCommand).resolves({});

    await recordAnswers(journey, form, { decision: 'accepted', notes: 'late' }, at);
    expect(notesWrites()).toEqual([]);
  });

  it('starts the retention period of notes that arrive just after the journey ended', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: {}, hasPrivateNotes: true },
    });
    dynamo
      .on(GetCommand)
      .callsFake(({ Key }) =>
        Key.sk === 'JOURNEY'
          ? { Item: { journeyId: 'j-1', status: 'cancelled', updatedAt: '2026-12-03T02:59:00.000Z' } }
          : {},
      );
    dynamo.on(QueryCommand).resolves({ Items: [{ pk: 'JOURNEY#j-1', sk: 'NOTES#f-1', formId: 'f-1' }] });
    // The cancellation stopped the execution that waited for the answer.
    sfn.on(SendTaskHeartbeatCommand).rejects(stopped);

    await recordAnswers(journey, form, { decision: 'undecided', notes: 'private' }, at);
    expect(dynamo).toReceiveCommandWith(UpdateCommand, {
      Key: { pk: 'JOURNEY#j-1', sk: 'NOTES#f-1' },
      ExpressionAttributeValues: { ':expiresAt': Date.parse('2027-12-03T02:59:00Z') / 1000 },
    });
  });

  it('takes the notes back out when the journey is being erased', async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: { ...form, status: 'submitted', answers: {}, hasPrivateNotes: true },
    });
    dynamo
      .on(GetCommand)
      .callsFake(({ Key }) =>
        Key.sk === 'ERASED' ? { Item: { erasedAt: '2026-12-03T02:59:00.000Z' } } : {},
      );
    sfn.on(SendTaskSuccessCommand).resolves({});

    // Nor does the submission record anything else: it stops there, and the person sees a closed form.
    await expect(
      recordAnswers(journey, form, { decision: 'undecided', notes: 'private' }, at),
    ).rejects.toThrow(JourneyErased);
    expect(dynamo).toReceiveCommandWith(DeleteCommand, { Key: { pk: 'JOURNEY#j-1', sk: 'NOTES#f-1' } });
  });
});
