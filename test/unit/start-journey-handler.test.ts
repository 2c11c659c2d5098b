import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { useClock } from '#shared/time/clock.ts';
import { sampleOffer } from '../support/sample-offer.ts';

process.env.TABLE_NAME = 'journeys-test';
process.env.STATE_MACHINE_ARN = 'arn:aws:states:ap-northeast-1:123456789012:stateMachine:OfferFollowUp';

const dynamo = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let handler: typeof import('#functions/start-journey/handler.ts')['handler'];

const post = (body: unknown) =>
  handler(
    {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      isBase64Encoded: false,
    } as APIGatewayProxyEventV2,
    lambdaContext('start-journey'),
  );

beforeAll(async () => {
  useClock(() => Date.parse('2026-11-24T10:00:00+09:00'));
  ({ handler } = await import('#functions/start-journey/handler.ts'));
});
afterEach(() => {
  dynamo.reset();
  sfn.reset();
});

describe('start-journey handler', () => {
  it('answers invalid input with 400 and field messages, touching nothing', async () => {
    const response = await post({ ...sampleOffer(), hr: { name: '佐藤 綾', email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}').errors).toEqual({ 'hr.email': expect.any(String) });
    expect(dynamo.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('refuses a summary-confirmation setting that is not true or false, with a field message', async () => {
    for (const hireConfirmsSummary of ['false', 0, null]) {
      const response = await post({ ...sampleOffer(), onboarding: { hireConfirmsSummary } });
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body ?? '{}').errors).toEqual({
        'onboarding.hireConfirmsSummary': 'must be true or false',
      });
    }
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('calls a missing field required', async () => {
    const { hr: _hr, ...withoutHr } = sampleOffer();
    const response = await post(withoutHr);
    expect(JSON.parse(response.body ?? '{}').errors).toEqual({ hr: 'required' });
  });

  it('answers a body that is not JSON with 400', async () => {
    expect((await post('{"offerId":')).statusCode).toBe(400);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('claims the offer, then starts one execution named after the journey with ids only, and records it', async () => {
    // No start recorded yet; every other item reads as the journey just written.
    dynamo
      .on(GetCommand)
      .callsFake(({ Key }) =>
        String(Key.sk).startsWith('EXECUTION#')
          ? {}
          : { Item: { journeyId: String(Key.pk).replace('JOURNEY#', ''), status: 'offer-follow-up' } },
      );
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution' });

    const response = await post(sampleOffer());

    expect(response.statusCode).toBe(201);
    const { journeyId } = JSON.parse(response.body ?? '{}');
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({ pk: 'CLAIM#offer:OFR-2027-0042', journeyId }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(sfn).toReceiveCommandTimes(StartExecutionCommand, 1);
    const start = sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input;
    expect(start?.name).toBe(journeyId);
    expect(start?.input).not.toMatch(/@|山田/);
    expect(dynamo).toReceiveCommandWith(PutCommand, {
      Item: expect.objectContaining({ pk: `JOURNEY#${journeyId}`, sk: `EXECUTION#${journeyId}` }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers 409 when the offerId was used with different details, and starts nothing', async () => {
    dynamo
      .on(PutCommand)
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }))
      .on(GetCommand)
      .resolves({ Item: { journeyId: 'j-earlier', requestHash: 'another-offer' } });

    const response = await post(sampleOffer());

    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '{}').journeyId).toBe('j-earlier');
    expect(sfn.calls()).toHaveLength(0);
  });
});
