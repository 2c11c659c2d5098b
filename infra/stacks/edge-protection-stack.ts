import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront only takes a web ACL of CLOUDFRONT scope, and AWS keeps those in this region alone. */
export const EDGE_REGION = 'us-east-1';

/**
 * Requests one client address may send the form routes in five minutes: one a second on average, a fifth of
 * what the routes themselves take (5 a second, `JourneysApi`), so a hundred people behind one office address can
 * answer in the same five minutes (open, send, see the result) while a single flooder cannot starve the rest.
 */
export const FORM_REQUESTS_PER_CLIENT = 300;

/** Requests one client address may send in five minutes in all: a sixth of the API stage's 20 a second. */
export const REQUESTS_PER_CLIENT = 1000;

const EVALUATION_WINDOW_SECONDS = 300;

/**
 * The web ACL in front of the public entry (`PublicEntry`): per-client rate limits keyed on the address that
 * connects to CloudFront, so one client's junk tokens are refused at the edge, before they count against the
 * API's throttle that everyone shares.
 */
export class EdgeProtectionStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION }, crossRegionReferences: true });
    const rule = (name: string, priority: number, statement: CfnWebACL.RateBasedStatementProperty) => ({
      name,
      priority,
      statement: { rateBasedStatement: statement },
      action: { block: { customResponse: { responseCode: 429 } } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: false },
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Follow-up journeys: per-client rate limits on the public routes, forms and console',
      defaultAction: { allow: {} },
      // Sampled requests would keep full paths, and form paths carry link tokens.
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'FollowUpJourneysEdge',
        sampledRequestsEnabled: false,
      },
      rules: [
        rule('FormRequestsPerClient', 0, {
          aggregateKeyType: 'IP',
          limit: FORM_REQUESTS_PER_CLIENT,
          evaluationWindowSec: EVALUATION_WINDOW_SECONDS,
          scopeDownStatement: {
            byteMatchStatement: {
              fieldToMatch: { uriPath: {} },
              positionalConstraint: 'STARTS_WITH',
              searchString: '/forms/',
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
        }),
        rule('RequestsPerClient', 1, {
          aggregateKeyType: 'IP',
          limit: REQUESTS_PER_CLIENT,
          evaluationWindowSec: EVALUATION_WINDOW_SECONDS,
        }),
      ],
    });
  }
}
