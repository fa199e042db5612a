/**
 * The overview's exports. CSV carries what the table shows, in its order; every cell that a
 * spreadsheet would read as a formula is prefixed with ' (OWASP's CSV injection advice), since app
 * names and reasons come from the tenant and from third-party SCIM servers. JSON carries the jobs
 * exactly as Graph returned them.
 */
import type { TenantRow } from './rows';
import type { ScannedApp } from './types';

export const CSV_COLUMNS = [
  'App', 'Template', 'State', 'Reason', 'Since', 'Next attempt', 'Days before disable', 'Last run',
  'Consecutive failures', 'Last fetch', 'Service principal ID', 'Application ID', 'Job ID',
] as const;

/** The cells of one row, as the table words them (absolute times in ISO for spreadsheets). */
export function rowCells(row: TenantRow): string[] {
  const num = (n: number | null) => (n === null ? '' : String(n));
  return [
    row.appName, row.template, row.view.state.label, row.reason, row.since?.iso ?? '', row.nextAttempt?.iso ?? '',
    num(row.daysUntilDisable), row.lastRun, num(row.consecutiveFailures), row.fetchedAt?.iso ?? '',
    row.servicePrincipalId, row.appId, row.view.jobId,
  ];
}

/** One cell: formula starters neutralised, then quoted when it holds a separator, quote or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rowsToCsv(rows: readonly TenantRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => rowCells(row).map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export interface ScanMeta {
  scannedAt: string;
  tenant: string;
  cloud: string;
}

/** Every app with jobs, its jobs untouched. */
export function scanToJson(apps: readonly ScannedApp[], meta: ScanMeta): string {
  return JSON.stringify(
    {
      ...meta,
      apps: apps.map((app) => ({
        servicePrincipalId: app.id,
        appId: app.appId,
        displayName: app.displayName,
        fetchedAt: app.fetchedAt,
        jobs: app.jobs,
      })),
    },
    null,
    2,
  );
}
