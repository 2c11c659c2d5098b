import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleRequest } from '#shared/console/console-handler.ts';
import { journeysListPage } from '#shared/console/journeys-list-page.ts';
import { listSortKey } from '#shared/domain/journey-listing.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';
import { useClock } from '#shared/time/clock.ts';

Object.assign(process.env, {
  TABLE_NAME: 'journeys-test',
  OIDC_ISSUER: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool',
  OIDC_CLIENT_ID: 'client',
  OIDC_LOGOUT_URL: 'https://journeys.auth.ap-northeast-1.amazoncognito.com/logout',
  BASE_URL: 'https://console.example.com',
});

const documents = mockClient(DynamoDBDocumentClient);
const journeyId = 'j-0123456789abcdef0123';
const hostile = '<script>alert(1)</script>"\'&';

beforeEach(() => {
  documents.reset();
  useClock(() => new Date('2026-11-24T01:00:00Z').getTime());
  documents.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => ({
    Items:
      input.ExpressionAttributeValues[':status'] === 'onboarding'
        ? [
            {
              journeyId,
              phase: 'onboarding',
              status: 'onboarding',
              hire: {
                employee: { name: hostile, email: 'x@example.com' },
                hr: { name: `HR ${hostile}`, email: 'hr@example.com' },
                manager: { name: 'm', email: 'm@example.com' },
                startDate: '2026-11-02',
                timezone: 'Europe/London',
              },
              rounds: [{ round: 1, startsAt: '', sessionAt: '2026-12-02T15:00:00Z', prepDeadline: '' }],
              listSk: listSortKey('2026-11-02', journeyId),
              listName: 'x',
              listHr: 'hr@example.com',
            },
          ]
        : [],
  }));
});

const request = (query: Record<string, string> = {}): ConsoleRequest => ({
  event: { queryStringParameters: query, rawPath: '/console', rawQueryString: '' } as unknown as ApiEvent,
  session: {
    user: { sub: 's', email: 'hr@example.com', name: `佐藤 ${hostile}`, groups: ['hr'] },
    csrfToken: 'token-1',
  },
});

describe('the journeys list page', () => {
  it('escapes every name, links each row to its journey, and shows the next step in the journey’s zone', async () => {
    const result = await journeysListPage(request());
    expect(result.statusCode).toBe(200);
    const body = String(result.body);
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(body).toContain(`<a href="/console/journeys/${journeyId}">`);
    expect(body).toContain('第1回 1on1');
    expect(body).toContain('2026年12月2日(水) 15:00 (Europe/London)');
    expect(body).toContain('<input type="hidden" name="csrf" value="token-1">');
    expect(result.headers?.['content-security-policy']).toContain(
      "form-action 'self' https://journeys.auth.ap-northeast-1.amazoncognito.com",
    );
    expect(result.headers?.['cache-control']).toBe('no-store');
  });

  it('takes empty filter fields as "any" and shows a bad filter next to its field, reading nothing', async () => {
    expect((await journeysListPage(request({ status: '', hr: ' ', startMonth: '', q: '' }))).statusCode).toBe(
      200,
    );
    documents.reset();
    const result = await journeysListPage(request({ status: 'paused', startMonth: '2027-13', q: hostile }));
    expect(result.statusCode).toBe(400);
    const body = String(result.body);
    expect(body).toContain('id="status-error"');
    expect(body).toContain('must be a month like 2027-04');
    expect(body).toContain('aria-describedby="startMonth-error"');
    expect(body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"');
    expect(documents.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
