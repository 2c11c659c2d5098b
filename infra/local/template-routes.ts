type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

export interface TemplateRoute {
  method: string;
  path: string;
  functionLogicalId: string;
}

const refOf = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return node.Ref;
  const getAtt = node['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  const join = node['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    for (const part of join[1]) {
      const ref = refOf(part);
      if (ref) return ref;
    }
  }
  return undefined;
};

/**
 * The HTTP API's routes as synthesized: each route's key and the function its integration invokes. The local
 * API serves exactly these, so a route added to the stack is served locally without a second list.
 */
export const templateRoutes = (template: Template): TemplateRoute[] => {
  const resources = template.Resources ?? {};
  const routes: TemplateRoute[] = [];
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Route') continue;
    const [method, path] = String(resource.Properties?.RouteKey ?? '').split(' ');
    const integrationId = refOf(resource.Properties?.Target);
    const integration = integrationId ? resources[integrationId] : undefined;
    const functionLogicalId = refOf(integration?.Properties?.IntegrationUri);
    if (method && path && functionLogicalId) routes.push({ method, path, functionLogicalId });
  }
  return routes;
};

export const tableDefinition = (template: Template): Record<string, unknown> => {
  const table = Object.values(template.Resources ?? {}).find(
    (resource) => resource.Type === 'AWS::DynamoDB::Table' || resource.Type === 'AWS::DynamoDB::GlobalTable',
  );
  if (!table?.Properties) throw new Error('the synthesized template has no DynamoDB table');
  const { KeySchema, AttributeDefinitions, GlobalSecondaryIndexes } = table.Properties;
  return { KeySchema, AttributeDefinitions, GlobalSecondaryIndexes };
};
