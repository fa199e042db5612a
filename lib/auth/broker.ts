/**
 * The worker's side of sign-in. MSAL (the host) builds the authorize URL and redeems the answer;
 * this runs the browser's web-auth window between the two, since only the worker (Chrome) or the
 * background page (Firefox) may call identity.launchWebAuthFlow. One sign-in at a time.
 */
import type { Account } from '../protocol';
import type { AuthConfig, AuthFailure, AuthResult, MsalHost } from './types';

export interface WebAuthFlow {
  (details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

/** Thrown by token() so the Graph client stops before any request; carries why. */
export class AuthNeededError extends Error {
  constructor(readonly failure: AuthFailure) {
    super(`Sign-in needed: ${failure.errorCode ?? failure.reason}`);
    this.name = 'AuthNeededError';
  }
}

export interface AuthBroker {
  signIn(config: AuthConfig, scopes: string[]): Promise<AuthResult<{ account: Account }>>;
  /** A bearer token for the scopes, silently (cache, then refresh token); throws AuthNeededError. */
  token(config: AuthConfig, scopes: readonly string[], forceRefresh?: boolean): Promise<string>;
  account(config: AuthConfig): Promise<Account | null>;
  signOut(config: AuthConfig): Promise<void>;
}

export function createAuthBroker(host: MsalHost, launchWebAuthFlow: WebAuthFlow): AuthBroker {
  let signingIn: Promise<AuthResult<{ account: Account }>> | undefined;

  async function interactiveSignIn(config: AuthConfig, scopes: string[]): Promise<AuthResult<{ account: Account }>> {
    const begun = await host.beginSignIn(config, { scopes, prompt: 'select_account' });
    if (!begun.ok) return begun;
    let responseUrl: string | undefined;
    try {
      responseUrl = await launchWebAuthFlow({ url: begun.url, interactive: true });
    } catch (error) {
      // The admin closed the window, or the page could not load: leave nothing stuck behind.
      await host.cancelSignIn(config);
      return { ok: false, reason: 'cancelled', description: error instanceof Error ? error.message : String(error) };
    }
    if (!responseUrl) {
      await host.cancelSignIn(config);
      return { ok: false, reason: 'cancelled' };
    }
    return host.completeSignIn(config, responseUrl);
  }

  return {
    signIn(config, scopes) {
      signingIn ??= interactiveSignIn(config, scopes).finally(() => {
        signingIn = undefined;
      });
      return signingIn;
    },
    async token(config, scopes, forceRefresh = false) {
      const result = await host.acquireToken(config, [...scopes], forceRefresh);
      if (!result.ok) throw new AuthNeededError(result);
      return result.accessToken;
    },
    account: (config) => host.getAccount(config),
    signOut: (config) => host.signOut(config),
  };
}
