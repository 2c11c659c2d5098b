import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeJourneysTemplate } from '#infra/synthesize.ts';
import { apiRoutes } from '#shared/http/api-routes.ts';
import { openApiDocument } from '#shared/http/openapi-document.ts';

type Operation = { security: Record<string, string[]>[] };
type RouteResource = { Type: string; Properties: { RouteKey: string; AuthorizationType?: string } };

const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
let synthesized: Record<string, string>;

beforeAll(() => {
  const resources = Object.values(synthesizeJourneysTemplate().Resources as Record<string, RouteResource>);
  synthesized = Object.fromEntries(
    resources
      .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
      .map((route) => [route.Properties.RouteKey, route.Properties.AuthorizationType ?? 'NONE']),
  );
});

const documented = () =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      routeKey: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

const consoleRoutes = () =>
  Object.entries(apiRoutes)
    .filter(([, route]) => route.access === 'console')
    .map(([routeKey]) => routeKey);

describe('GET /openapi.json against the synthesized stack', () => {
  it('lists every route the stack serves in `apiRoutes`: add a route to the stack, add it there', () => {
    expect(Object.keys(apiRoutes).sort()).toEqual(Object.keys(synthesized).sort());
  });

  it("describes exactly the stack's routes but the console's pages, which are no part of the JSON API", () => {
    expect(
      documented()
        .map(({ routeKey }) => routeKey)
        .sort(),
    ).toEqual(
      Object.keys(synthesized)
        .filter((routeKey) => !consoleRoutes().includes(routeKey))
        .sort(),
    );
  });

  it('serves the console without IAM: its session cookie is what lets HR in', () => {
    expect(consoleRoutes()).toContain('GET /console');
    for (const routeKey of consoleRoutes())
      expect([routeKey, synthesized[routeKey]]).toEqual([routeKey, 'NONE']);
  });

  it('asks for a SigV4 signature on exactly the IAM-authorized routes', () => {
    for (const { routeKey, operation } of documented()) {
      expect([routeKey, operation.security.length > 0]).toEqual([
        routeKey,
        synthesized[routeKey] === 'AWS_IAM',
      ]);
    }
  });
});
