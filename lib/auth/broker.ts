/**
 * The worker's side of sign-in. MSAL (the host) builds the authorize URL and redeems the answer;
 * this runs the browser's web-auth window between the two, since only the worker (Chrome) or the
 * background page (Firefox) may call identity.launchWebAuthFlow. One sign-in at a time.
 */
import type { Account } from '../protocol';
import { authorizeErrorOf } from './sign-in-errors';
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
  /**
   * A bearer token for the scopes, silently: the one kept from the last call while it has 5 min
   * left, else MSAL's (its cache, then the refresh token); `forceRefresh` skips both caches.
   * Throws AuthNeededError.
   */
  token(config: AuthConfig, scopes: readonly string[], forceRefresh?: boolean): Promise<string>;
  account(config: AuthConfig): Promise<Account | null>;
  /**
   * The session as this worker already knows it, without asking MSAL: the account, when a token for
   * the scopes is kept (handed out by MSAL in this worker's life, 5 min or more left) and MSAL told the
   * account since. Null when either is missing: then ask account() and token(). Optional for fakes.
   */
  knownSession?(config: AuthConfig, scopes: readonly string[]): Account | null;
  signOut(config: AuthConfig): Promise<void>;
}

/** A kept access token is handed out until this long before it expires, like MSAL's own margin. */
export const TOKEN_REUSE_MARGIN_MS = 5 * 60_000;

export function createAuthBroker(host: MsalHost, launchWebAuthFlow: WebAuthFlow, clock: () => number = Date.now): AuthBroker {
  let signingIn: Promise<AuthResult<{ account: Account }>> | undefined;
  // The last token per app registration and scopes, in this worker's memory only (gone when it
  // stops, after 30 s idle). It spares each page view a round trip to MSAL in the offscreen document.
  const kept = new Map<string, { accessToken: string; expiresOn: number }>();
  // MSAL's last answer to "which account?" per app registration, in memory alongside the tokens and
  // forgotten with them (sign-in, sign-out, a refused token).
  const accounts = new Map<string, Account | null>();
  const configKey = (config: AuthConfig) => JSON.stringify([config.cloud, config.tenant, config.clientId, config.redirectUri]);
  const keyOf = (config: AuthConfig, scopes: readonly string[]) =>
    JSON.stringify([config.cloud, config.tenant, config.clientId, config.redirectUri, [...scopes].sort()]);

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
    // Entra sent the window back with an error (consent declined, Conditional Access…): read it here,
    // where its AADSTS number is still in the URL.
    const refused = authorizeErrorOf(responseUrl);
    if (refused) {
      await host.cancelSignIn(config);
      return { ok: false, reason: 'failed', ...refused };
    }
    return host.completeSignIn(config, responseUrl);
  }

  return {
    signIn(config, scopes) {
      signingIn ??= interactiveSignIn(config, scopes).finally(() => {
        signingIn = undefined;
        kept.clear(); // another account may have signed in
        accounts.clear();
      });
      return signingIn;
    },
    async token(config, scopes, forceRefresh = false) {
      const key = keyOf(config, scopes);
      const known = kept.get(key);
      if (known && !forceRefresh && known.expiresOn - clock() > TOKEN_REUSE_MARGIN_MS) return known.accessToken;
      kept.delete(key);
      const result = await host.acquireToken(config, [...scopes], forceRefresh);
      if (!result.ok) {
        accounts.delete(configKey(config));
        throw new AuthNeededError(result);
      }
      if (result.expiresOn !== null) kept.set(key, { accessToken: result.accessToken, expiresOn: result.expiresOn });
      return result.accessToken;
    },
    async account(config) {
      const account = await host.getAccount(config);
      accounts.set(configKey(config), account);
      return account;
    },
    knownSession(config, scopes) {
      const known = kept.get(keyOf(config, scopes));
      if (!known || known.expiresOn - clock() <= TOKEN_REUSE_MARGIN_MS) return null;
      return accounts.get(configKey(config)) ?? null;
    },
    signOut(config) {
      kept.clear();
      accounts.clear();
      return host.signOut(config);
    },
  };
}
