/**
 * Watched jobs: the admin's short list of jobs the background re-checks on a timer. Pure: the list,
 * what storage may hold (anything: rebuilt from known fields), and what changed between two checks.
 * Ids and names only, plus the last known state; never a job's JSON.
 */
import { isCloudId, type CloudId } from '../clouds';
import { isJobId, normalizeGuid } from '../ids';
import { label as cutLabel } from '../json-fields';
import type { JobHealth } from '../job/health';

export interface WatchedJob {
  cloud: CloudId;
  servicePrincipalId: string;
  jobId: string;
  /** The app's name or the job's template, for lists and notifications. */
  label: string;
  /** The application id, when known: a notification then opens the app's Provisioning page. */
  appId?: string;
  /** What the last background check saw; missing until the first check. */
  last?: WatchedState;
}

export interface WatchedState {
  health: JobHealth | 'gone';
  consecutiveFailures: number;
  /** ISO time of the check. */
  checkedAt: string;
}

/** Enough for the jobs an admin keeps an eye on; a tenant-wide view is the tenant overview's job. */
export const MAX_WATCHED = 50;
export const DEFAULT_WATCH_MINUTES = 15;
export const MIN_WATCH_MINUTES = 5;
const MAX_WATCH_MINUTES = 24 * 60;

const HEALTH = new Set<WatchedState['health']>(['quarantined', 'failing', 'paused', 'healthy', 'gone']);

export const sameJob = (a: Pick<WatchedJob, 'servicePrincipalId' | 'jobId'>, b: Pick<WatchedJob, 'servicePrincipalId' | 'jobId'>) =>
  a.servicePrincipalId === b.servicePrincipalId && a.jobId === b.jobId;

/** Adds the job (first), or removes it; the list stays within MAX_WATCHED. */
export function toggleWatched(list: readonly WatchedJob[], job: WatchedJob, watch: boolean): WatchedJob[] {
  const others = list.filter((item) => !sameJob(item, job));
  return watch ? [{ ...job, last: list.find((item) => sameJob(item, job))?.last }, ...others].slice(0, MAX_WATCHED) : others;
}

function sanitizeState(value: unknown): WatchedState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const health = raw.health as WatchedState['health'];
  const failures = Number(raw.consecutiveFailures);
  const checkedAt = typeof raw.checkedAt === 'string' && Number.isFinite(Date.parse(raw.checkedAt)) ? new Date(raw.checkedAt).toISOString() : undefined;
  if (!HEALTH.has(health) || !checkedAt) return undefined;
  return { health, consecutiveFailures: Number.isSafeInteger(failures) && failures >= 0 ? failures : 0, checkedAt };
}

/** What storage holds, rebuilt from known fields; broken or duplicate entries are dropped, never thrown on. */
export function sanitizeWatched(value: unknown): WatchedJob[] {
  if (!Array.isArray(value)) return [];
  const list: WatchedJob[] = [];
  for (const item of value.slice(0, MAX_WATCHED * 2)) {
    if (typeof item !== 'object' || item === null) continue;
    const raw = item as Record<string, unknown>;
    const servicePrincipalId = normalizeGuid(raw.servicePrincipalId);
    if (!servicePrincipalId || !isJobId(raw.jobId) || !isCloudId(raw.cloud)) continue;
    const job: WatchedJob = { cloud: raw.cloud, servicePrincipalId, jobId: raw.jobId, label: cutLabel(typeof raw.label === 'string' ? raw.label.trim() : '') || raw.jobId };
    const appId = normalizeGuid(raw.appId);
    if (appId) job.appId = appId;
    const last = sanitizeState(raw.last);
    if (last) job.last = last;
    if (!list.some((other) => sameJob(other, job))) list.push(job);
    if (list.length === MAX_WATCHED) break;
  }
  return list;
}

/** The check interval the admin chose, kept between the minimum and a day. */
export function watchMinutes(value: unknown): number {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n)) return DEFAULT_WATCH_MINUTES;
  return Math.min(MAX_WATCH_MINUTES, Math.max(MIN_WATCH_MINUTES, n));
}

export type WatchEvent =
  | { kind: 'enteredQuarantine' }
  | { kind: 'leftQuarantine' }
  | { kind: 'failuresGrew'; from: number; to: number }
  | { kind: 'gone' };

/**
 * What is worth telling the admin between two checks: the job went into or out of quarantine, its
 * failures in a row grew, or it disappeared. The first check of a job only sets the baseline.
 */
export function watchEvents(before: WatchedState | undefined, after: WatchedState): WatchEvent[] {
  if (!before) return [];
  if (after.health === 'gone') return before.health === 'gone' ? [] : [{ kind: 'gone' }];
  const events: WatchEvent[] = [];
  if (after.health === 'quarantined' && before.health !== 'quarantined') events.push({ kind: 'enteredQuarantine' });
  if (before.health === 'quarantined' && after.health !== 'quarantined') events.push({ kind: 'leftQuarantine' });
  if (after.consecutiveFailures > before.consecutiveFailures) events.push({ kind: 'failuresGrew', from: before.consecutiveFailures, to: after.consecutiveFailures });
  return events;
}

/** Jobs whose last check found them in trouble: the toolbar's count when notifications are off. */
export function needingAttention(list: readonly WatchedJob[]): number {
  return list.filter((job) => job.last && job.last.health !== 'healthy').length;
}

/** One line for a notification or a list: "Salesforce Sandbox: quarantined". */
export function describeEvent(job: WatchedJob, event: WatchEvent): { title: string; message: string } {
  switch (event.kind) {
    case 'enteredQuarantine':
      return { title: `${job.label}: in quarantine`, message: `Provisioning job ${job.jobId} went into quarantine. Open it to see why and what to do.` };
    case 'leftQuarantine':
      return { title: `${job.label}: out of quarantine`, message: `Provisioning job ${job.jobId} is no longer in quarantine.` };
    case 'failuresGrew':
      return { title: `${job.label}: failing`, message: `Provisioning job ${job.jobId} failed ${event.to} times in a row (was ${event.from}).` };
    case 'gone':
      return { title: `${job.label}: job not found`, message: `Provisioning job ${job.jobId} no longer exists, or you can no longer read it.` };
  }
}
