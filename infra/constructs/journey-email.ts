import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface JourneyEmailProps {
  /** The From address of every journey email. */
  readonly senderEmail: string;
  /**
   * Verify the whole domain (Easy DKIM, DNS records added by hand) instead of the single sender address.
   * @default - the sender address alone is verified
   */
  readonly identityDomain?: string;
  /**
   * Where replies go for the whole deployment.
   * @default - replies go to each journey's HR contact
   */
  readonly replyTo?: string;
}

/** The SES identity mail is sent from, and the configuration set every message is sent through. */
export class JourneyEmail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  private readonly props: JourneyEmailProps;

  constructor(scope: Construct, id: string, props: JourneyEmailProps) {
    super(scope, id);
    this.props = props;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Mailing a bounced or complaining address again hurts the sender's reputation for every journey.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.identityDomain
        ? Identity.domain(props.identityDomain)
        : Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });
  }

  /** Environment for handlers that send mail. */
  get environment(): Record<string, string> {
    return {
      SENDER_EMAIL: this.props.senderEmail,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      ...(this.props.replyTo ? { HR_REPLY_TO: this.props.replyTo } : {}),
    };
  }

  /** Sending raw (MIME) mail from this identity through this configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendRawEmail'],
      resourceArns: [
        this.identity.emailIdentityArn,
        Stack.of(this).formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
        }),
      ],
    });
  }
}
