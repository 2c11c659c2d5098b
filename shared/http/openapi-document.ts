import * as z from 'zod';
import { erasedJourneySchema, errorSchema, invalidRequestSchema } from '#shared/http/api-responses.ts';
import { documentedRoutes, type RefusalStatus, type RouteDescription } from '#shared/http/api-routes.ts';

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12, OpenAPI 3.1's own dialect: requests as callers send them (defaults optional), answers as sent. */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonObject => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
};

const jsonContent = (schema: JsonObject) => ({ 'application/json': { schema } });

const ref = (kind: 'schemas' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });

const refusals: Record<RefusalStatus, string> = {
  400: 'InvalidRequest',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Erased',
  413: 'TooLarge',
};

const SIGV4 = 'awsSigV4';

const pathParameterDescriptions: Record<string, string> = {
  id: 'The journey id POST /journeys answered with',
  formId: "A form id from the journey's `forms` (GET /journeys/{id})",
  name: 'A template name: lowercase letters, digits and dashes (`default` is built in)',
  token: 'The signed token of an emailed link; it alone authenticates the person',
};

const parameters = (path: string, query: z.ZodObject | undefined): JsonObject[] => {
  const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    description: pathParameterDescriptions[name],
    schema: { type: 'string' },
  }));
  if (!query) return inPath;
  const { properties = {}, required = [] } = jsonSchema(query, 'input') as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  const inQuery = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
  return [...inPath, ...inQuery];
};

const operation = (path: string, route: RouteDescription): JsonObject => {
  const html = route.access === 'form-link';
  const responses: JsonObject = {};
  for (const [status, answer] of Object.entries(route.answers)) {
    responses[status] =
      typeof answer === 'string'
        ? { description: answer, content: { 'text/html': { schema: { type: 'string' } } } }
        : { description: 'OK', content: jsonContent(jsonSchema(answer, 'output')) };
  }
  if (route.csv) {
    const ok = responses[200] as { content: JsonObject };
    ok.content = { ...ok.content, 'text/csv': { schema: { type: 'string', description: route.csv } } };
  }
  for (const status of route.refusals ?? []) responses[status] = ref('responses', refusals[status]);
  if (!html) {
    responses[403] = ref('responses', 'Forbidden');
    responses[500] = ref('responses', 'ServerError');
  }
  const parameterList = parameters(path, route.query);
  return {
    summary: route.summary,
    ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [html ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: jsonSchema(route.body, 'input'),
              },
            },
          },
        }
      : {}),
    responses,
    // Form routes need no AWS credentials: the link's signed token is what lets a person in.
    security: html ? [] : [{ [SIGV4]: [] }],
  };
};

const errorResponse = (description: string, schema = ref('schemas', 'Error')) => ({
  description,
  content: jsonContent(schema),
});

/**
 * The OpenAPI 3.1 description of every route in `apiRoutes` but the console's pages (HTML for people, not an
 * API), with the zod schemas the handlers validate with.
 */
export const openApiDocument = (): JsonObject => {
  const paths: Record<string, JsonObject> = {};
  for (const [routeKey, route] of documentedRoutes()) {
    const [method = '', path = ''] = routeKey.split(' ');
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(path, route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Follow-up journeys for new hires',
      version: '1',
      description:
        "HR's systems start, read, move, cancel and erase journeys and keep the company calendar, signing " +
        'each request with AWS Signature Version 4; the people in a journey open and answer emailed forms.',
    },
    security: [{ [SIGV4]: [] }],
    paths,
    components: {
      securitySchemes: {
        [SIGV4]: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            'AWS IAM: sign each request with Signature Version 4 (service `execute-api`) as a principal allowed ' +
            '`execute-api:Invoke` on the route.',
          'x-amazon-apigateway-authtype': 'awsSigv4',
        },
      },
      schemas: {
        Error: jsonSchema(errorSchema, 'output'),
        InvalidRequest: jsonSchema(invalidRequestSchema, 'output'),
        ErasedJourney: jsonSchema(erasedJourneySchema, 'output'),
      },
      responses: {
        InvalidRequest: errorResponse(
          'Invalid fields, one message each, keyed by dotted path; nothing was written',
          ref('schemas', 'InvalidRequest'),
        ),
        NotFound: errorResponse('No such journey (or form)'),
        Conflict: errorResponse('Not possible in the state the journey (or form) is in; nothing was changed'),
        Erased: errorResponse('The journey was erased on request', ref('schemas', 'ErasedJourney')),
        TooLarge: errorResponse('The body is larger than 64 KiB'),
        Forbidden: errorResponse(
          'Not signed by a principal allowed to invoke this route (answered by API Gateway)',
        ),
        ServerError: errorResponse('Something went wrong on our side; try again later'),
      },
    },
  };
};
