import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { JourneyErased } from '#shared/data/erasures.ts';
import { apiHandler } from '#shared/http/api-handler.ts';

process.env.TABLE_NAME = 'journeys-test';

const dynamo = mockClient(DynamoDBDocumentClient);
const journeyId = 'j-0123456789abcdef0123';
// A change whose journey was erased while it ran.
const caughtByErasure = apiHandler(async () => {
  throw new JourneyErased(journeyId);
});
const call = () => caughtByErasure({} as APIGatewayProxyEventV2, lambdaContext('reschedule-journey'));

afterEach(() => {
  dynamo.reset();
});

describe('an HR request caught by an erasure', () => {
  it('answers 410 with the time of the erasure, as any request after it', async () => {
    dynamo.on(GetCommand).resolves({ Item: { erasedAt: '2026-12-01T01:00:00.000Z' } });
    const response = await call();
    expect(response.statusCode).toBe(410);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({
      journeyId,
      status: 'erased',
      erasedAt: '2026-12-01T01:00:00.000Z',
    });
  });

  it('answers 500 when the erasure cannot be read either, and lets no error out to the runtime', async () => {
    dynamo
      .on(GetCommand)
      .rejects(Object.assign(new Error('denied for hanako@example.com'), { name: 'AccessDeniedException' }));
    expect((await call()).statusCode).toBe(500);
  });

  it('answers 404 when no erasure explains the missing journey', async () => {
    dynamo.on(GetCommand).resolves({});
    expect((await call()).statusCode).toBe(404);
  });
});
