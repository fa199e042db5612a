/**
 * The one protocol every message between the extension's parts follows. The background answers
 * these; content script, popup and options ask. Results are values, never thrown errors, so a typed
 * failure survives the trip through runtime messaging.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CloudId } from './clouds';

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
  | { kind: 'signedOut' }
  /** The options page has not been filled in yet. */
  | { kind: 'notConfigured' }
  | { kind: 'error'; error: LensError };

export interface Account {
  username: string;
  name?: string;
  tenantId?: string;
}

export interface AuthState {
  configured: boolean;
  cloud: CloudId;
  account: Account | null;
  /** Set when the session expired or was revoked: the account is shown, but it needs a new sign-in. */
  needsSignIn?: boolean;
}

export type SignInResult = { ok: true; account: Account } | { ok: false; error: LensError };

export interface ProtocolMap {
  /** Jobs of one service principal (or one job of it). */
  lookupJobs(query: JobQuery): JobLookup;
  getAuthState(): AuthState;
  signIn(): SignInResult;
  signOut(): AuthState;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
