/**
 * The background's message handlers: sender checked first, then the untrusted payload rebuilt from
 * known fields only, then the work.
 */
import { tenantDomainOf } from './account-view';
import type { AuthBroker } from './auth/broker';
import { graphScope, isCloudId } from './clouds';
import { isGrant, signInScopes, SYNC_SCOPE, type Grant } from './auth/grants';
import { authConfigOf, type LookupService } from './lookup-service';
import { onMessage, type AuthState, type JobQuery, type SignInResult } from './protocol';
import type { TabBadges } from './badge';
import { isTrustedSender, type SenderLike } from './sender';
import { isConfigured, type Settings } from './settings';
import { normalizeGuid } from './ids';
import { MAX_BATCH_REQUESTS } from './graph-paths';
import type { TenantService } from './tenant/service';

export interface BackgroundDeps {
  lookup: LookupService;
  auth: AuthBroker;
  getSettings(): Promise<Settings>;
  redirectUri: string;
  extensionId: string;
  extensionOrigin: string;
  openSettings(): Promise<void>;
  /** The toolbar badge per portal tab; absent in tests that do not look at it. */
  badges?: TabBadges;
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
  const account = await deps.auth.account(config);
  if (!account) return { configured: true, cloud: settings.cloud, account: null };
  // A cached account is not a working session: after a revoked refresh token it lingers in MSAL.
  const needsSignIn = await deps.auth.token(config, [graphScope(settings.cloud, SYNC_SCOPE)]).then(
    () => false,
    () => true,
  );
  const tenantDomain = tenantDomainOf(settings.tenant);
  return { configured: true, cloud: settings.cloud, account, needsSignIn, ...(tenantDomain ? { tenantDomain } : {}) };
}

export async function signIn(deps: BackgroundDeps, grant?: Grant): Promise<SignInResult> {
  const settings = await deps.getSettings();
  if (!isConfigured(settings))
    return { ok: false, error: { kind: 'config', title: 'Provisioning Lens is not set up yet.', action: 'Open the settings and enter your app registration\'s Application (client) ID and Directory (tenant) ID.' } };
  const scopes = signInScopes(grant).map((scope) => graphScope(settings.cloud, scope));
  const result = await deps.auth.signIn(authConfigOf(settings, deps.redirectUri), scopes);
  if (result.ok) {
    deps.lookup.clear();
    return { ok: true, account: result.account };
  }
  if (result.reason === 'cancelled')
    return { ok: false, error: { kind: 'auth', title: 'Sign-in was cancelled.', action: 'Select Sign in to try again.', detail: result.description } };
  return {
    ok: false,
    error: {
      kind: 'auth',
      title: 'Sign-in failed.',
      action: 'Check that the app registration has the redirect URI shown in the settings under "Single-page application", and that Synchronization.Read.All has admin consent.',
      code: result.errorCode,
      detail: result.description,
    },
  };
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
  onMessage('getAuthState', ({ sender }) => (trusted(sender) ? authState(deps) : refuse()));
  onMessage('signIn', ({ data, sender }) => {
    if (!trusted(sender)) return refuse();
    // includeAppRead is the older spelling of grant: 'appRead'.
    const grant = isGrant(data?.grant) ? data.grant : data?.includeAppRead === true ? 'appRead' : undefined;
    return signIn(deps, grant);
  });
  onMessage('openSettings', async ({ sender }) => {
    if (!trusted(sender)) return refuse();
    await deps.openSettings();
    return true as const;
  });
  onMessage('signOut', async ({ sender }) => {
    if (!trusted(sender)) return refuse();
    const settings = await deps.getSettings();
    if (isConfigured(settings)) await deps.auth.signOut(authConfigOf(settings, deps.redirectUri));
    deps.lookup.clear();
    return authState(deps);
  });
}
