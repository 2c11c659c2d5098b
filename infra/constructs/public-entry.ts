import { Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import type { JourneysApi } from '#infra/constructs/journeys-api.ts';

export interface PublicEntryProps {
  readonly api: JourneysApi;
  /** The ARN of the CLOUDFRONT-scope web ACL (`EdgeProtectionStack`) that rate-limits each client. */
  readonly webAclArn: string;
  /**
   * The host name people's links and the console use, with an ACM certificate for it in us-east-1.
   * @default - the distribution's own `*.cloudfront.net` name
   */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * The one address people without AWS credentials reach the API by: form links, pulse pages and HR's console.
 * CloudFront puts the web ACL's per-client limits in front of the API and caches nothing, since every page is
 * someone's own. HR's systems keep calling the API's own URL: a SigV4 signature names the host it was made
 * for, which CloudFront would have to rewrite.
 */
export class PublicEntry extends Construct {
  readonly distribution: Distribution;
  /** `https://<host>`, without a trailing slash: what form links and the console's callback start with. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PublicEntryProps) {
    super(scope, id);
    const { customDomain } = props;
    const stack = Stack.of(this);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Follow-up journeys: forms, pulse pages and the console',
      defaultBehavior: {
        origin: new HttpOrigin(`${props.api.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Forms and the console post; HR's signed routes answer 403 here, as the signature names another host.
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Cookies (the console's session), query strings (filters, sign-in callback) and headers (Origin, for
        // CSRF) reach the functions; Host does not, as API Gateway routes by its own host name.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia, Japan included: the people answering are where HR is.
      priceClass: PriceClass.PRICE_CLASS_200,
      // CloudFront's own certificate takes no policy of ours: TLS 1.2 is required on a custom domain only.
      ...(customDomain
        ? {
            domainNames: [customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    acknowledgeFindings(this.distribution, customDomain === undefined);
    this.url = `https://${customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }
}

const acknowledgeFindings = (distribution: Distribution, defaultCertificate: boolean): void => {
  const findings = Validations.of(distribution);
  findings.acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'No geo restriction: candidates and new hires answer forms from wherever they are (abroad before joining, ' +
      'on business trips), and HR works from offices and homes; per-client rate limits guard the routes instead.',
  });
  findings.acknowledge({
    id: 'AwsSolutions-CFR3',
    reason:
      "No CloudFront access logs: they record every request's full path, and form paths carry link tokens, which " +
      'must never be logged. The API stage logs each request by route key (JourneysApi).',
  });
  if (defaultCertificate) {
    findings.acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        "Without -c domainName the distribution answers on CloudFront's own *.cloudfront.net certificate, whose " +
        'TLS policy CloudFront sets; with a custom domain and certificate it requires TLSv1.2_2021.',
    });
  }
};
