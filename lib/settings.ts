/** Every value the extension stores, declared once. Nothing secret lives here: tokens stay in MSAL's memory. */
import { storage } from 'wxt/utils/storage';
import { isCloudId, type CloudId } from './clouds';
import type { GraphVersion } from './graph-client';
import { isGuid, isJobId, isTemplateId, isTenant, normalizeGuid } from './ids';
import { label as cutLabel } from './json-fields';
import { applyPolicy, readPolicy } from './policy';
import { DEFAULT_WATCH_MINUTES, sanitizeWatched, watchMinutes, type WatchedJob } from './watch/watched';
import type { ActionRecord } from './actions/history';
import type { Tickets } from './actions/ledger';
import { DEFAULT_PLACEMENT, OVERLAY_PLACEMENT_KEY, SETTINGS_KEY, type OverlayPlacement, type TimesSetting } from './overlay-placement';

export type { OverlayPlacement, TimesSetting };
export { timeZoneOf } from './overlay-placement';

export interface Settings {
  /** Application (client) ID of the admin's own app registration. */
  clientId: string;
  /** Directory (tenant) ID, a verified domain, or `organizations`. */
  tenant: string;
  cloud: CloudId;
  graphVersion: GraphVersion;
  /** Absolute times in the browser's zone or in UTC. Missing in settings saved before it existed: read as 'local'. */
  times: TimesSetting;
  /**
   * The opt-in to job actions (restart, start, pause): the extension is read-only unless this is
   * true. Absent means off, in new and in older settings alike.
   */
  allowJobActions?: boolean;
}

export const DEFAULT_SETTINGS: Settings = { clientId: '', tenant: 'organizations', cloud: 'global', graphVersion: 'v1.0', times: 'local' };

/** The app registration and cloud, from the options page. */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS, version: 1 });

/** Where the admin left the overlay, and whether it was collapsed (the content script reads it raw: lib/overlay-placement.ts). */
export const overlayItem = storage.defineItem<OverlayPlacement>(`local:${OVERLAY_PLACEMENT_KEY}`, { fallback: DEFAULT_PLACEMENT, version: 1 });

export interface RecentLookup {
  servicePrincipalId: string;
  jobId?: string;
  /** The app's display name, when the lookup had one (a lookup by application id). */
  label?: string;
  /**
   * Else the template ids of the jobs found (`scim`, `AD2AADProvisioning`), so the list names the
   * app rather than a bare GUID. Missing in entries saved before it existed: those show the id.
   */
  templateIds?: string[];
}

/** The popup's last few lookups (ids and names only, no job data). Read it with readRecentLookups. */
export const recentLookupsItem = storage.defineItem<RecentLookup[]>('local:recentLookups', { fallback: [], version: 1 });

export const MAX_RECENT_LOOKUPS = 5;
/** Template ids kept per entry: a service principal has one job, or two for Cloud Sync. */
export const MAX_RECENT_TEMPLATES = 3;

export function rememberLookup(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  const same = (item: RecentLookup) => item.servicePrincipalId === entry.servicePrincipalId && item.jobId === entry.jobId;
  return [entry, ...list.filter((item) => !same(item))].slice(0, MAX_RECENT_LOOKUPS);
}

/** One stored entry rebuilt from known fields, or null when its ids could not be looked up again. */
function sanitizeRecentLookup(value: unknown): RecentLookup | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const servicePrincipalId = normalizeGuid(raw.servicePrincipalId);
  if (!servicePrincipalId) return null;
  const entry: RecentLookup = { servicePrincipalId };
  if (raw.jobId !== undefined) {
    if (!isJobId(raw.jobId)) return null;
    entry.jobId = raw.jobId;
  }
  const label = typeof raw.label === 'string' ? raw.label.trim() : '';
  if (label) entry.label = cutLabel(label);
  const templateIds = Array.isArray(raw.templateIds) ? [...new Set(raw.templateIds.filter(isTemplateId))].slice(0, MAX_RECENT_TEMPLATES) : [];
  if (templateIds.length > 0) entry.templateIds = templateIds;
  return entry;
}

/**
 * What storage holds, made safe to render: an older version, another extension build or a hand
 * edit may have left anything there. Unknown fields and broken entries are dropped, never thrown on.
 */
export function sanitizeRecentLookups(value: unknown): RecentLookup[] {
  if (!Array.isArray(value)) return [];
  const list: RecentLookup[] = [];
  for (const item of value.slice(0, 50)) {
    const entry = sanitizeRecentLookup(item);
    if (entry && !list.some((other) => other.servicePrincipalId === entry.servicePrincipalId && other.jobId === entry.jobId)) list.push(entry);
    if (list.length === MAX_RECENT_LOOKUPS) break;
  }
  return list;
}

export async function readRecentLookups(): Promise<RecentLookup[]> {
  return sanitizeRecentLookups(await recentLookupsItem.getValue().catch(() => []));
}

/** Jobs the background re-checks (lib/watch/watched.ts): ids, a name and the last state. Read it with sanitizeWatched. */
export const watchedJobsItem = storage.defineItem<WatchedJob[]>('local:watchedJobs', { fallback: [], version: 1 });

export interface WatchPrefs {
  /** Minutes between background checks (5 at least; 15 by default). */
  intervalMinutes: number;
  /** Desktop notifications when a watched job changes; needs the optional `notifications` permission. */
  notify: boolean;
}

export const DEFAULT_WATCH_PREFS: WatchPrefs = { intervalMinutes: DEFAULT_WATCH_MINUTES, notify: false };

/** How often watched jobs are checked and whether changes notify, from the options page. */
export const watchPrefsItem = storage.defineItem<WatchPrefs>('local:watchPrefs', { fallback: DEFAULT_WATCH_PREFS, version: 1 });

/** The last background check found the session ended: said once, until a check finds it working again. */
export const watchSessionEndedItem = storage.defineItem<boolean>('local:watchSessionEnded', { fallback: false, version: 1 });

export async function readWatchPrefs(): Promise<WatchPrefs> {
  const [raw, policy] = await Promise.all([watchPrefsItem.getValue().catch(() => null) as Promise<Partial<WatchPrefs> | null>, readPolicy()]);
  return { intervalMinutes: watchMinutes(policy.watchIntervalMinutes ?? raw?.intervalMinutes), notify: raw?.notify === true };
}

/** The settings in force: what the options page saved, with what the organization's policy sets winning. */
export async function readSettings(): Promise<Settings> {
  const [local, policy] = await Promise.all([settingsItem.getValue(), readPolicy()]);
  return applyPolicy(local, policy);
}

export async function readWatchedJobs(): Promise<WatchedJob[]> {
  return sanitizeWatched(await watchedJobsItem.getValue().catch(() => []));
}
/**
 * The local history of job actions (lib/actions/history.ts: time, app, job, action, scope, result,
 * request ids). Never sent anywhere; cleared from the options page. Read it with sanitizeHistory.
 */
export const actionHistoryItem = storage.defineItem<ActionRecord[]>('local:actionHistory', { fallback: [], version: 1 });

/**
 * The background's idempotency ledger (lib/actions/ledger.ts): one token per confirmation. Session
 * storage: in memory, gone with the browser, but it outlives a stopped service worker.
 */
export const actionTicketsItem = storage.defineItem<Tickets>('session:actionTickets', { fallback: {} });

export type SettingsErrors = Partial<Record<keyof Settings, string>>;

/** Checks what the admin typed; returns trimmed settings or a message per field. */
export function validateSettings(input: Record<string, unknown>): { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const clientId = String(input.clientId ?? '').trim();
  const tenant = String(input.tenant ?? '').trim() || 'organizations';
  if (!isGuid(clientId))
    errors.clientId = 'Enter the Application (client) ID from your app registration\'s Overview: a GUID like 00000000-0000-0000-0000-000000000000.';
  if (!isTenant(tenant))
    errors.tenant = 'Enter the Directory (tenant) ID (a GUID), a verified domain such as contoso.onmicrosoft.com, or "organizations".';
  if (!isCloudId(input.cloud)) errors.cloud = 'Pick a cloud from the list.';
  const graphVersion = input.graphVersion === 'beta' ? 'beta' : 'v1.0';
  const times = input.times === 'utc' ? 'utc' : 'local';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const settings: Settings = { clientId: clientId.toLowerCase(), tenant: isGuid(tenant) ? tenant.toLowerCase() : tenant, cloud: input.cloud as CloudId, graphVersion, times };
  // Only a real `true` turns writes on; anything else (a string, a hand edit) leaves them off.
  if (input.allowJobActions === true) settings.allowJobActions = true;
  return { ok: true, settings };
}

export function isConfigured(settings: Settings): boolean {
  return isGuid(settings.clientId) && isTenant(settings.tenant);
}
