/** What the sign-in host (offscreen document on Chrome, background page on Firefox) is told and answers. */
import type { CloudId } from '../clouds';
import type { Account } from '../protocol';

/** Everything MSAL needs to know about the admin's app registration. Passed on every call, since
 * the offscreen document cannot read extension storage. */
export interface AuthConfig {
  clientId: string;
  tenant: string;
  cloud: CloudId;
  redirectUri: string;
}

/** Why a token could not be had. `signInRequired` covers expiry, revocation, missing consent. */
export type AuthFailureReason = 'signInRequired' | 'cancelled' | 'failed';

export interface AuthFailure {
  ok: false;
  reason: AuthFailureReason;
  /** MSAL's errorCode (e.g. invalid_grant, consent_required); its messages are only links in v5. */
  errorCode?: string;
  description?: string;
  /** Entra's AADSTS number, when it gave one (MSAL's errorNo, or the sign-in window's error_codes). */
  aadsts?: string;
}

export type AuthResult<T> = ({ ok: true } & T) | AuthFailure;

export interface SignInRequest {
  scopes: string[];
  /** 'select_account' for a button press; 'none' for a silent relaunch on the session cookie. */
  prompt?: 'select_account' | 'none' | 'consent';
  loginHint?: string;
}

/** The MSAL side, wherever it runs. */
export interface MsalHost {
  /** Builds the authorize URL (PKCE, state, nonce) without navigating. */
  beginSignIn(config: AuthConfig, request: SignInRequest): Promise<AuthResult<{ url: string }>>;
  /** Redeems the URL the sign-in window ended on. */
  completeSignIn(config: AuthConfig, responseUrl: string): Promise<AuthResult<{ account: Account }>>;
  /** The sign-in window closed or failed: clear MSAL's interaction marker. */
  cancelSignIn(config: AuthConfig): Promise<void>;
  acquireToken(config: AuthConfig, scopes: string[], forceRefresh?: boolean): Promise<AuthResult<{ accessToken: string; expiresOn: number | null }>>;
  getAccount(config: AuthConfig): Promise<Account | null>;
  signOut(config: AuthConfig): Promise<void>;
}
