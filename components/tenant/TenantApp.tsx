import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CLOUDS, type CloudId } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import type { TenantClient } from '@/lib/tenant/client';
import type { LensError } from '@/lib/protocol';
import { provisioningPageUrl } from '@/lib/portal-url';
import { rowsToCsv, scanToJson } from '@/lib/tenant/export';
import type { StoredScan } from '@/lib/tenant/last-scan';
import { filterRows, sortRows, toTenantRows, type RowFilter, type SortColumn, type SortOrder, type TenantRow } from '@/lib/tenant/rows';
import { createScanController, type ScanController, type ScanProgress as Progress } from '@/lib/tenant/scan';
import type { AppFailure, ScanApp, ScannedApp } from '@/lib/tenant/types';
import { ErrorNotice } from '../ErrorNotice';
import { useNow } from '../useNow';
import { ScanFailures } from './ScanFailures';
import { ScanProgress } from './ScanProgress';
import { TenantFilters } from './TenantFilters';
import { TenantJob } from './TenantJob';
import { TenantTable } from './TenantTable';

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

/** Rows are drawn at most this often while results stream in: each draw is one short task. */
const DRAW_EVERY_MS = 250;
const PAGE_ROWS = 100;

/** The tenant overview: scan, watch it progress, read and export the jobs it found. */
export function TenantApp(props: TenantAppProps) {
  const { client, tenantClient, cloud, timeZone } = props;
  const clock = props.now ?? Date.now;
  const now = useNow();
  const usable = props.lastScan && props.lastScan.cloud === cloud && props.lastScan.tenant === props.tenant && props.lastScan.clientId === props.clientId ? props.lastScan : null;
  // Scan results live in refs and are drawn in batches: a state update per batch would redraw the table 500 times.
  const apps = useRef<ScannedApp[]>(usable?.apps ?? []);
  const failures = useRef<AppFailure[]>(usable?.failures ?? []);
  const [drawn, setDrawn] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [meta, setMeta] = useState(usable ? { startedAt: usable.startedAt, finishedAt: usable.finishedAt, complete: usable.complete, counts: usable.counts } : null);
  const [error, setError] = useState<LensError | null>(null);
  const [order, setOrder] = useState<SortOrder>({ column: 'attention', descending: false });
  const [filter, setFilter] = useState<RowFilter>({ state: 'all', text: '' });
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const controller = useRef<ScanController | null>(null);
  const kind = useRef<'scan' | 'refresh'>('scan');
  const startedAt = useRef('');
  const drawTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Progress | null>(null);

  const draw = () => {
    if (drawTimer.current) return;
    drawTimer.current = setTimeout(() => {
      drawTimer.current = null;
      setDrawn((d) => d + 1);
      setProgress(latest.current);
    }, DRAW_EVERY_MS);
  };
  /** A new phase shows at once (Cancel, Resume); counts ride on the next draw. */
  const onProgress = (p: Progress) => {
    const phaseChanged = latest.current?.phase !== p.phase;
    latest.current = p;
    if (phaseChanged) setProgress(p);
    else draw();
  };
  useEffect(() => () => void (drawTimer.current && clearTimeout(drawTimer.current)), []);

  // Each app's rows are built once per tick of `now` (relative times), not on every draw.
  const rowCache = useMemo(() => new WeakMap<ScannedApp, TenantRow[]>(), [now, timeZone]);
  const rows = useMemo(() => apps.current.flatMap((app) => {
    let built = rowCache.get(app);
    if (!built) rowCache.set(app, (built = toTenantRows(app, { now, timeZone })));
    return built;
  }), [drawn, rowCache]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), order), [rows, filter, order]);
  const open = openKey ? rows.find((row) => row.key === openKey) ?? null : null;
  const running = progress?.phase === 'running' || progress?.phase === 'cancelling';

  async function finish(end: Progress) {
    if (end.phase === 'needsSignIn' && end.signIn) {
      // Listing service principals needs Application.Read.All: asked for now, by incremental consent.
      const result = await client.signIn(end.signIn.needsAppRead ? { grant: 'appRead' } : undefined);
      if (!result.ok) return setError(result.error);
      return finish(await controller.current!.run());
    }
    setProgress(end);
    if (end.phase === 'failed') setError(end.error ?? null);
    if (end.phase !== 'done' && end.phase !== 'cancelled') return;
    const previous = meta?.counts;
    const counts = kind.current === 'scan' || !previous
      ? { apps: end.apps, skipped: end.skipped, checked: end.checked, failed: end.failed }
      : { ...previous, failed: end.failed };
    const stored: StoredScan = {
      tenant: props.tenant, clientId: props.clientId, cloud, startedAt: startedAt.current, finishedAt: new Date(clock()).toISOString(),
      complete: end.phase === 'done', counts, apps: apps.current, failures: failures.current,
    };
    setMeta({ startedAt: stored.startedAt, finishedAt: stored.finishedAt, complete: stored.complete, counts });
    await props.save(stored).catch(() => undefined);
  }

  function start(refresh: boolean) {
    setError(null);
    const targets: ScanApp[] | undefined = refresh ? apps.current.map(({ jobs: _jobs, fetchedAt: _at, ...app }) => app) : undefined;
    kind.current = refresh ? 'refresh' : 'scan';
    startedAt.current = new Date(clock()).toISOString();
    // A refresh replaces each app's jobs as its answer arrives; an app that lost its jobs drops out.
    const fresh: ScannedApp[] = [];
    const kept = new Map(apps.current.map((app) => [app.id, app]));
    apps.current = refresh ? [...kept.values()] : [];
    failures.current = [];
    setOpenKey(null);
    setLimit(PAGE_ROWS);
    draw();
    controller.current = createScanController({
      source: tenantClient,
      targets,
      onProgress,
      onApps: (found) => {
        fresh.push(...found);
        if (refresh) {
          for (const app of found) kept.set(app.id, app);
          apps.current = [...kept.values()];
        } else apps.current = fresh.slice();
        draw();
      },
      onFailures: (list) => {
        failures.current = failures.current.concat(list);
      },
    });
    if (refresh) {
      // Checked apps that answered with no job leave the table once the refresh is done.
      void controller.current.run().then((end) => {
        if (end.phase === 'done') apps.current = apps.current.filter((app) => fresh.some((f) => f.id === app.id) || !targets!.some((t) => t.id === app.id));
        draw();
        return finish(end);
      });
    } else void controller.current.run().then(finish);
  }

  const resume = () => {
    setError(null);
    if (controller.current) void controller.current.run().then(finish);
  };
  const sortBy = (column: SortColumn) =>
    setOrder((o) => ({ column, descending: o.column === column ? !o.descending : column === 'consecutiveFailures' }));
  const host = CLOUDS[cloud].portalHosts[0]!;
  const portalLink = (row: TenantRow) => (row.appId ? provisioningPageUrl(host, row.appId, row.servicePrincipalId) : null);
  const stamp = () => new Date(clock()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const stopped = progress && (progress.phase === 'cancelled' || progress.phase === 'failed' || progress.phase === 'needsSignIn');

  return (
    <main>
      <h1>Tenant overview</h1>
      <p class="pl-caption">
        Every enterprise app of the tenant, asked for its provisioning jobs (read-only). The first scan asks for the
        Application.Read.All permission to list them.
      </p>
      <div class="pl-actions">
        <button type="button" class="pl-btn pl-btn-primary" onClick={() => start(false)} aria-disabled={running} disabled={running}>Scan tenant</button>
        {apps.current.length > 0 && (
          <button type="button" class="pl-btn" onClick={() => start(true)} disabled={running}>Refresh known jobs</button>
        )}
        {stopped && progress.phase !== 'failed' && controller.current && (
          <button type="button" class="pl-btn" onClick={resume}>Resume scan</button>
        )}
        {stopped && progress.phase === 'failed' && <button type="button" class="pl-btn" onClick={resume}>Try again</button>}
      </div>
      {error && <ErrorNotice error={error} copy={props.copy} />}
      {progress && progress.phase !== 'idle' && <ScanProgress progress={progress} onCancel={() => controller.current?.cancel()} />}
      <p class="pl-sr" aria-live="polite">{progress ? phaseText(progress) : ''}</p>
      {meta && !running && (
        <p class="pl-caption" data-testid="scan-meta">
          {meta.complete ? 'Last scan' : 'Last scan (stopped before the end)'} {meta.finishedAt ? new Date(meta.finishedAt).toLocaleString('en-GB', { timeZone }) : ''}
          {' · '}{meta.counts.apps.toLocaleString('en-US')} apps · {rows.length} jobs{meta.counts.failed > 0 ? ` · ${meta.counts.failed} apps not readable` : ''}
        </p>
      )}
      {!running && <ScanFailures failures={failures.current} />}
      {(rows.length > 0 || meta) && (
        <section aria-label="Jobs found">
          <div class="pl-tenant-tools">
            <TenantFilters filter={filter} onChange={(f) => { setFilter(f); setLimit(PAGE_ROWS); }} />
            <div class="pl-actions">
              <button type="button" class="pl-btn" disabled={shown.length === 0} onClick={() => props.download(`provisioning-jobs-${stamp()}.csv`, 'text/csv', rowsToCsv(shown))}>Export CSV</button>
              <button type="button" class="pl-btn" disabled={apps.current.length === 0}
                onClick={() => props.download(`provisioning-jobs-${stamp()}.json`, 'application/json', scanToJson(apps.current, { scannedAt: meta?.finishedAt ?? startedAt.current, tenant: props.tenant, cloud }))}>Export JSON</button>
            </div>
          </div>
          <p class="pl-caption" data-testid="row-count">{shown.length === rows.length ? `${rows.length} jobs` : `${shown.length} of ${rows.length} jobs`}</p>
          <TenantTable rows={shown} limit={limit} order={order} onSort={sortBy} onOpen={(row) => setOpenKey(row.key)}
            onShowMore={() => setLimit((l) => l + PAGE_ROWS)} portalLink={portalLink} />
        </section>
      )}
      {open && <TenantJob row={open} cloud={cloud} client={client} now={now} timeZone={timeZone} copy={props.copy} onClose={() => setOpenKey(null)} />}
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
