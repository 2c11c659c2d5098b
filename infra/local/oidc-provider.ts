import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KoaContextWithOIDC, default as Provider } from 'oidc-provider';
import { type ConsoleGroup, MAX_SESSION_SECONDS } from '#shared/domain/console-access.ts';
import { html, type SafeHtml, trustedHtml } from '#shared/html/escape.ts';
import { renderPage } from '#shared/pages/page-layout.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';

/** The two people who can sign in locally (README: "Sign in locally"). Never used outside this machine. */
export const LOCAL_CONSOLE_USERS = [
  { sub: 'local-hr', email: 'hr@example.com', password: 'hr-local-pass', name: '佐藤 綾', groups: ['hr'] },
  {
    sub: 'local-hr-lead',
    email: 'lead@example.com',
    password: 'lead-local-pass',
    name: '高木 真理',
    groups: ['hr-lead'],
  },
] as const satisfies readonly {
  sub: string;
  email: string;
  password: string;
  name: string;
  groups: ConsoleGroup[];
}[];

export const LOCAL_CONSOLE_CLIENT_ID = 'journeys-console-local';

export interface LocalOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

const readForm = (request: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 8192) request.destroy();
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });

/** The provider's own pages may post to it and be sent on, by its redirects, to the console. */
const headersFor = (consoleOrigin: string) => ({
  ...pageHeaders,
  'content-security-policy': pageHeaders['content-security-policy']?.replace(
    "form-action 'self'",
    `form-action 'self' ${consoleOrigin}`,
  ),
});

const loginPage = (failed: boolean): string =>
  renderPage({
    locale: 'ja',
    title: 'サインイン (ローカル) Sign in (local)',
    body: html`<h1>サインイン Sign in</h1>
<p class="meta">ローカル環境の認証サーバーです。README の利用者でサインインしてください。 This is the local identity provider: sign in as one of the users in the README.</p>
${failed && html`<p class="error" role="alert">メールアドレスかパスワードが違います。 The email or password is not right.</p>`}
<form method="post">
<div class="field"><label for="email">メールアドレス Email</label>
<input id="email" name="email" type="email" autocomplete="username" required></div>
<div class="field"><label for="password">パスワード Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit">サインイン Sign in</button>
</form>`,
  });

const noticePage = (title: string, body: SafeHtml): string => renderPage({ locale: 'ja', title, body });

interface LoadedProvider {
  provider: Provider;
  callback: ReturnType<Provider['callback']>;
}

/** The provider itself: oidc-provider, with a key pair of its own. */
const createProvider = async (
  issuer: string,
  consoleBaseUrl: string,
  headers: Record<string, string | undefined>,
): Promise<LoadedProvider> => {
  const [{ default: OidcProvider }, { exportJWK, generateKeyPair }] = await Promise.all([
    import('oidc-provider'),
    import('jose'),
  ]);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const render = (ctx: KoaContextWithOIDC, status: number, page: string) => {
    ctx.status = status;
    ctx.set(headers as Record<string, string>);
    ctx.body = page;
  };

  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: LOCAL_CONSOLE_CLIENT_ID,
        // Public, like the Cognito app client: PKCE protects the code.
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleBaseUrl}/console/callback`],
        post_logout_redirect_uris: [`${consoleBaseUrl}/console/signed-out`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'local', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // The ID token carries the person's claims, as Cognito's does (not only the userinfo endpoint).
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'cognito:groups'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: {
      IdToken: MAX_SESSION_SECONDS,
      Session: MAX_SESSION_SECONDS,
      Grant: MAX_SESSION_SECONDS,
      AccessToken: 3600,
      AuthorizationCode: 60,
      Interaction: 600,
    },
    findAccount: async (_ctx, sub) => {
      const user = LOCAL_CONSOLE_USERS.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          'cognito:groups': [...user.groups],
        }),
      };
    },
    // A first-party client: no consent screen, as with Cognito's managed sign-in.
    loadExistingGrant: async (ctx) => {
      const { session, client, provider: op } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return op.Grant.find(grantId);
      const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        logoutSource: async (ctx, form) =>
          render(
            ctx,
            200,
            noticePage(
              'サインアウト Sign out',
              html`<h1>サインアウトしますか? Sign out?</h1>
${trustedHtml(form)}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">サインアウト Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">キャンセル Cancel</button>
</div>`,
            ),
          ),
        postLogoutSuccessSource: async (ctx) =>
          render(
            ctx,
            200,
            noticePage('サインアウトしました Signed out', html`<h1>サインアウトしました Signed out</h1>`),
          ),
      },
    },
    renderError: async (ctx, out) =>
      render(
        ctx,
        Math.max(ctx.status, 400),
        noticePage(
          'エラー Error',
          html`<h1>サインインできませんでした Sign-in failed</h1><p>${String(out.error)}</p>`,
        ),
      ),
  });
  return { provider, callback: provider.callback() };
};

/**
 * A local OpenID Connect provider standing in for the Cognito user pool: the console runs the same sign-in code
 * against it (discovery, code flow with PKCE, ID tokens with `email`, `name` and `cognito:groups`). It listens on
 * 127.0.0.1; its issuer is known only once it listens, and the console's callback only once the API does, so it
 * starts after the API. The provider is built on the first request: loading it and making its key took a good
 * part of every start, and most starts never sign in.
 */
export const startLocalOidcProvider = async (consoleBaseUrl: string): Promise<LocalOidcProvider> => {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = headersFor(new URL(consoleBaseUrl).origin);
  let created: Promise<LoadedProvider> | undefined;

  const interaction = async (
    provider: Provider,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const send = (status: number, page: string) => {
      response.writeHead(status, headers as Record<string, string>);
      response.end(page);
    };
    if (request.method === 'GET') {
      await provider.interactionDetails(request, response);
      send(200, loginPage(false));
      return;
    }
    const form = await readForm(request);
    const email = form.get('email')?.trim().toLowerCase();
    const user = LOCAL_CONSOLE_USERS.find(
      (candidate) => candidate.email === email && candidate.password === form.get('password'),
    );
    if (!user) {
      send(200, loginPage(true));
      return;
    }
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  };

  server.on('request', async (request: IncomingMessage, response: ServerResponse) => {
    created ??= createProvider(issuer, consoleBaseUrl, headers);
    const { provider, callback } = await created;
    const path = new URL(request.url ?? '/', issuer).pathname;
    if (/^\/interaction\/[\w-]+$/.test(path)) {
      interaction(provider, request, response).catch(() => {
        if (!response.headersSent) response.writeHead(400, headers as Record<string, string>);
        response.end(
          noticePage('エラー Error', html`<h1>サインインをやり直してください Please sign in again</h1>`),
        );
      });
      return;
    }
    callback(request, response);
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
