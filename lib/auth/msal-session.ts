/**
 * MSAL, driven for an extension: it never navigates. The authorize URL is captured through
 * onRedirectNavigate and handed to identity.launchWebAuthFlow by the caller; the URL the flow ends
 * on comes back to handleRedirectPromise in this same document. Runs only where there is a window
 * (offscreen document on Chrome, background page on Firefox) — never in a service worker.
 */
import {
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
} from '@azure/msal-browser';
import { CLOUDS } from '../clouds';
import type { Account } from '../protocol';
import type { AuthConfig, AuthFailure, MsalHost } from './types';

/** MSAL's marker of an interaction in flight, in sessionStorage. A closed sign-in window leaves it set. */
const INTERACTION_STATUS_KEY = 'msal.interaction.status';

/** Errors after which only a new interactive sign-in helps (a rejected refresh token is a ServerError). */
const SIGN_IN_REQUIRED = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'login_required',
  'no_tokens_found',
  'refresh_token_expired',
  'no_account_error',
  'bad_token',
  'native_account_unavailable',
]);

export function classifyAuthError(error: unknown): AuthFailure {
  const errorCode = typeof (error as { errorCode?: unknown })?.errorCode === 'string' ? (error as { errorCode: string }).errorCode : undefined;
  const description = typeof (error as { errorMessage?: unknown })?.errorMessage === 'string' ? (error as { errorMessage: string }).errorMessage : undefined;
  const errorNo = (error as { errorNo?: unknown })?.errorNo;
  const signIn = error instanceof InteractionRequiredAuthError || (errorCode !== undefined && SIGN_IN_REQUIRED.has(errorCode));
  return { ok: false, reason: signIn ? 'signInRequired' : 'failed', errorCode, description, ...(typeof errorNo === 'string' && errorNo ? { aadsts: errorNo } : {}) };
}

function toAccount(info: AccountInfo): Account {
  return { username: info.username, name: info.name, tenantId: info.tenantId };
}

export function createMsalSession(): MsalHost {
  let instance: { key: string; pca: Promise<PublicClientApplication> } | undefined;
  let capturedUrl: string | undefined;

  function pcaFor(config: AuthConfig): Promise<PublicClientApplication> {
    const key = JSON.stringify([config.clientId, config.tenant, config.cloud, config.redirectUri]);
    if (instance?.key !== key) {
      const pca = new PublicClientApplication({
        auth: {
          clientId: config.clientId,
          authority: `${CLOUDS[config.cloud].login}/${config.tenant}`,
          redirectUri: config.redirectUri,
          onRedirectNavigate: (url) => {
            capturedUrl = url;
            return false;
          },
        },
        // sessionStorage lives as long as this document, never on disk; localStorage would be
        // encrypted with a cookie extension pages never get.
        cache: { cacheLocation: 'sessionStorage' },
      });
      instance = { key, pca: pca.initialize().then(() => pca) };
    }
    return instance.pca;
  }

  function activeAccount(pca: PublicClientApplication): AccountInfo | null {
    return pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  }

  return {
    async beginSignIn(config, request) {
      try {
        const pca = await pcaFor(config);
        sessionStorage.removeItem(INTERACTION_STATUS_KEY);
        capturedUrl = undefined;
        await pca.acquireTokenRedirect({ scopes: request.scopes, prompt: request.prompt, loginHint: request.loginHint });
        if (!capturedUrl) return { ok: false, reason: 'failed', errorCode: 'no_authorize_url' };
        return { ok: true, url: capturedUrl };
      } catch (error) {
        return classifyAuthError(error);
      }
    },

    async completeSignIn(config, responseUrl) {
      try {
        const pca = await pcaFor(config);
        const url = new URL(responseUrl);
        const result = await pca.handleRedirectPromise({ hash: url.hash || url.search, navigateToLoginRequestUrl: false });
        if (!result?.account) return { ok: false, reason: 'failed', errorCode: 'no_result' };
        pca.setActiveAccount(result.account);
        return { ok: true, account: toAccount(result.account) };
      } catch (error) {
        sessionStorage.removeItem(INTERACTION_STATUS_KEY);
        return classifyAuthError(error);
      }
    },

    async cancelSignIn() {
      sessionStorage.removeItem(INTERACTION_STATUS_KEY);
    },

    async acquireToken(config, scopes, forceRefresh = false) {
      try {
        const pca = await pcaFor(config);
        const account = activeAccount(pca);
        if (!account) return { ok: false, reason: 'signInRequired', errorCode: 'no_account_error' };
        // Never the hidden-iframe fallback: it needs a bridge page at the redirect URI, impossible here.
        const result = await pca.acquireTokenSilent({
          scopes,
          account,
          forceRefresh,
          cacheLookupPolicy: forceRefresh ? CacheLookupPolicy.RefreshToken : CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        return { ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? null };
      } catch (error) {
        return classifyAuthError(error);
      }
    },

    async getAccount(config) {
      const account = activeAccount(await pcaFor(config));
      return account ? toAccount(account) : null;
    },

    async signOut(config) {
      const pca = await pcaFor(config);
      const account = activeAccount(pca);
      await pca.clearCache(account ? { account } : undefined);
      pca.setActiveAccount(null);
    },
  };
}
