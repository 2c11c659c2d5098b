// oidc-provider 9 ships no type definitions: just what the local provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface KoaContextWithOIDC {
    status: number;
    body: unknown;
    set(headers: Record<string, string>): void;
    oidc: {
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      client?: { clientId: string };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
    };
  }

  export interface Configuration {
    clients: Record<string, unknown>[];
    pkce: { required: () => boolean };
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    conformIdTokenClaims: boolean;
    claims: Record<string, string[]>;
    ttl: Record<string, number>;
    findAccount(
      ctx: KoaContextWithOIDC,
      sub: string,
    ): Promise<{ accountId: string; claims(): Promise<Record<string, unknown>> } | undefined>;
    loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    interactions: { url(ctx: KoaContextWithOIDC, interaction: { uid: string }): string };
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void>;
      };
    };
    renderError(ctx: KoaContextWithOIDC, out: { error: string }, error: Error): Promise<void>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: {
      new (init: { clientId: string; accountId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<unknown>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
