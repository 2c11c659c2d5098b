import { Annotations, App, CfnRule, Fn, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EDGE_REGION, EdgeProtectionStack } from '#infra/stacks/edge-protection-stack.ts';
import { JourneysStack } from '#infra/stacks/journeys-stack.ts';

export const STACK_ID = 'FollowUpJourneys';
export const EDGE_STACK_ID = 'FollowUpJourneysEdge';

/**
 * Where the stack goes without `-c region`. Never the CLI profile's region: with none configured the CLI deploys
 * to us-east-1, far from the people this serves.
 */
export const DEFAULT_REGION = 'ap-northeast-1';

/** Stands in for `-c senderEmail=...` so `cdk synth` works with no context; a deployment refuses it. */
export const PLACEHOLDER_SENDER = 'no-reply@example.com';

export interface JourneysAppOptions {
  /**
   * Context, as `cdk -c key=value` passes it: senderEmail, sesIdentityDomain, domainName, certificateArn,
   * hrReplyTo, hrLeadEmail, hrLeadName, region, logLevel, privateNotesRetentionDays, sesMaxSendRate,
   * consoleDomainPrefix, alarmEmail.
   */
  readonly context?: Record<string, unknown>;
  /**
   * Check the synthesized template: cdk-nag's AwsSolutions rules and CDK's built-in CloudFormation checks
   * (which also catch dependency cycles). Together they take a few seconds.
   * @default true
   */
  readonly validate?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EDGE_CERTIFICATE = new RegExp(`^arn:aws:acm:${EDGE_REGION}:\\d{12}:certificate/[0-9a-f-]+$`);

/** `privateNotesRetentionDays`: whole days, at least one; `-c` passes a string, cdk.json may hold a number. */
const retentionDays = (value: unknown): number | undefined => {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const days = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    throw new Error(
      `Context privateNotesRetentionDays must be a whole number of days, at least 1, got "${String(value)}".`,
    );
  }
  return days;
};

const sendRate = (value: unknown): number | undefined => {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const rate = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new Error(
      `Context sesMaxSendRate must be a number of emails per second above 0, got "${String(value)}".`,
    );
  }
  return rate;
};

/**
 * The CDK app: the `JourneysStack`, and the `EdgeProtectionStack` in us-east-1 whose web ACL guards its public
 * routes. `infra/app.ts` (what `cdk` runs), the infra tests and the local runtime (`infra/synthesize.ts`) all
 * build it here, so they all see the same template.
 */
export const createJourneysApp = (
  options: JourneysAppOptions = {},
): { app: App; stack: JourneysStack; edge: EdgeProtectionStack } => {
  const validate = options.validate ?? true;
  const app = new App({
    // The web ACL's ARN is read across regions; a strong reference keeps the edge stack from dropping it while
    // the journeys stack uses it (CDK warns until the strength is chosen).
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...options.context },
    builtinCloudFormationValidation: validate,
  });
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };

  const senderEmail = context('senderEmail');
  const sesIdentityDomain = context('sesIdentityDomain');
  const domainName = context('domainName')?.toLowerCase();
  const certificateArn = context('certificateArn');
  const hrReplyTo = context('hrReplyTo');
  const hrLeadEmail = context('hrLeadEmail');
  const hrLeadName = context('hrLeadName');
  const alarmEmail = context('alarmEmail');
  if (senderEmail !== undefined && !EMAIL.test(senderEmail)) {
    throw new Error(`Context senderEmail must be an email address, got "${senderEmail}".`);
  }
  for (const [key, value] of Object.entries({ hrReplyTo, hrLeadEmail, alarmEmail })) {
    if (value !== undefined && !EMAIL.test(value)) {
      throw new Error(`Context ${key} must be an email address, got "${value}".`);
    }
  }
  if (
    sesIdentityDomain !== undefined &&
    !senderEmail?.toLowerCase().endsWith(`@${sesIdentityDomain.toLowerCase()}`)
  ) {
    throw new Error(`Context senderEmail must be an address in sesIdentityDomain (${sesIdentityDomain}).`);
  }
  if (hrLeadName !== undefined && (hrLeadEmail === undefined || hrLeadName.length > 100)) {
    throw new Error(
      'Context hrLeadName names the hrLeadEmail lead: give it with hrLeadEmail, in 100 characters.',
    );
  }
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context domainName and certificateArn go together: the certificate is for the name.');
  }
  if (domainName !== undefined && !HOST_NAME.test(domainName)) {
    throw new Error(
      `Context domainName must be a host name such as follow-up.example.co.jp, got "${domainName}".`,
    );
  }
  if (certificateArn !== undefined && !EDGE_CERTIFICATE.test(certificateArn)) {
    throw new Error(
      `Context certificateArn must be an ACM certificate in ${EDGE_REGION} (CloudFront takes no other), got "${certificateArn}".`,
    );
  }
  const consoleDomainPrefix = context('consoleDomainPrefix');
  if (
    consoleDomainPrefix !== undefined &&
    !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(consoleDomainPrefix)
  ) {
    throw new Error(
      `Context consoleDomainPrefix must be lower-case letters, digits and hyphens, got "${consoleDomainPrefix}".`,
    );
  }
  const privateNotesRetentionDays = retentionDays(app.node.tryGetContext('privateNotesRetentionDays'));
  const sesMaxSendRate = sendRate(app.node.tryGetContext('sesMaxSendRate'));

  // The account when the CLI knows it (credentials or a profile); the region always named, as reading the web
  // ACL's ARN from the edge stack's region needs both regions known at synthesis.
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const edge = new EdgeProtectionStack(app, EDGE_STACK_ID, {
    description:
      'Follow-up journeys: per-client rate limits in front of the public routes (CloudFront web ACL)',
    env: { account },
  });
  const stack = new JourneysStack(app, STACK_ID, {
    description: 'Follow-up journeys for HR: offer follow-up and onboarding phases',
    env: { account, region: context('region') ?? DEFAULT_REGION },
    crossRegionReferences: true,
    webAclArn: edge.webAcl.attrArn,
    customDomain:
      domainName !== undefined && certificateArn !== undefined ? { domainName, certificateArn } : undefined,
    senderEmail: senderEmail ?? PLACEHOLDER_SENDER,
    sesIdentityDomain,
    hrReplyTo,
    hrLeadEmail,
    hrLeadName,
    logLevel: context('logLevel'),
    privateNotesRetentionDays,
    sesMaxSendRate,
    consoleDomainPrefix,
    alarmEmail,
  });

  if (senderEmail === undefined) {
    Annotations.of(stack).addWarningV2(
      'journeys:senderEmailMissing',
      `No senderEmail context: synthesized with ${PLACEHOLDER_SENDER}, which cannot be deployed. ` +
        'Deploy with: cdk deploy -c senderEmail=<address SES may send from>',
    );
    // CloudFormation checks the rules before it touches any resource, so the deployment stops with this message.
    new CfnRule(stack, 'SenderEmailRequired', {
      assertions: [
        {
          assert: Fn.conditionNot(Fn.conditionEquals(PLACEHOLDER_SENDER, PLACEHOLDER_SENDER)),
          assertDescription:
            'Synthesized without a sender address. Deploy with: cdk deploy -c senderEmail=<address>',
        },
      ],
    });
  }

  if (validate) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return { app, stack, edge };
};
