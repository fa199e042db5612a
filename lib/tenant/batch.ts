/**
 * Jobs of many service principals through Graph JSON batching (tenant-scan.md). The envelope is 200
 * whenever it parses, so every inner response is read on its own: matched by id (they come back in
 * any order), an inner 429 waits its own Retry-After and only the throttled requests go again, and an
 * inner 401/403/404 or a body that is not a job list is recorded for that app while the rest go on.
 * Never retries without a wait, and never more than a bounded number of times.
 */
import type { BatchRequest, GraphFailure, GraphResult } from '../graph-client';
import { jobsPath, MAX_BATCH_REQUESTS } from '../graph-paths';
import { obj, text } from '../json-fields';

/** What one app's jobs request came to. */
export type JobsOutcome =
  | { ok: true; jobs: unknown[] }
  | {
      ok: false;
      status: number;
      code?: string;
      message?: string;
      /** Throttled, and not retried here (deferThrottled): ask again after this many ms. */
      retryAfterMs?: number;
    };

export interface BatchOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Rounds of re-batching throttled (or unanswered) inner requests after the first. */
  maxInnerRetries?: number;
  /** Retries of a whole batch that failed (network, timeout, 5xx, an envelope that is not one). */
  maxBatchRetries?: number;
  /** A Retry-After longer than this is not waited out: the app is recorded as throttled instead. */
  maxWaitMs?: number;
  /**
   * Hand throttled apps back with their Retry-After instead of waiting here. The tenant scan sets it:
   * a batch slot that waits a second for one throttled app would idle the other 19; the scan puts the
   * app back in line for a later batch once its wait is over.
   */
  deferThrottled?: boolean;
}

export interface BatchReport {
  /** Per service principal id, in the order asked. */
  outcomes: Map<string, JobsOutcome>;
  /** $batch requests sent (retries included). */
  requests: number;
  /** Inner responses that were 429. */
  throttled: number;
}

/** Inner statuses worth another try after a wait; everything else is the app's answer. */
const RETRYABLE = new Set([429, 503, 504]);

/** Retry-After of an inner response, in ms (fractional seconds allowed); backoff when absent or unreadable. */
export function innerRetryAfterMs(headers: unknown, round: number): number {
  const h = obj(headers);
  const raw = h ? Object.entries(h).find(([key]) => key.toLowerCase() === 'retry-after')?.[1] : undefined;
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds * 1000);
  return 1000 * 2 ** round;
}

function innerFailure(status: number, body: unknown): JobsOutcome {
  const error = obj(obj(body)?.error);
  const code = text(error?.code) || undefined;
  const message = text(error?.message) || undefined;
  return { ok: false, status, ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

function batchFailure(error: GraphFailure): JobsOutcome {
  return { ok: false, status: error.status ?? 0, code: error.code ?? error.kind, ...(error.message ? { message: error.message } : {}) };
}

/**
 * The jobs of up to 20 service principals, one $batch (plus retries). Ids that are not GUIDs are
 * recorded as 400 without being sent: paths come from lib/graph-paths.ts only.
 */
export async function fetchJobsBatch(
  servicePrincipalIds: readonly string[],
  send: (requests: readonly BatchRequest[]) => Promise<GraphResult<unknown[]>>,
  options: BatchOptions = {},
): Promise<BatchReport> {
  if (servicePrincipalIds.length > MAX_BATCH_REQUESTS) throw new RangeError(`A batch holds at most ${MAX_BATCH_REQUESTS} requests`);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxInnerRetries = options.maxInnerRetries ?? 4;
  const maxBatchRetries = options.maxBatchRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const outcomes = new Map<string, JobsOutcome>();
  const report: BatchReport = { outcomes, requests: 0, throttled: 0 };

  // Inner ids are positions in this call's list: unique, short, and never an id from Graph.
  let pending: { id: string; spId: string; url: string }[] = [];
  servicePrincipalIds.forEach((spId, index) => {
    try {
      pending.push({ id: String(index + 1), spId, url: jobsPath(spId) });
    } catch {
      outcomes.set(spId, { ok: false, status: 400, code: 'InvalidId' });
    }
  });

  let innerRound = 0;
  let batchFailures = 0;
  while (pending.length > 0) {
    report.requests += 1;
    const answer = await send(pending.map(({ id, url }) => ({ id, method: 'GET', url })));
    if (!answer.ok) {
      batchFailures += 1;
      if (batchFailures > maxBatchRetries) {
        for (const p of pending) outcomes.set(p.spId, batchFailure(answer.error));
        break;
      }
      const asked = answer.error.retryAfterSeconds;
      await sleep(asked && asked > 0 ? asked * 1000 : 1000 * 2 ** (batchFailures - 1));
      continue;
    }
    const byId = new Map<string, Record<string, unknown>>();
    for (const item of answer.data) {
      const response = obj(item);
      if (response && typeof response.id === 'string') byId.set(response.id, response);
    }
    const again: typeof pending = [];
    let waitMs = 0;
    for (const p of pending) {
      const response = byId.get(p.id);
      const status = typeof response?.status === 'number' ? response.status : NaN;
      if (!response || !Number.isInteger(status)) {
        // Graph left it out or mangled its status: ask again, after a wait like any retry.
        again.push(p);
        waitMs = Math.max(waitMs, 1000 * 2 ** innerRound);
        continue;
      }
      if (status >= 200 && status < 300) {
        const value = obj(response.body)?.value;
        outcomes.set(p.spId, Array.isArray(value) ? { ok: true, jobs: value } : { ok: false, status, code: 'invalidResponse', message: 'Graph answered with an unexpected shape' });
        continue;
      }
      if (status === 429) report.throttled += 1;
      if (RETRYABLE.has(status)) {
        const wait = innerRetryAfterMs(response.headers, innerRound);
        if (wait <= maxWaitMs && options.deferThrottled) {
          outcomes.set(p.spId, { ...innerFailure(status, response.body), retryAfterMs: wait } as JobsOutcome);
          continue;
        }
        if (wait <= maxWaitMs) {
          again.push(p);
          waitMs = Math.max(waitMs, wait);
          continue;
        }
      }
      outcomes.set(p.spId, innerFailure(status, response.body));
    }
    if (again.length === 0) break;
    innerRound += 1;
    if (innerRound > maxInnerRetries) {
      for (const p of again) outcomes.set(p.spId, { ok: false, status: 429, code: 'TooManyRequests', message: 'Graph kept throttling this request' });
      break;
    }
    // The longest wait any of them asked for: one round for all of them.
    await sleep(waitMs);
    pending = again;
  }
  // In the order asked, whatever order Graph answered in.
  report.outcomes = new Map(servicePrincipalIds.map((id) => [id, outcomes.get(id) ?? { ok: false, status: 0, code: 'unanswered' }]));
  return report;
}
