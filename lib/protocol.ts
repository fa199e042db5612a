/**
 * The one protocol every message between the extension's parts follows. The background answers
 * these; content script, popup and options ask. Results are values, never thrown errors, so a typed
 * failure survives the trip through runtime messaging.
 */
import { defineMessaging } from './messaging';
import type { CloudId } from './clouds';
import type { PortalPage } from './portal-url';
import type { AuthConfig, AuthResult, SignInRequest } from './auth/types';
import type { Grant } from './auth/grants';
import type { SettingsPrefill } from './setup/prefill';
import type { SignInTest } from './setup/test-sign-in';
import type { WatchedJob } from './watch/watched';
import type { ActionConfirmation, ActionTarget } from './actions/types';
import type { FailuresLookup, FailuresQuery } from './logs/types';
import type { JobsCheck, ServicePrincipalPage } from './tenant/types';

/** A failure told the way an admin needs it: what happened, what to do, and the ids for support. */
export interface LensError {
  kind: 'graph' | 'auth' | 'network' | 'timeout' | 'config' | 'input';
  /** One line: what happened. */
  title: string;
  /** What to do about it. */
  action: string;
  /** Extra detail, e.g. Graph's own message (untrusted text). */
  detail?: string;
  status?: number;
  code?: string;
  requestId?: string;
  clientRequestId?: string;
}

/** What the admin asked for: a service principal (object id), optionally one job; or an app id. */
export interface JobQuery {
  cloud: CloudId;
  servicePrincipalId?: string;
  appId?: string;
  jobId?: string;
  /** Skip the short cache (the Refresh button). */
  fresh?: boolean;
}

export interface JobsFound {
  kind: 'jobs';
  servicePrincipalId: string;
  appId?: string;
  displayName?: string;
  /** Jobs exactly as Graph returned them (parsed JSON, untouched). */
  jobs: unknown[];
  /** ISO time of the Graph response. */
  fetchedAt: string;
}

export type JobLookup =
  | JobsFound
  /** expired: an account is known but its session ended (revoked, expired, consent withdrawn). */
  | { kind: 'signedOut'; expired?: boolean; needsAppRead?: boolean }
  /** The options page has not been filled in yet. */
  | { kind: 'notConfigured' }
  | { kind: 'error'; error: LensError };

/** Who signed in, as MSAL's account tells it: names and ids only, never a token. */
export interface Account {
  /** The sign-in name (preferred_username), e.g. adele.vance@contoso.onmicrosoft.com. */
  username: string;
  name?: string;
  /** The directory (tenant) id the account signed in to (the ID token's tid). */
  tenantId?: string;
}

export interface AuthState {
  configured: boolean;
  cloud: CloudId;
  account: Account | null;
  /** Set when the session expired or was revoked: the account is shown, but it needs a new sign-in. */
  needsSignIn?: boolean;
  /**
   * The account's tenant by name, when the settings name it by a verified domain: sign-in went
   * through that tenant. MSAL's account carries only the tenant id, no domain or display name.
   */
  tenantDomain?: string;
}

export type SignInResult = { ok: true; account: Account } | { ok: false; error: LensError };

/** A one-use confirmation token, minted by the background for one admin click (lib/actions/ledger.ts). */
export type ActionTicket = { ok: true; token: string } | { ok: false; error: LensError };

/**
 * What became of a confirmed action. `needsConsent`: no request was sent; the token stays good for
 * one more try after the admin grants Synchronization.ReadWrite.All.
 */
export type ActionOutcome =
  | { kind: 'done'; at: string; requestId?: string; clientRequestId: string }
  | { kind: 'needsConsent' }
  | { kind: 'failed'; error: LensError };

export interface ProtocolMap {
  /** Jobs of one service principal (or one job of it). */
  lookupJobs(query: JobQuery): JobLookup;
  /** One job's recent failures from the provisioning logs, as a digest (lib/logs). */
  lookupFailures(query: FailuresQuery): FailuresLookup;
  getAuthState(): AuthState;
  /**
   * Interactive sign-in. `grant` adds a feature's permissions (lib/auth/grants.ts: incremental
   * consent); without it, Synchronization.Read.All alone.
   */
  signIn(data?: { grant?: Grant }): SignInResult;
  signOut(): AuthState;
  /** The admin opened an action's confirmation (or pressed Start): mint its one-use token. */
  prepareJobAction(data: ActionTarget): ActionTicket;
  /** The admin confirmed: at most one POST per token, whatever arrives twice. */
  runJobAction(data: ActionConfirmation): ActionOutcome;
  /** Content scripts cannot open the options page themselves. */
  openSettings(data?: SettingsPrefill): true;
  /** Options page: sign in if needed, then which features are ready, need consent or are blocked. */
  testSignIn(): SignInTest;
  /** Content script → background: this tab no longer shows a provisioning page (its toolbar badge goes). */
  leftProvisioning(): true;
  /** Watched jobs (lib/watch): the list with each job's last known state. */
  getWatched(): WatchedJob[];
  /** Watch or unwatch one job; answers the new list. */
  setWatch(data: { job: WatchedJob; watch: boolean }): WatchedJob[];

  /** Tenant overview page: one page of service principals (`cursor`: the previous page's `next`). */
  'tenant.listServicePrincipals'(data: { cursor?: string }): ServicePrincipalPage;
  /** Tenant overview page: the jobs of up to 20 service principals, through one $batch. */
  'tenant.checkJobs'(data: { servicePrincipalIds: string[] }): JobsCheck;

  /** Popup → content script of a tab: the portal page it is on (parsed from its own URL). */
  getPortalPage(): PortalPage | null;
  /**
   * Background → content script of the active tab (the keyboard shortcut): expand the overlay and move
   * the focus into it. Answered only when the background sent it; false when the tab shows no overlay.
   */
  focusOverlay(): boolean;

  // Worker → offscreen document (Chrome/Edge): MSAL lives there. Answered only by that document.
  'msal.beginSignIn'(data: { config: AuthConfig; request: SignInRequest }): AuthResult<{ url: string }>;
  'msal.completeSignIn'(data: { config: AuthConfig; responseUrl: string }): AuthResult<{ account: Account }>;
  'msal.cancelSignIn'(data: { config: AuthConfig }): true;
  'msal.acquireToken'(data: { config: AuthConfig; scopes: string[]; forceRefresh?: boolean }): AuthResult<{ accessToken: string; expiresOn: number | null }>;
  'msal.getAccount'(data: { config: AuthConfig }): { account: Account | null };
  'msal.signOut'(data: { config: AuthConfig }): true;
}

export const { sendMessage, onMessage } = defineMessaging<ProtocolMap>();
