/** The console's settings, read when used: the local runtime sets them after its servers listen. */
export const consoleEnv = () => {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const baseUrl = process.env.BASE_URL?.replace(/\/+$/, '');
  if (!issuer || !clientId || !baseUrl)
    throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and BASE_URL must be set');
  return {
    issuer,
    clientId,
    baseUrl,
    /** Cognito's managed logout endpoint, which its discovery document does not name. */
    logoutUrl: process.env.OIDC_LOGOUT_URL,
    origin: new URL(baseUrl).origin,
    callbackUrl: `${baseUrl}/console/callback`,
    signedOutUrl: `${baseUrl}/console/signed-out`,
  };
};
