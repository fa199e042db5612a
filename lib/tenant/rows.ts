/**
 * The tenant overview's rows: one per job, built from the job view model the overlay uses, so a job
 * the card calls quarantined is one the table calls quarantined. Sorting and filtering are plain
 * functions over rows.
 */
import { toJobView, type JobStateKey, type JobView, type TimeView } from '../job-view';
import { jobHealth, type JobHealth } from '../job/health';
import { templateInfo } from '../job/templates';
import { label } from '../json-fields';
import { toTimeView } from '../time';
import type { ScannedApp } from './types';

export interface TenantRow {
  /** Unique per row: service principal and the job's position (job ids may be missing or shared). */
  key: string;
  servicePrincipalId: string;
  appId: string;
  appName: string;
  templateId: string;
  /** The template in words ("Salesforce Sandbox"), the id itself when unknown. */
  template: string;
  view: JobView;
  health: JobHealth;
  /** Why, in plain words: the advice's first line for a quarantine or failure, else empty. */
  reason: string;
  since: TimeView | null;
  nextAttempt: TimeView | null;
  daysUntilDisable: number | null;
  lastRun: string;
  consecutiveFailures: number | null;
  fetchedAt: TimeView | null;
  /** The job exactly as Graph returned it. */
  raw: unknown;
}

export interface RowContext {
  now: Date;
  timeZone?: string;
}

export function toTenantRows(app: ScannedApp, ctx: RowContext): TenantRow[] {
  return app.jobs.map((raw, index) => {
    const view = toJobView(raw, ctx);
    const advice = view.quarantine?.advice ?? view.advice ?? null;
    return {
      key: `${app.id}/${index}`,
      servicePrincipalId: app.id,
      appId: app.appId,
      appName: label(app.displayName) || templateInfo(view.templateId).name || app.id,
      templateId: view.templateId,
      template: templateInfo(view.templateId).name,
      view,
      health: jobHealth(raw),
      reason: advice?.why ?? '',
      since: view.quarantine?.since ?? null,
      nextAttempt: view.quarantine?.nextAttempt ?? null,
      daysUntilDisable: view.quarantine?.daysUntilDisable ?? null,
      lastRun: view.lastRun?.result ?? 'never',
      consecutiveFailures: view.consecutiveFailures,
      fetchedAt: toTimeView(app.fetchedAt, ctx.now, ctx.timeZone),
      raw,
    };
  });
}

/** Attention first: quarantined, then failing, then paused, then the rest. */
const HEALTH_RANK: Record<JobHealth, number> = { quarantined: 0, failing: 1, paused: 2, healthy: 3 };

export type SortColumn =
  | 'attention' | 'appName' | 'template' | 'state' | 'reason' | 'since' | 'nextAttempt'
  | 'daysUntilDisable' | 'lastRun' | 'consecutiveFailures' | 'fetchedAt';

export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

type Key = string | number | null;
const KEYS: Record<Exclude<SortColumn, 'attention'>, (row: TenantRow) => Key> = {
  appName: (r) => r.appName.toLowerCase(),
  template: (r) => r.template.toLowerCase(),
  state: (r) => r.view.state.label.toLowerCase(),
  reason: (r) => r.reason.toLowerCase() || null,
  since: (r) => r.since?.iso ?? null,
  nextAttempt: (r) => r.nextAttempt?.iso ?? null,
  daysUntilDisable: (r) => r.daysUntilDisable,
  lastRun: (r) => r.lastRun.toLowerCase(),
  consecutiveFailures: (r) => r.consecutiveFailures,
  fetchedAt: (r) => r.fetchedAt?.iso ?? null,
};

function compareKeys(a: Key, b: Key): number {
  // Missing values last, whichever the direction.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fewer days before disable and more failures are more urgent: within a rank, those first. */
function byAttention(a: TenantRow, b: TenantRow): number {
  return HEALTH_RANK[a.health] - HEALTH_RANK[b.health]
    || compareKeys(a.daysUntilDisable, b.daysUntilDisable)
    || (b.consecutiveFailures ?? 0) - (a.consecutiveFailures ?? 0)
    || a.appName.localeCompare(b.appName);
}

/** A new sorted array; ties fall back to attention order, so the table never shuffles. */
export function sortRows(rows: readonly TenantRow[], order: SortOrder): TenantRow[] {
  if (order.column === 'attention') {
    const sorted = [...rows].sort(byAttention);
    return order.descending ? sorted.reverse() : sorted;
  }
  const key = KEYS[order.column];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return compareKeys(ka, kb) || byAttention(a, b);
    return (order.descending ? -1 : 1) * compareKeys(ka, kb) || byAttention(a, b);
  });
}

export interface RowFilter {
  /** 'all', a state key, or 'attention' (quarantined, failing or paused). */
  state: 'all' | 'attention' | JobStateKey;
  /** Case-insensitive, in app name, template, state, reason, ids. */
  text: string;
}

export function filterRows(rows: readonly TenantRow[], filter: RowFilter): TenantRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.state === 'attention' ? row.health === 'healthy' : filter.state !== 'all' && row.view.state.key !== filter.state) return false;
    if (!needle) return true;
    return [row.appName, row.template, row.templateId, row.view.state.label, row.reason, row.servicePrincipalId, row.appId, row.view.jobId]
      .some((value) => value.toLowerCase().includes(needle));
  });
}
