import * as oidc from 'openid-client';
import { consoleEnv } from '#shared/console/console-env.ts';
import { seal, unseal } from '#shared/console/sealed.ts';
import { type ConsoleUser, consoleUserOf } from '#shared/domain/console-access.ts';

/** Long enough to type a password and a TOTP code; the sign-in cookie is worth nothing after it. */
export const SIGN_IN_SECONDS = 10 * 60;

let discovered: { issuer: string; config: Promise<oidc.Configuration> } | undefined;

/** The provider's configuration, discovered once per container (and again if the issuer changes, as in tests). */
const providerConfig = (): Promise<oidc.Configuration> => {
  const { issuer, clientId } = consoleEnv();
  if (discovered?.issuer !== issuer) {
    const url = new URL(issuer);
    // Only the local provider speaks plain HTTP, and only on the loopback address.
    const local = url.protocol === 'http:' && url.hostname === '127.0.0.1';
    const config = oidc
      .discovery(
        url,
        clientId,
        undefined,
        oidc.None(),
        local ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .then((found) => {
        // Check the ID token's signature against the provider's keys too, not only the TLS it came over.
        oidc.enableNonRepudiationChecks(found);
        return found;
      });
    config.catch(() => {
      discovered = undefined;
    });
    discovered = { issuer, config };
  }
  return discovered.config;
};

export interface SignInStart {
  authorizationUrl: string;
  /** The sealed PKCE verifier, state, nonce and the page asked for, for the sign-in cookie. */
  sealedChecks: string;
}

/** An authorization request (code flow, PKCE S256, state, nonce) and what the callback must check it with. */
export const startSignIn = async (next: string): Promise<SignInStart> => {
  const config = await providerConfig();
  const { callbackUrl } = consoleEnv();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const sealedChecks = await seal(
    'console-sign-in',
    { verifier, state, nonce, next },
    new Date(Date.now() + SIGN_IN_SECONDS * 1000),
  );
  return { authorizationUrl: url.href, sealedChecks };
};

export type SignInResult =
  | { ok: true; user: ConsoleUser; expiresAt: number; next: string }
  | { ok: false; reason: 'no-sign-in' | 'refused' | 'not-hr' };

/**
 * Takes the provider's answer at the callback: the code is exchanged with the verifier, and the ID token's
 * signature, issuer, audience, expiry and nonce are checked before anyone is let in.
 */
export const finishSignIn = async (
  sealedChecks: string | undefined,
  rawQueryString: string,
): Promise<SignInResult> => {
  const checks = await unseal('console-sign-in', sealedChecks);
  const { verifier, state, nonce, next } = (checks ?? {}) as Record<string, unknown>;
  if (typeof verifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string') {
    return { ok: false, reason: 'no-sign-in' };
  }
  const config = await providerConfig();
  const { callbackUrl } = consoleEnv();
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(
      config,
      new URL(`${callbackUrl}?${rawQueryString}`),
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
      { redirect_uri: callbackUrl },
    );
    claims = tokens.claims();
  } catch (error) {
    // A denied, replayed or forged answer: the person starts again. Anything else (the provider down) is ours.
    const refused =
      error instanceof oidc.AuthorizationResponseError ||
      error instanceof oidc.ResponseBodyError ||
      (error instanceof oidc.ClientError && error.code?.startsWith('OAUTH_') === true);
    if (refused) return { ok: false, reason: 'refused' };
    throw error;
  }
  const user = claims && consoleUserOf(claims);
  if (!claims || !user) return { ok: false, reason: 'not-hr' };
  return { ok: true, user, expiresAt: claims.exp, next: typeof next === 'string' ? next : '/console' };
};

/** Where signing out goes: the provider's logout, which ends its own session and comes back to the console. */
export const signOutUrl = async (): Promise<string> => {
  const { clientId, logoutUrl, signedOutUrl } = consoleEnv();
  if (logoutUrl) {
    const url = new URL(logoutUrl);
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('logout_uri', signedOutUrl);
    return url.href;
  }
  const config = await providerConfig();
  return oidc.buildEndSessionUrl(config, { client_id: clientId, post_logout_redirect_uri: signedOutUrl })
    .href;
};
