import { useMemo, useState } from 'preact/hooks';
import { CLOUDS, type CloudId } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import type { TenantClient } from '@/lib/tenant/client';
import { provisioningPageUrl } from '@/lib/portal-url';
import { rowsToCsv, scanToJson } from '@/lib/tenant/export';
import type { StoredScan } from '@/lib/tenant/last-scan';
import { filterRows, sortRows, toTenantRows, type RowFilter, type SortColumn, type SortOrder, type TenantRow } from '@/lib/tenant/rows';
import type { ScanProgress as Progress } from '@/lib/tenant/scan';
import type { ScannedApp } from '@/lib/tenant/types';
import { ErrorNotice } from '../ErrorNotice';
import { useNow } from '../useNow';
import { ScanFailures } from './ScanFailures';
import { ScanProgress } from './ScanProgress';
import { TenantFilters } from './TenantFilters';
import { TenantJob } from './TenantJob';
import { useWatched } from '../watch/useWatched';
import { WatchedList } from '../watch/WatchedList';
import { TenantTable } from './TenantTable';
import { useTenantScan } from './useTenantScan';

export interface TenantAppProps {
  client: LensClient;
  tenantClient: TenantClient;
  cloud: CloudId;
  /** The settings' tenant and client id: a stored scan of another tenant or app registration is not shown. */
  tenant: string;
  clientId: string;
  timeZone?: string;
  /** The last scan, read from storage before the first render. */
  lastScan: StoredScan | null;
  save: (scan: StoredScan) => Promise<void>;
  download: (fileName: string, mimeType: string, text: string) => void;
  copy: (text: string) => Promise<void>;
  /** Wall clock (tests pin it). */
  now?: () => number;
}

const PAGE_ROWS = 100;

/** The tenant overview: scan, watch it progress, read and export the jobs it found. */
export function TenantApp(props: TenantAppProps) {
  const { client, tenantClient, cloud, timeZone } = props;
  const clock = props.now ?? Date.now;
  const now = useNow();
  const scan = useTenantScan({ client, tenantClient, cloud, tenant: props.tenant, clientId: props.clientId, lastScan: props.lastScan, save: props.save, now: clock });
  const { progress, meta, running } = scan;
  const [order, setOrder] = useState<SortOrder>({ column: 'attention', descending: false });
  const [filter, setFilter] = useState<RowFilter>({ state: 'all', text: '' });
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const watched = useWatched(client);

  // Each app's rows are built once per tick of `now` (relative times), not on every draw.
  const rowCache = useMemo(() => new WeakMap<ScannedApp, TenantRow[]>(), [now, timeZone]);
  const rows = useMemo(() => scan.apps.flatMap((app) => {
    let built = rowCache.get(app);
    if (!built) rowCache.set(app, (built = toTenantRows(app, { now, timeZone })));
    return built;
  }), [scan.drawn, scan.apps, rowCache]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), order), [rows, filter, order]);
  const open = openKey ? rows.find((row) => row.key === openKey) ?? null : null;
  const start = (refresh: boolean) => {
    setOpenKey(null);
    setLimit(PAGE_ROWS);
    scan.start(refresh);
  };

  const sortBy = (column: SortColumn) =>
    setOrder((o) => ({ column, descending: o.column === column ? !o.descending : column === 'consecutiveFailures' }));
  const host = CLOUDS[cloud].portalHosts[0]!;
  const portalLink = (row: TenantRow) => (row.appId ? provisioningPageUrl(host, row.appId, row.servicePrincipalId) : null);
  const stamp = () => new Date(clock()).toISOString().slice(0, 16).replace(/[:T]/g, '-');

  return (
    <main>
      <h1>Tenant overview</h1>
      <p class="pl-caption">
        Every enterprise app of the tenant, asked for its provisioning jobs (read-only). The first scan asks for the
        Application.Read.All permission to list them.
      </p>
      <div class="pl-actions">
        <button type="button" class="pl-btn pl-btn-primary" onClick={() => start(false)} aria-disabled={running} disabled={running}>Scan tenant</button>
        {scan.apps.length > 0 && (
          <button type="button" class="pl-btn" onClick={() => start(true)} disabled={running}>Refresh known jobs</button>
        )}
        {scan.canResume && (
          <button type="button" class="pl-btn" onClick={scan.resume}>{progress?.phase === 'failed' ? 'Try again' : 'Resume scan'}</button>
        )}
      </div>
      {scan.error && <ErrorNotice error={scan.error} copy={props.copy} />}
      {progress && progress.phase !== 'idle' && <ScanProgress progress={progress} onCancel={scan.cancel} />}
      <p class="pl-sr" aria-live="polite">{progress ? phaseText(progress) : ''}</p>
      {meta && !running && (
        <p class="pl-caption" data-testid="scan-meta">
          {meta.complete ? 'Last scan' : 'Last scan (stopped before the end)'} {meta.finishedAt ? new Date(meta.finishedAt).toLocaleString('en-GB', { timeZone }) : ''}
          {' · '}{meta.counts.apps.toLocaleString('en-US')} apps · {rows.length} jobs{meta.counts.failed > 0 ? ` · ${meta.counts.failed} apps not readable` : ''}
        </p>
      )}
      {!running && <ScanFailures failures={scan.failures} />}
      {(rows.length > 0 || meta) && (
        <section aria-label="Jobs found">
          <div class="pl-tenant-tools">
            <TenantFilters filter={filter} onChange={(f) => { setFilter(f); setLimit(PAGE_ROWS); }} />
            <div class="pl-actions">
              <button type="button" class="pl-btn" disabled={shown.length === 0} onClick={() => props.download(`provisioning-jobs-${stamp()}.csv`, 'text/csv', rowsToCsv(shown))}>Export CSV</button>
              <button type="button" class="pl-btn" disabled={scan.apps.length === 0}
                onClick={() => props.download(`provisioning-jobs-${stamp()}.json`, 'application/json', scanToJson(scan.apps, { scannedAt: meta?.finishedAt ?? new Date(clock()).toISOString(), tenant: props.tenant, cloud }))}>Export JSON</button>
            </div>
          </div>
          <p class="pl-caption" data-testid="row-count">{shown.length === rows.length ? `${rows.length} jobs` : `${shown.length} of ${rows.length} jobs`}</p>
          <TenantTable rows={shown} limit={limit} order={order} onSort={sortBy} onOpen={(row) => setOpenKey(row.key)}
            onShowMore={() => setLimit((l) => l + PAGE_ROWS)} portalLink={portalLink} />
        </section>
      )}
      <WatchedList list={watched.list} now={now} timeZone={timeZone}
        onOpen={(query) => setOpenKey(rows.find((row) => row.servicePrincipalId === query.servicePrincipalId && row.view.jobId === query.jobId)?.key ?? null)} />
      {open && <TenantJob row={open} cloud={cloud} client={client} now={now} timeZone={timeZone} copy={props.copy} onClose={() => setOpenKey(null)}
        onJobs={scan.updateApp} watch={{ ...watched, cloud, appId: open.appId }} />}
    </main>
  );
}

function phaseText(p: Progress): string {
  switch (p.phase) {
    case 'running': return 'Scanning the tenant';
    case 'cancelled': return `Scan cancelled: ${p.checked} apps checked, ${p.jobs} jobs found`;
    case 'done': return `Scan done: ${p.jobs} jobs found, ${p.quarantined} quarantined`;
    case 'needsSignIn': return 'Sign-in needed to go on';
    case 'failed': return 'The scan stopped';
    default: return '';
  }
}
