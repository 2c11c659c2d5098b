import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
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
const alreadySubmitted = new ConditionalCheckFailedException({ message: 'not open', $metadata: {} });

afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('recording answers', () => {
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

  it('reports a form that expired before the answer came as closed', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(alreadySubmitted)
      .on(GetCommand)
      .resolves({ Item: { ...form, status: 'expired' } });

    expect(await recordAnswers(journey, form, { decision: 'accepted' }, at)).toBe('closed');
    expect(sfn.calls()).toHaveLength(0);
  });
});
