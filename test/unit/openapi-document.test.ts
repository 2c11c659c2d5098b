import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { alertHandledSchema } from '#shared/domain/attention-requests.ts';
import { calendarSettingsSchema } from '#shared/domain/calendar-settings.ts';
import { departureSchema } from '#shared/domain/departure.ts';
import { formAnswerSchemas } from '#shared/domain/form-answers.ts';
import { cancellationSchema, journeyMoveSchema } from '#shared/domain/journey-changes.ts';
import { journeyTemplateSchema } from '#shared/domain/journey-template-schema.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { onboardingJourneySchema } from '#shared/domain/onboarding-request.ts';
import { weathers } from '#shared/domain/pulse.ts';
import { erasedJourneySchema, invalidRequestSchema } from '#shared/http/api-responses.ts';
import { apiRoutes } from '#shared/http/api-routes.ts';
import { badRequest } from '#shared/http/http-error.ts';
import { missingJourney } from '#shared/http/missing-journey.ts';
import { openApiDocument } from '#shared/http/openapi-document.ts';
import { OPENAPI_DOCUMENT_FILE, openApiDocumentText } from '../../scripts/openapi-document.ts';

process.env.TABLE_NAME = 'journeys-test';

type Json = Record<string, unknown>;
type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; required: boolean; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
  security: Record<string, string[]>[];
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Json> };
};

const document = openApiDocument() as Document;

const operations = () =>
  Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
  );

const bodySchema = (routeKey: string, mediaType = 'application/json'): Json | undefined => {
  const [method = '', path = ''] = routeKey.split(' ');
  return document.paths[path]?.[method.toLowerCase()]?.requestBody?.content[mediaType]?.schema;
};

/** As the handler's schema reads in JSON Schema, for what callers send. */
const requestOf = (schema: z.ZodType): Json => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
};

const refsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
};

describe('the OpenAPI document', () => {
  it('is served from docs/openapi.json, which matches the schemas (run `npm run openapi` when this fails)', () => {
    expect(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')).toBe(openApiDocumentText());
  });

  it('is OpenAPI 3.1.0, every HR route signed with SigV4 and the form routes open to their link', () => {
    expect(document).toMatchObject({ openapi: '3.1.0', info: { title: expect.any(String), version: '1' } });
    expect(document.components.securitySchemes.awsSigV4).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
    for (const { path, operation } of operations()) {
      expect([path, operation.security]).toEqual([
        path,
        path.startsWith('/forms/') ? [] : [{ awsSigV4: [] }],
      ]);
    }
  });

  it("leaves out the console's pages: HTML for people behind a session, not part of the API", () => {
    expect(Object.keys(apiRoutes)).toContain('GET /console');
    expect(Object.keys(document.paths).filter((path) => path === '/' || path.startsWith('/console'))).toEqual(
      [],
    );
  });

  it('takes each request body from the schema its handler validates with', () => {
    expect(bodySchema('PATCH /journeys/{id}')).toEqual(requestOf(journeyMoveSchema));
    expect(bodySchema('POST /journeys/{id}/cancel')).toEqual(requestOf(cancellationSchema));
    expect(bodySchema('POST /journeys/{id}/left')).toEqual(requestOf(departureSchema));
    expect(bodySchema('PUT /settings/calendar')).toEqual(requestOf(calendarSettingsSchema));
    expect(bodySchema('PUT /settings/templates/{name}')).toEqual(requestOf(journeyTemplateSchema));
    expect(bodySchema('POST /journeys/{id}/alerts/{alertId}/handled')).toEqual(requestOf(alertHandledSchema));
    // start-journey picks the schema by `phase`.
    expect(bodySchema('POST /journeys')?.anyOf).toEqual([
      requestOf(offerSchema),
      requestOf(onboardingJourneySchema),
    ]);
    // submit-form picks it by the kind of form the link is for.
    expect(bodySchema('POST /forms/{token}', 'application/x-www-form-urlencoded')?.anyOf).toEqual(
      Object.values(formAnswerSchemas).map(requestOf),
    );
    const withBodies = operations().filter(({ operation }) => operation.requestBody);
    expect(withBodies.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([
      'PATCH /journeys/{id}',
      'POST /forms/{token}',
      'POST /journeys',
      'POST /journeys/{id}/alerts/{alertId}/handled',
      'POST /journeys/{id}/cancel',
      'POST /journeys/{id}/left',
      'PUT /settings/calendar',
      'PUT /settings/templates/{name}',
    ]);
  });

  it('declares each path parameter, required, and each query parameter from its schema', () => {
    for (const { path, operation } of operations()) {
      const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect(inPath.map((parameter) => parameter.name)).toEqual(
        [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name),
      );
      for (const parameter of inPath) expect(parameter.required).toBe(true);
    }
    expect(
      document.paths['/forms/{token}']?.get?.parameters?.find(({ in: where }) => where === 'query'),
    ).toEqual({
      name: 'answer',
      in: 'query',
      required: false,
      description: expect.any(String),
      schema: expect.objectContaining({ enum: [...weathers] }),
    });
  });

  it('describes the report as JSON or CSV, with its query parameters', () => {
    const report = document.paths['/reports']?.get;
    expect(report?.parameters?.map((parameter) => [parameter.name, parameter.required])).toEqual([
      ['from', false],
      ['to', false],
      ['startMonth', false],
      ['hr', false],
      ['format', false],
    ]);
    expect(Object.keys((report?.responses[200]?.content ?? {}) as Json)).toEqual([
      'application/json',
      'text/csv',
    ]);
  });

  it('gives every operation a summary and every answer a description, and resolves every reference', () => {
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    for (const { method, operation } of operations()) {
      expect(methods).toContain(method);
      expect(operation.summary).toEqual(expect.any(String));
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        if (!('$ref' in response)) expect(response.description).toEqual(expect.any(String));
      }
    }
    const refs = refsIn(document);
    expect(refs).toContain('#/components/responses/InvalidRequest');
    for (const ref of refs) {
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
      expect([ref, target]).toEqual([ref, expect.any(Object)]);
    }
  });

  it('describes the 400 and 410 bodies the handlers answer with', async () => {
    expect(invalidRequestSchema.safeParse(badRequest({ 'candidate.email': 'required' }).body).success).toBe(
      true,
    );
    const dynamo = mockClient(DynamoDBDocumentClient);
    dynamo.on(GetCommand).resolves({ Item: { erasedAt: '2026-12-01T01:00:00.000Z' } });
    const erased = await missingJourney('j-0123456789abcdef0123');
    dynamo.restore();
    expect(erased.statusCode).toBe(410);
    expect(erasedJourneySchema.safeParse(erased.body).success).toBe(true);
  });
});
