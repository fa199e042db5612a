import { useEffect, useRef, useState } from 'preact/hooks';
import type { CloudId } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import type { LensError } from '@/lib/protocol';
import type { TenantClient } from '@/lib/tenant/client';
import type { StoredScan } from '@/lib/tenant/last-scan';
import { mergeRefresh } from '@/lib/tenant/refresh';
import { createScanController, type ScanController, type ScanProgress } from '@/lib/tenant/scan';
import type { AppFailure, ScanApp, ScannedApp } from '@/lib/tenant/types';

/** Counts and rows are drawn at most this often while results stream in: each draw is one short task. */
export const DRAW_EVERY_MS = 250;
/** A scan in progress is saved this often (when it found jobs since), so closing the tab loses little. */
export const SAVE_EVERY_MS = 10_000;

export interface TenantScanOptions {
  client: LensClient;
  tenantClient: TenantClient;
  cloud: CloudId;
  tenant: string;
  clientId: string;
  lastScan: StoredScan | null;
  save: (scan: StoredScan) => Promise<void>;
  now: () => number;
}

export type ScanMeta = Pick<StoredScan, 'startedAt' | 'finishedAt' | 'complete' | 'counts'>;

/**
 * The page's scan state: the controller, the apps with jobs and the failures (in refs, drawn in
 * batches: a state update per batch would redraw the table 500 times), the progress, and the last
 * scan's facts. Saves the scan when it ends or is cancelled.
 */
export function useTenantScan(o: TenantScanOptions) {
  const usable = o.lastScan && o.lastScan.cloud === o.cloud && o.lastScan.tenant === o.tenant && o.lastScan.clientId === o.clientId ? o.lastScan : null;
  const apps = useRef<ScannedApp[]>(usable?.apps ?? []);
  const failures = useRef<AppFailure[]>(usable?.failures ?? []);
  const [drawn, setDrawn] = useState(0);
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [meta, setMeta] = useState<ScanMeta | null>(usable);
  const [error, setError] = useState<LensError | null>(null);
  const controller = useRef<ScanController | null>(null);
  const run = useRef<{ refresh: boolean; startedAt: string; previous: ScannedApp[]; answered: ScannedApp[]; checked: Set<string> } | null>(null);
  const drawTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<ScanProgress | null>(null);
  // Saves run one after another, so a partial save can never land after the final one.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const lastSave = useRef(0);
  useEffect(() => () => void (drawTimer.current && clearTimeout(drawTimer.current)), []);

  const draw = () => {
    if (drawTimer.current) return;
    drawTimer.current = setTimeout(() => {
      drawTimer.current = null;
      setDrawn((d) => d + 1);
      setProgress(latest.current);
    }, DRAW_EVERY_MS);
  };
  /** A new phase shows at once (Cancel, Resume); counts ride on the next draw. */
  const onProgress = (p: ScanProgress) => {
    const phaseChanged = latest.current?.phase !== p.phase;
    latest.current = p;
    if (phaseChanged) setProgress(p);
    else draw();
  };

  function stored(end: Pick<ScanProgress, 'apps' | 'skipped' | 'checked' | 'failed'>, complete: boolean): StoredScan {
    const current = run.current!;
    const counts = !current.refresh || !meta
      ? { apps: end.apps, skipped: end.skipped, checked: end.checked, failed: end.failed }
      : { ...meta.counts, failed: end.failed };
    return {
      tenant: o.tenant, clientId: o.clientId, cloud: o.cloud, startedAt: current.startedAt, finishedAt: new Date(o.now()).toISOString(),
      complete: current.refresh ? meta?.complete ?? false : complete, counts, apps: apps.current, failures: failures.current,
    };
  }

  /** Storage serialises the scan (up to a few MB) on this thread: in a task of its own, never a draw's. */
  function save(scan: StoredScan): Promise<unknown> {
    lastSave.current = o.now();
    saving.current = saving.current
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => o.save(scan))
      .catch(() => undefined);
    return saving.current;
  }

  async function finish(end: ScanProgress): Promise<void> {
    if (end.phase === 'needsSignIn' && end.signIn) {
      // Listing service principals needs Application.Read.All: asked for now, by incremental consent.
      const result = await o.client.signIn(end.signIn.needsAppRead ? { grant: 'appRead' } : undefined);
      if (!result.ok) return setError(result.error);
      return finish(await controller.current!.run());
    }
    setProgress(end);
    if (end.phase === 'failed') setError(end.error ?? null);
    if (end.phase !== 'done' && end.phase !== 'cancelled') return;
    const current = run.current!;
    if (current.refresh) apps.current = mergeRefresh(current.previous, current.answered, failures.current, current.checked);
    draw();
    const scan = stored(end, end.phase === 'done');
    setMeta(scan);
    await save(scan);
  }

  /** A full scan, or (refresh) a re-check of the apps that had jobs, without listing the tenant. */
  function start(refresh: boolean) {
    setError(null);
    const previous = apps.current;
    const targets: ScanApp[] | undefined = refresh ? previous.map(({ jobs: _jobs, fetchedAt: _at, ...app }) => app) : undefined;
    const current = { refresh, startedAt: new Date(o.now()).toISOString(), previous, answered: [] as ScannedApp[], checked: new Set<string>() };
    run.current = current;
    lastSave.current = o.now();
    if (!refresh) apps.current = [];
    failures.current = [];
    draw();
    controller.current = createScanController({
      source: o.tenantClient,
      targets,
      onProgress,
      onChecked: (ids) => ids.forEach((id) => current.checked.add(id)),
      onApps: (found) => {
        current.answered.push(...found);
        // A refresh shows each answer at once, in place of what the last scan saw.
        apps.current = refresh ? mergeRefresh(previous, current.answered, [], new Set()) : current.answered.slice();
        draw();
        // A full scan's jobs so far, kept as a scan stopped before the end until it finishes.
        if (!refresh && latest.current && o.now() - lastSave.current >= SAVE_EVERY_MS) void save(stored(latest.current, false));
      },
      onFailures: (list) => {
        failures.current = failures.current.concat(list);
      },
    });
    void controller.current.run().then(finish);
  }

  return {
    apps: apps.current,
    failures: failures.current,
    /** Changes whenever the apps were redrawn. */
    drawn,
    progress,
    meta,
    error,
    running: progress?.phase === 'running' || progress?.phase === 'cancelling',
    canResume: controller.current !== null && (progress?.phase === 'cancelled' || progress?.phase === 'failed' || progress?.phase === 'needsSignIn'),
    start,
    resume() {
      setError(null);
      if (controller.current) void controller.current.run().then(finish);
    },
    cancel: () => controller.current?.cancel(),
    /** One app read again (its job view's Refresh): its rows follow; an app without jobs leaves. */
    updateApp(servicePrincipalId: string, jobs: unknown[], fetchedAt: string) {
      apps.current = apps.current.flatMap((app) => (app.id !== servicePrincipalId ? [app] : jobs.length > 0 ? [{ ...app, jobs, fetchedAt }] : []));
      draw();
    },
  };
}
