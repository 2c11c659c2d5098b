import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { consoleGroups, MAX_SESSION_SECONDS } from '#shared/domain/console-access.ts';

export interface ConsoleUsersProps {
  /** The console's public URL, without a trailing slash: the callback and sign-out pages are under it. */
  readonly baseUrl: string;
  /** The prefix of the managed sign-in domain, `<prefix>.auth.<region>.amazoncognito.com`; unique in the region. */
  readonly domainPrefix: string;
}

/**
 * The people who may use HR's console: a Cognito user pool that only administrators add people to (no sign-up),
 * signing in by email with a strong password and a TOTP app, in the groups `hr` and `hr-lead`, through Cognito's
 * managed sign-in pages (authorization code flow with PKCE).
 */
export class ConsoleUsers extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ConsoleUsersProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${Stack.of(this).stackName}-console`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection blocks sign-ins with leaked passwords and adapts to risky ones; a few HR people cost
      // little on the Plus plan, and they can read every new hire's journey.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of consoleGroups) {
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description:
          group === 'hr-lead'
            ? 'HR leads: everything HR sees, plus what only the lead may do'
            : 'HR staff: the journeys console',
      });
    }
    this.domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    // A public client (no secret), as the console's code exchange is protected by PKCE: the verifier never
    // leaves the function, so an intercepted code is useless, and there is no client secret to store and rotate.
    this.client = this.userPool.addClient('Console', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.baseUrl}/console/callback`],
        logoutUrls: [`${props.baseUrl}/console/signed-out`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // The console's session lasts as long as the ID token, at most a working day.
      idTokenValidity: Duration.seconds(MAX_SESSION_SECONDS),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.seconds(MAX_SESSION_SECONDS),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });
  }

  /** What the console function needs to send people to sign in and to check who came back. */
  get environment(): Record<string, string> {
    return {
      OIDC_ISSUER: this.userPool.userPoolProviderUrl,
      OIDC_CLIENT_ID: this.client.userPoolClientId,
      OIDC_LOGOUT_URL: `${this.domain.baseUrl()}/logout`,
    };
  }
}
