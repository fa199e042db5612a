/**
 * The last tenant scan, kept in storage.local so reopening the overview shows it at once. Declared
 * here beside the scan (lib/settings.ts declares the rest). Only apps that have jobs are kept, with
 * their jobs as Graph returned them: bounded by MAX_STORED_APPS and MAX_JOBS_PER_APP, no tokens.
 */
import { storage } from 'wxt/utils/storage';
import { isCloudId, type CloudId } from '../clouds';
import { normalizeGuid } from '../ids';
import { obj, text } from '../json-fields';
import type { AppFailure, ScannedApp } from './types';

export const MAX_STORED_APPS = 2000;
export const MAX_JOBS_PER_APP = 10;
export const MAX_STORED_FAILURES = 500;

export interface StoredScan {
  /** Who scanned what: the settings' tenant and client id, and the cloud. */
  tenant: string;
  clientId: string;
  cloud: CloudId;
  startedAt: string;
  finishedAt: string;
  /** false when the admin cancelled, or the scan stopped: the results are partial. */
  complete: boolean;
  counts: { apps: number; skipped: number; checked: number; failed: number };
  apps: ScannedApp[];
  failures: AppFailure[];
}

/** The last scan (one; a new scan replaces it). Read it with readLastScan. */
export const lastScanItem = storage.defineItem<StoredScan | null>('local:lastTenantScan', { fallback: null, version: 1 });

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const iso = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : '');

function sanitizeApp(value: unknown): ScannedApp | null {
  const raw = obj(value);
  const id = normalizeGuid(raw?.id);
  if (!raw || !id || !Array.isArray(raw.jobs)) return null;
  const jobs = raw.jobs.filter((job) => obj(job) !== null).slice(0, MAX_JOBS_PER_APP);
  if (jobs.length === 0) return null;
  const template = normalizeGuid(raw.applicationTemplateId);
  return {
    id,
    appId: normalizeGuid(raw.appId) ?? '',
    displayName: text(raw.displayName).slice(0, 256),
    ...(template ? { applicationTemplateId: template } : {}),
    jobs,
    fetchedAt: iso(raw.fetchedAt),
  };
}

/** What storage holds, made safe to render (another build or a hand edit may have left anything). */
export function sanitizeStoredScan(value: unknown): StoredScan | null {
  const raw = obj(value);
  if (!raw || !isCloudId(raw.cloud) || !Array.isArray(raw.apps)) return null;
  const counts = obj(raw.counts);
  const failures = Array.isArray(raw.failures) ? raw.failures : [];
  return {
    tenant: text(raw.tenant).slice(0, 256),
    clientId: normalizeGuid(raw.clientId) ?? '',
    cloud: raw.cloud,
    startedAt: iso(raw.startedAt),
    finishedAt: iso(raw.finishedAt),
    complete: raw.complete === true,
    counts: { apps: count(counts?.apps), skipped: count(counts?.skipped), checked: count(counts?.checked), failed: count(counts?.failed) },
    apps: raw.apps.slice(0, MAX_STORED_APPS).map(sanitizeApp).filter((app): app is ScannedApp => app !== null),
    failures: failures.slice(0, MAX_STORED_FAILURES).flatMap((item): AppFailure[] => {
      const f = obj(item);
      const servicePrincipalId = normalizeGuid(f?.servicePrincipalId);
      return f && servicePrincipalId
        ? [{ servicePrincipalId, displayName: text(f.displayName).slice(0, 256), status: count(f.status), ...(text(f.code) ? { code: text(f.code).slice(0, 100) } : {}) }]
        : [];
    }),
  };
}

/** The scan as it will be stored: cut to the bounds. */
export function boundScan(scan: StoredScan): StoredScan {
  return {
    ...scan,
    apps: scan.apps.slice(0, MAX_STORED_APPS).map((app) => ({ ...app, jobs: app.jobs.slice(0, MAX_JOBS_PER_APP) })),
    failures: scan.failures.slice(0, MAX_STORED_FAILURES),
  };
}

export async function readLastScan(): Promise<StoredScan | null> {
  return sanitizeStoredScan(await lastScanItem.getValue().catch(() => null));
}

export function saveLastScan(scan: StoredScan): Promise<void> {
  return lastScanItem.setValue(boundScan(scan));
}
