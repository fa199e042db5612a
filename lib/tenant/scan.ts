/**
 * The tenant scan as a controller: list every service principal page by page, and as soon as 20
 * are waiting, ask for their jobs in one batch, a few batches in flight at most. Results stream out
 * through `onApps` as they arrive; apps without jobs leave only a count behind (memory stays bounded
 * by the apps that have jobs). Cancel stops asking (answers already on their way are kept); resume
 * goes on from the same page and queue. Pure of browser APIs: the page passes the source.
 */
import { MAX_BATCH_REQUESTS } from '../graph-paths';
import type { LensError } from '../protocol';
import { jobHealth } from '../job/health';
import type { AppFailure, JobsCheck, ScanApp, ScannedApp, ServicePrincipalPage } from './types';

export interface ScanSource {
  listServicePrincipals(cursor?: string): Promise<ServicePrincipalPage>;
  checkJobs(servicePrincipalIds: string[]): Promise<JobsCheck>;
}

export type ScanPhase = 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'failed' | 'needsSignIn';

export interface ScanProgress {
  phase: ScanPhase;
  /** Whether the list of service principals has been read to its end (a refresh starts with it read). */
  listed: boolean;
  /** Service principals listed so far, managed identities not counted. */
  apps: number;
  /** Managed identities skipped. */
  skipped: number;
  checked: number;
  /** Apps with at least one job, and the jobs they have. */
  appsWithJobs: number;
  jobs: number;
  quarantined: number;
  failed: number;
  /** $batch requests (retries included), list pages, inner 429s. */
  batches: number;
  pages: number;
  throttled: number;
  /** Time spent running (pauses excluded), apps checked per second, and ms left at that rate (null: unknown yet). */
  elapsedMs: number;
  rate: number;
  etaMs: number | null;
  error?: LensError;
  /** Sign-in needed; needsAppRead: it is the Application.Read.All consent. */
  signIn?: { needsAppRead: boolean; expired: boolean };
}

export interface ScanOptions {
  source: ScanSource;
  /** Batches in flight at once: a handful leaves the tenant's Graph budget room for the portal. */
  concurrency?: number;
  now?: () => number;
  onProgress?: (progress: ScanProgress) => void;
  onApps?: (apps: ScannedApp[]) => void;
  onFailures?: (failures: AppFailure[]) => void;
  /** Every app checked by a batch (with jobs, without, or failed): a refresh drops those that lost their jobs. */
  onChecked?: (servicePrincipalIds: string[]) => void;
  /** Given: check only these apps (Refresh known jobs), no listing. */
  targets?: readonly ScanApp[];
}

export const DEFAULT_CONCURRENCY = 4;
/** Times one app may come back throttled before it is recorded as not readable. */
export const MAX_THROTTLED_RETRIES = 4;

export function createScanController(options: ScanOptions) {
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, 8));
  const queue: ScanApp[] = options.targets ? [...options.targets] : [];
  let cursor: string | undefined;
  let listDone = options.targets !== undefined;
  let listing = false;
  let inFlight = 0;
  let stopRequested = false;
  let runningSince: number | null = null;
  let spentMs = 0;
  let wake: (() => void) | null = null;
  /** Apps Graph throttled, each back in line once its Retry-After has passed. */
  const deferred: { app: ScanApp; readyAt: number }[] = [];
  const throttledTimes = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<ScanProgress> | null = null;
  const progress: ScanProgress = {
    phase: 'idle', listed: listDone, apps: queue.length, skipped: 0, checked: 0, appsWithJobs: 0, jobs: 0, quarantined: 0,
    failed: 0, batches: 0, pages: 0, throttled: 0, elapsedMs: 0, rate: 0, etaMs: null,
  };

  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  function emit() {
    progress.elapsedMs = spentMs + (runningSince === null ? 0 : now() - runningSince);
    progress.rate = progress.elapsedMs > 0 ? (progress.checked * 1000) / progress.elapsedMs : 0;
    const left = progress.apps - progress.checked;
    // Unknown until the list is read: the total is not known before.
    progress.etaMs = progress.listed && progress.rate > 0 ? Math.round((left / progress.rate) * 1000) : progress.listed && left === 0 ? 0 : null;
    options.onProgress?.({ ...progress });
  }

  /** A stop the admin did not ask for: the scan waits, resumable, with what it needs said. */
  function halt(answer: Exclude<ServicePrincipalPage, { kind: 'page' }>) {
    stopRequested = true;
    if (answer.kind === 'signedOut') {
      progress.phase = 'needsSignIn';
      progress.signIn = { needsAppRead: answer.needsAppRead === true, expired: answer.expired === true };
    } else if (answer.kind === 'notConfigured') {
      progress.phase = 'failed';
      progress.error = { kind: 'config', title: 'Provisioning Lens is not set up yet.', action: 'Open the settings and enter your app registration.' };
    } else {
      progress.phase = 'failed';
      progress.error = answer.error;
    }
  }

  async function listNext() {
    listing = true;
    try {
      const page = await options.source.listServicePrincipals(cursor);
      if (page.kind !== 'page') return halt(page);
      progress.pages += 1;
      queue.push(...page.apps);
      progress.apps += page.apps.length;
      progress.skipped += page.skipped;
      cursor = page.next;
      if (!cursor) listDone = progress.listed = true;
    } finally {
      listing = false;
      emit();
      signal();
    }
  }

  async function check(apps: ScanApp[]) {
    inFlight += 1;
    try {
      const answer = await options.source.checkJobs(apps.map((app) => app.id));
      if (answer.kind !== 'checked') {
        queue.unshift(...apps); // not checked: first in line when the scan goes on
        return halt(answer);
      }
      progress.batches += answer.requests;
      progress.throttled += answer.throttled;
      const byId = new Map(apps.map((app) => [app.id, app]));
      const found: ScannedApp[] = [];
      const failures: AppFailure[] = [];
      const checked: string[] = [];
      for (const { servicePrincipalId, outcome } of answer.results) {
        const app = byId.get(servicePrincipalId);
        if (!app) continue;
        byId.delete(servicePrincipalId);
        const times = throttledTimes.get(servicePrincipalId) ?? 0;
        if (!outcome.ok && outcome.retryAfterMs !== undefined && times < MAX_THROTTLED_RETRIES) {
          throttledTimes.set(servicePrincipalId, times + 1);
          deferred.push({ app, readyAt: now() + outcome.retryAfterMs });
          continue;
        }
        progress.checked += 1;
        checked.push(servicePrincipalId);
        if (!outcome.ok) {
          progress.failed += 1;
          failures.push({ servicePrincipalId, displayName: app.displayName, status: outcome.status, ...(outcome.code ? { code: outcome.code } : {}) });
        } else if (outcome.jobs.length > 0) {
          progress.appsWithJobs += 1;
          progress.jobs += outcome.jobs.length;
          progress.quarantined += outcome.jobs.filter((job) => jobHealth(job) === 'quarantined').length;
          found.push({ ...app, jobs: outcome.jobs, fetchedAt: answer.fetchedAt });
        }
      }
      queue.unshift(...byId.values()); // left unanswered: asked again later
      if (checked.length > 0) options.onChecked?.(checked);
      if (found.length > 0) options.onApps?.(found);
      if (failures.length > 0) options.onFailures?.(failures);
    } finally {
      inFlight -= 1;
      emit();
      signal();
    }
  }

  async function loop(): Promise<ScanProgress> {
    stopRequested = false;
    delete progress.error;
    delete progress.signIn;
    progress.phase = 'running';
    runningSince = now();
    emit();
    for (;;) {
      // Throttled apps whose wait is over go first in line; the next one due wakes the loop.
      const due = now();
      for (let i = deferred.length - 1; i >= 0; i--) if (deferred[i]!.readyAt <= due) queue.unshift(deferred.splice(i, 1)[0]!.app);
      if (deferred.length > 0 && !timer && !stopRequested) {
        const next = Math.min(...deferred.map((d) => d.readyAt));
        timer = setTimeout(() => {
          timer = null;
          signal();
        }, Math.max(0, next - due));
      }
      if (!stopRequested) {
        // Start listing first: its pages feed the batches. Then fill the batch slots.
        if (!listDone && !listing) void listNext();
        while (inFlight < concurrency && (queue.length >= MAX_BATCH_REQUESTS || (listDone && queue.length > 0)))
          void check(queue.splice(0, MAX_BATCH_REQUESTS));
      }
      const idle = !listing && inFlight === 0;
      if (idle && (stopRequested || (listDone && queue.length === 0 && deferred.length === 0))) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (timer) clearTimeout(timer);
    timer = null;
    spentMs += now() - (runningSince ?? now());
    runningSince = null;
    // Read again: cancel() and halt() change it while the loop waits.
    const phase = progress.phase as ScanPhase;
    if (phase === 'cancelling') progress.phase = 'cancelled';
    else if (phase === 'running') progress.phase = 'done';
    emit();
    return { ...progress };
  }

  return {
    /** Starts the scan, or goes on with it after cancel or a stop (sign-in, failure). Resolves when it stops. */
    run(): Promise<ScanProgress> {
      if (running) return running;
      if (progress.phase === 'done') return Promise.resolve({ ...progress });
      running = loop().finally(() => (running = null));
      return running;
    },
    /** Asks nothing more; answers on their way still count. */
    cancel() {
      if (!running) return;
      stopRequested = true;
      progress.phase = 'cancelling';
      emit();
      signal();
    },
    get progress(): ScanProgress {
      return { ...progress };
    },
  };
}

export type ScanController = ReturnType<typeof createScanController>;
