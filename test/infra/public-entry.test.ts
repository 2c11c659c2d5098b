import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJourneysApp } from '#infra/journeys-app.ts';
import { FUNCTION_METADATA_KEY } from '#infra/stack-contract.ts';
import { FORM_REQUESTS_PER_CLIENT, REQUESTS_PER_CLIENT } from '#infra/stacks/edge-protection-stack.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
type TemplateJson = { Resources: Record<string, Resource>; Outputs?: Record<string, { Value: unknown }> };

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

/** Both stacks, synthesized without bundling; `validate` runs cdk-nag, which then fails synthesis on a finding. */
const synthesize = (context: Record<string, unknown> = {}, validate = false) => {
  const { app, stack, edge } = createJourneysApp({
    context: { 'aws:cdk:bundling-stacks': [], senderEmail: 'follow-up@example.co.jp', ...context },
    validate,
  });
  const assembly = app.synth();
  return {
    stack,
    edge,
    journeys: assembly.getStackArtifact(stack.artifactId).template as TemplateJson,
    protection: assembly.getStackArtifact(edge.artifactId).template as TemplateJson,
  };
};

const ofType = (template: TemplateJson, type: string): [string, Resource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const onlyOfType = (template: TemplateJson, type: string): [string, Resource] => {
  const found = ofType(template, type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
};

const baseUrlOf = (template: TemplateJson, folder: string): unknown => {
  const fn = ofType(template, 'AWS::Lambda::Function').find(
    ([, resource]) => resource.Metadata?.[FUNCTION_METADATA_KEY] === folder,
  );
  if (!fn) throw new Error(`no function for functions/${folder}`);
  return (fn[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables.BASE_URL;
};

let plain: ReturnType<typeof synthesize>;

beforeAll(() => {
  plain = synthesize();
});

describe('per-client limits in front of the public routes', () => {
  it('keep the web ACL in us-east-1, where CloudFront takes it from, and the journeys in ap-northeast-1', () => {
    expect(plain.edge.region).toBe('us-east-1');
    expect(plain.stack.region).toBe('ap-northeast-1');
    expect(synthesize({ region: 'eu-west-1' }).stack.region).toBe('eu-west-1');
  });

  it('block a client address past its rate with 429: the form routes apart, every route in all', () => {
    const [, webAcl] = onlyOfType(plain.protection, 'AWS::WAFv2::WebACL');
    expect(webAcl.Properties).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { SampledRequestsEnabled: false },
    });
    const block = { Block: { CustomResponse: { ResponseCode: 429 } } };
    expect(webAcl.Properties.Rules).toEqual([
      expect.objectContaining({
        Name: 'FormRequestsPerClient',
        Action: block,
        Statement: {
          RateBasedStatement: {
            AggregateKeyType: 'IP',
            Limit: FORM_REQUESTS_PER_CLIENT,
            EvaluationWindowSec: 300,
            ScopeDownStatement: {
              ByteMatchStatement: {
                FieldToMatch: { UriPath: {} },
                PositionalConstraint: 'STARTS_WITH',
                SearchString: '/forms/',
                TextTransformations: [{ Priority: 0, Type: 'NONE' }],
              },
            },
          },
        },
        VisibilityConfig: expect.objectContaining({ SampledRequestsEnabled: false }),
      }),
      expect.objectContaining({
        Name: 'RequestsPerClient',
        Action: block,
        Statement: {
          RateBasedStatement: {
            AggregateKeyType: 'IP',
            Limit: REQUESTS_PER_CLIENT,
            EvaluationWindowSec: 300,
          },
        },
      }),
    ]);
    // A fifth of what the form routes take in five minutes (5 a second), a sixth of the stage's (20 a second).
    expect(FORM_REQUESTS_PER_CLIENT).toBeLessThanOrEqual((5 * 300) / 5);
    expect(REQUESTS_PER_CLIENT).toBeLessThanOrEqual((20 * 300) / 6);
  });

  it("associate the web ACL with the distribution in front of the API, by the ARN read from the edge's region", () => {
    const [webAclId] = onlyOfType(plain.protection, 'AWS::WAFv2::WebACL');
    const [writerId, writer] = onlyOfType(plain.protection, 'Custom::CrossRegionExportWriter');
    expect(JSON.stringify(writer.Properties)).toContain(JSON.stringify({ 'Fn::GetAtt': [webAclId, 'Arn'] }));
    expect(writerId).toBeDefined();
    const [readerId] = onlyOfType(plain.journeys, 'Custom::CrossRegionExportReader');
    const [, distribution] = onlyOfType(plain.journeys, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [readerId, expect.stringContaining('WebAclArn')] });
  });

  it('pass every request through to the API uncached, with cookies, query and headers but its own Host', () => {
    const [apiId] = onlyOfType(plain.journeys, 'AWS::ApiGatewayV2::Api');
    Template.fromJSON(plain.journeys).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          // The managed CachingDisabled and AllViewerExceptHostHeader policies.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          ViewerProtocolPolicy: 'redirect-to-https',
        }),
        Origins: [
          Match.objectLike({
            DomainName: {
              'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.ap-northeast-1.', { Ref: 'AWS::URLSuffix' }]],
            },
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
          }),
        ],
        PriceClass: 'PriceClass_200',
      }),
    });
  });
});

describe('links and the console', () => {
  it("start at the distribution's own name without a custom domain", () => {
    const [distributionId] = onlyOfType(plain.journeys, 'AWS::CloudFront::Distribution');
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
    for (const folder of [
      'request-form',
      'fire-timer',
      'reissue-form',
      'start-round',
      'console',
      'console-actions',
    ]) {
      expect(baseUrlOf(plain.journeys, folder), folder).toEqual(url);
    }
    expect(plain.journeys.Outputs?.PublicUrl?.Value).toEqual(url);
  });

  it('start at the custom domain, served by CloudFront with its certificate over TLS 1.2, cdk-nag passing', () => {
    const custom = synthesize(
      {
        domainName: 'follow-up.example.co.jp',
        certificateArn: CERTIFICATE_ARN,
        sesIdentityDomain: 'example.co.jp',
      },
      true,
    );
    Template.fromJSON(custom.journeys).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['follow-up.example.co.jp'],
        ViewerCertificate: {
          AcmCertificateArn: CERTIFICATE_ARN,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    expect(baseUrlOf(custom.journeys, 'request-form')).toBe('https://follow-up.example.co.jp');
    Template.fromJSON(custom.journeys).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://follow-up.example.co.jp/console/callback'],
    });
    const [distributionId] = onlyOfType(custom.journeys, 'AWS::CloudFront::Distribution');
    expect(custom.journeys.Outputs?.DistributionDomainName?.Value).toEqual({
      'Fn::GetAtt': [distributionId, 'DomainName'],
    });
  });
});

describe("HR's systems on the IAM-authorized API", () => {
  const routeArn = (apiId: string, methodAndPath: string) => ({
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':execute-api:ap-northeast-1:',
        { Ref: 'AWS::AccountId' },
        ':',
        { Ref: apiId },
        `/*/${methodAndPath}`,
      ],
    ],
  });

  it("keep the API's own URL, and get a policy for every HR route but erasure, and one for erasure", () => {
    const [apiId] = onlyOfType(plain.journeys, 'AWS::ApiGatewayV2::Api');
    expect(plain.journeys.Outputs?.ApiUrl?.Value).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
    const policies = Object.fromEntries(
      ofType(plain.journeys, 'AWS::IAM::ManagedPolicy').map(([id, policy]) => [
        id,
        (policy.Properties.PolicyDocument as { Statement: { Action: string; Resource: unknown }[] })
          .Statement,
      ]),
    );
    const statementsOf = (output: string) =>
      policies[(plain.journeys.Outputs?.[output]?.Value as { Ref?: string } | undefined)?.Ref ?? ''];
    expect(statementsOf('ApiCallerPolicyArn')).toEqual([
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: [
          'POST/journeys',
          'GET/journeys',
          'GET/attention',
          // Every POST under a journey: alerts handled, cancel, reissue ({id} is the ARN's wildcard).
          'POST/journeys/*',
          'GET/reports',
          'GET/journeys/*',
          'PATCH/journeys/*',
          'GET/settings/calendar',
          'PUT/settings/calendar',
          'GET/settings/templates',
          'GET/settings/templates/*',
          'PUT/settings/templates/*',
          'GET/openapi.json',
        ].map((route) => routeArn(apiId, route)),
      },
    ]);
    expect(statementsOf('ApiErasurePolicyArn')).toEqual([
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: routeArn(apiId, 'DELETE/journeys/*') },
    ]);
  });
});

describe('mail from a domain', () => {
  it('outputs the three Easy DKIM records of a domain identity, and none for a single address', () => {
    const domain = synthesize({
      senderEmail: 'follow-up@hr.example.co.jp',
      sesIdentityDomain: 'hr.example.co.jp',
    });
    const [identityId] = onlyOfType(domain.journeys, 'AWS::SES::EmailIdentity');
    for (const n of [1, 2, 3]) {
      expect(domain.journeys.Outputs?.[`DkimRecord${n}`]?.Value).toEqual({
        'Fn::Join': [
          ' ',
          [
            { 'Fn::GetAtt': [identityId, `DkimDNSTokenName${n}`] },
            'CNAME',
            { 'Fn::GetAtt': [identityId, `DkimDNSTokenValue${n}`] },
          ],
        ],
      });
    }
    expect(Object.keys(plain.journeys.Outputs ?? {}).filter((key) => key.startsWith('Dkim'))).toEqual([]);
  });
});
