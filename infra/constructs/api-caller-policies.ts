import { Validations } from 'aws-cdk-lib';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { JourneysApi } from '#infra/constructs/journeys-api.ts';
import { wildcardResourceFinding } from '#infra/constructs/nag-findings.ts';

/** The one route that deletes a person's data: whoever may call it is decided apart from the other routes. */
export const ERASURE_ROUTE = 'DELETE /journeys/{id}';

/**
 * What an AWS identity needs to call the API's HR routes with SigV4, as managed policies to attach to the role
 * HR's system (or an engineer's, for `npx follow-up`) runs as: `caller` for every HR route but erasure, `eraser`
 * for erasure alone.
 */
export class ApiCallerPolicies extends Construct {
  readonly caller: ManagedPolicy;
  readonly eraser: ManagedPolicy;

  constructor(scope: Construct, id: string, props: { readonly api: JourneysApi }) {
    super(scope, id);
    const policy = (policyId: string, description: string, keep: (routeKey: string) => boolean) => {
      const resources = [...props.api.hrRoutes]
        .filter(([routeKey]) => keep(routeKey))
        .map(([, route]) => route.routeArn);
      const created = new ManagedPolicy(this, policyId, {
        description,
        statements: [new PolicyStatement({ actions: ['execute-api:Invoke'], resources })],
      });
      for (const resource of resources) {
        Validations.of(created).acknowledge({
          id: wildcardResourceFinding(this, resource),
          reason:
            'An execute-api route ARN names its stage (the only one, $default) and path parameters ({id}) as ' +
            'wildcards; the API, method and fixed path are exact.',
        });
      }
      return created;
    };
    this.caller = policy(
      'Caller',
      "Calls the follow-up journeys API's HR routes with SigV4, every one but erasure",
      (routeKey) => routeKey !== ERASURE_ROUTE,
    );
    this.eraser = policy(
      'Eraser',
      'Erases a journey over the follow-up journeys API (DELETE /journeys/{id}) with SigV4',
      (routeKey) => routeKey === ERASURE_ROUTE,
    );
  }
}
