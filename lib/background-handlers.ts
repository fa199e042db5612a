/**
 * The background's message handlers: sender checked first, then the untrusted payload rebuilt from
 * known fields only, then the work.
 */
import { tenantDomainOf } from './account-view';
import type { AuthBroker } from './auth/broker';
import { graphScope, isCloudId } from './clouds';
import { isGrant, signInScopes, SYNC_SCOPE, type Grant } from './auth/grants';
import { explainSignInFailure } from './auth/sign-in-errors';
import { AuthNeededError } from './auth/broker';
import { testFeatures, type SignInTest } from './setup/test-sign-in';
import { authConfigOf, type LookupService } from './lookup-service';
import type { FailuresService } from './logs/failures-service';
import { sanitizeFailuresQuery } from './logs/sanitize';
import { onMessage, type Account, type AuthState, type JobQuery, type SignInResult } from './protocol';
import type { TabBadges } from './badge';
import { sanitizePrefill, type SettingsPrefill } from './setup/prefill';
import type { WatchService } from './watch/service';
import { isTrustedSender, type SenderLike } from './sender';
import type { ActionService } from './actions/action-service';
import { holderOf, sanitizeConfirmation, sanitizeTarget } from './actions/messages';
import { isConfigured, type Settings } from './settings';
import { normalizeGuid } from './ids';
import { MAX_BATCH_REQUESTS } from './graph-paths';
import type { TenantService } from './tenant/service';

export interface BackgroundDeps {
  lookup: LookupService;
  /** The provisioning-logs digest (lib/logs); absent, lookupFailures is not answered. */
  failures?: FailuresService;
  auth: AuthBroker;
  getSettings(): Promise<Settings>;
  redirectUri: string;
  extensionId: string;
  extensionOrigin: string;
  /** Opens the options page, prefilled with what the asking portal tab knows (lib/setup/prefill.ts). */
  openSettings(prefill?: SettingsPrefill): Promise<unknown>;
  /** Job actions (opt-in): minted tokens and at-most-once POSTs. */
  actions?: ActionService;
  /** The toolbar badge per portal tab; absent in tests that do not look at it. */
  badges?: TabBadges;
  watch?: WatchService;
  /** The tenant overview's Graph steps; absent in tests that do not scan. */
  tenant?: TenantService;
}

/** Only the extension's own pages scan a tenant: never a content script in a portal tab. */
export function isExtensionPage(sender: SenderLike, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(`${extensionOrigin}/`);
}

/** The tab of a content script's message; undefined for the extension's own pages (the popup has no badge of its own). */
function portalTabOf(sender: SenderLike, extensionOrigin: string): number | undefined {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'number' || typeof sender.url !== 'string' || sender.url.startsWith(extensionOrigin)) return undefined;
  return id;
}

const str = (value: unknown) => (typeof value === 'string' && value.length <= 300 ? value.trim() : undefined);

/** Only the fields a query may have, each a short string; the lookup validates their form. */
export function sanitizeQuery(data: unknown): JobQuery | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const raw = data as Record<string, unknown>;
  if (!isCloudId(raw.cloud)) return undefined;
  const query: JobQuery = { cloud: raw.cloud, fresh: raw.fresh === true };
  for (const key of ['servicePrincipalId', 'appId', 'jobId'] as const) {
    const value = str(raw[key]);
    if (value) query[key] = value;
  }
  return query;
}

export async function authState(deps: BackgroundDeps): Promise<AuthState> {
  const settings = await deps.getSettings();
  if (!isConfigured(settings)) return { configured: false, cloud: settings.cloud, account: null };
  const config = authConfigOf(settings, deps.redirectUri);
  const scopes = [graphScope(settings.cloud, SYNC_SCOPE)];
  const tenantDomain = tenantDomainOf(settings.tenant);
  const signedIn = (account: Account, needsSignIn: boolean): AuthState =>
    ({ configured: true, cloud: settings.cloud, account, needsSignIn, ...(tenantDomain ? { tenantDomain } : {}) });
  // What the worker already knows answers at once: a token it holds for these scopes is the session
  // confirmed (MSAL handed it out, and it has 5 min or more left), the same proof every lookup relies
  // on. It spares the popup two round trips to MSAL, whose offscreen document shares the popup's
  // renderer thread. Anything less goes to MSAL, which fills what the worker knows.
  const known = deps.auth.knownSession?.(config, scopes);
  if (known) return signedIn(known, false);
  const account = await deps.auth.account(config);
  if (!account) return { configured: true, cloud: settings.cloud, account: null };
  // A cached account is not a working session: after a revoked refresh token it lingers in MSAL.
  const needsSignIn = await deps.auth.token(config, scopes).then(
    () => false,
    () => true,
  );
  return signedIn(account, needsSignIn);
}

export async function signIn(deps: BackgroundDeps, grant?: Grant): Promise<SignInResult> {
  const settings = await deps.getSettings();
  if (!isConfigured(settings))
    return { ok: false, error: { kind: 'config', title: 'Provisioning Lens is not set up yet.', action: 'Open the settings and enter your app registration\'s Application (client) ID and Directory (tenant) ID.' } };
  const scopes = signInScopes(grant).map((scope) => graphScope(settings.cloud, scope));
  const config = authConfigOf(settings, deps.redirectUri);
  const result = await deps.auth.signIn(config, scopes);
  if (result.ok) {
    deps.lookup.clear();
    deps.failures?.clear();
    if (grant === 'logs') await deps.failures?.noteGranted();
    return { ok: true, account: result.account };
  }
  return { ok: false, error: explainSignInFailure(result, config) };
}

/** Test sign-in: sign in when there is no session yet, then a silent token per feature. */
export async function testSignIn(deps: BackgroundDeps): Promise<SignInTest> {
  const settings = await deps.getSettings();
  const state = await authState(deps);
  let username = state.account && !state.needsSignIn ? state.account.username : undefined;
  if (!username) {
    const result = await signIn(deps);
    if (!result.ok) return result;
    username = result.account.username;
  }
  const config = authConfigOf(settings, deps.redirectUri);
  const probe = (scopes: readonly string[]) =>
    deps.auth.token(config, scopes.map((scope) => graphScope(settings.cloud, scope))).then(
      () => null,
      (error: unknown) => (error instanceof AuthNeededError ? error.failure : { ok: false as const, reason: 'failed' as const, description: String(error) }),
    );
  return { ok: true, username, features: await testFeatures(probe, config) };
}

export function registerBackgroundHandlers(deps: BackgroundDeps): void {
  const trusted = (sender: SenderLike) => isTrustedSender(sender, deps.extensionId, deps.extensionOrigin);
  const refuse = () => Promise.reject(new Error('Refused: unexpected sender'));

  onMessage('lookupJobs', ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    const query = sanitizeQuery(data);
    if (!query) return { kind: 'error', error: { kind: 'input', title: 'The lookup request was malformed.', action: 'Reload the page.' } };
    const tabId = portalTabOf(sender, deps.extensionOrigin);
    const showBadge = tabId !== undefined ? deps.badges?.begin(tabId) : undefined;
    return deps.lookup.lookupJobs(query).then((answer) => {
      void showBadge?.(answer);
      return answer;
    });
  });
  onMessage('getWatched', ({ sender }) => (trusted(sender) ? (deps.watch?.list() ?? []) : refuse()));
  onMessage('setWatch', ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    return deps.watch?.setWatch(data?.job, data?.watch === true) ?? [];
  });
  onMessage('tenant.listServicePrincipals', ({ data, sender }) => {
    if (!trusted(sender) || !isExtensionPage(sender, deps.extensionOrigin) || !deps.tenant) return refuse();
    const cursor = typeof data?.cursor === 'string' && data.cursor.length <= 4000 ? data.cursor : undefined;
    return deps.tenant.listServicePrincipals(cursor);
  });
  onMessage('tenant.checkJobs', ({ data, sender }) => {
    if (!trusted(sender) || !isExtensionPage(sender, deps.extensionOrigin) || !deps.tenant) return refuse();
    const raw: unknown[] = Array.isArray(data?.servicePrincipalIds) ? data.servicePrincipalIds.slice(0, MAX_BATCH_REQUESTS) : [];
    const ids = raw.map(normalizeGuid).filter((id): id is string => id !== undefined);
    return deps.tenant.checkJobs(ids);
  });
  onMessage('leftProvisioning', ({ sender }) => {
    if (!trusted(sender)) return refuse();
    const tabId = portalTabOf(sender, deps.extensionOrigin);
    if (tabId !== undefined) void deps.badges?.clear(tabId);
    return true as const;
  });
  onMessage('lookupFailures', ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    const query = sanitizeFailuresQuery(data);
    if (!query || !deps.failures) return { kind: 'error', problem: 'other', error: { kind: 'input', title: 'The logs request was malformed.', action: 'Reload the page.' } };
    return deps.failures.lookupFailures(query);
  });
  onMessage('getAuthState', ({ sender }) => (trusted(sender) ? authState(deps) : refuse()));
  onMessage('signIn', ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    return signIn(deps, isGrant(data?.grant) ? data.grant : undefined);
  });
  // Writes in the tenant: only the extension's own UI (its pages, the overlay in a portal tab's top
  // frame) may ask, and only with a token minted for the admin's click on that same UI.
  onMessage('prepareJobAction', async ({ data, sender }) => {
    if (!trusted(sender) || !deps.actions) return refuse();
    const target = sanitizeTarget(data);
    if (!target) return { ok: false, error: { kind: 'input', title: 'The action request was malformed.', action: 'Reload the page.' } };
    return deps.actions.prepare(target, holderOf(sender));
  });
  onMessage('runJobAction', async ({ data, sender }) => {
    if (!trusted(sender) || !deps.actions) return refuse();
    const confirmation = sanitizeConfirmation(data);
    if (!confirmation) return { kind: 'failed', error: { kind: 'input', title: 'The action request was malformed, so nothing was sent.', action: 'Reload the page.' } };
    return deps.actions.confirm(confirmation, holderOf(sender));
  });
  onMessage('openSettings', async ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    await deps.openSettings(sanitizePrefill(data));
    return true as const;
  });
  onMessage('testSignIn', ({ sender }) => (trusted(sender) ? testSignIn(deps) : refuse()));
  onMessage('signOut', async ({ sender }) => {
    if (!trusted(sender)) return refuse();
    const settings = await deps.getSettings();
    if (isConfigured(settings)) await deps.auth.signOut(authConfigOf(settings, deps.redirectUri));
    deps.lookup.clear();
    await deps.failures?.forget();
    return authState(deps);
  });
}
