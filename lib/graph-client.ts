/**
 * A small Microsoft Graph client for the synchronization endpoints. Every outcome is a value:
 * success with the parsed body, or a GraphFailure carrying what support needs (status, Graph code,
 * message, request-id, client-request-id). Throttling is honoured, with a bounded number of retries.
 */
import { GRANTS, SYNC_SCOPE } from './auth/grants';
import type { SynchronizationJob, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { CLOUDS, type CloudId } from './clouds';
import { BATCH_PATH, jobActionPath, jobPath, jobsPath, servicePrincipalByAppIdPath, SERVICE_PRINCIPALS_LIST_PATH, servicePrincipalsNextLink } from './graph-paths';
import { restartBody } from './actions/body';
import type { JobAction } from './actions/types';
import { asLogPage, fetchFailureRecords, type FailureRecords } from './logs/fetch-records';

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphFailure {
  kind: 'http' | 'network' | 'timeout' | 'invalidResponse';
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
  clientRequestId: string;
  /** Seconds Graph asked us to wait, when it said so and we gave up waiting. */
  retryAfterSeconds?: number;
  /** Requests made for this call, retries included. */
  attempts: number;
}

export type GraphResult<T> =
  | { ok: true; data: T; requestId?: string; clientRequestId: string; attempts: number }
  | { ok: false; error: GraphFailure };

export interface GraphClientOptions {
  cloud: CloudId;
  version?: GraphVersion;
  /** Bearer token for the given scopes; forceRefresh skips the cached one. Rejections propagate untouched. */
  getToken: (scopes: readonly string[], forceRefresh?: boolean) => Promise<string>;
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429/503/504 only. */
  maxRetries?: number;
  /** Longest single wait we accept from Retry-After before giving up and telling the admin. */
  maxRetryWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  newClientRequestId?: () => string;
}

const RETRYABLE = new Set([429, 503, 504]);
export { SYNC_SCOPE };
export const APP_SCOPE = GRANTS.appRead[0];
/** Job actions write: their own permission, asked for on first use (lib/auth/grants.ts). */
export const ACTION_SCOPE = GRANTS.actions[0];

/**
 * A POST. A job action is a write: retried only when Graph refused it before acting (429 after
 * Retry-After, and a 401 InvalidAuthenticationToken once with a renewed token), never after a
 * timeout, a dropped connection or a 5xx, since those may have reached the service and a second
 * restart is a second cycle; its 204 has nothing to read. A JSON batch of GETs is a read in a POST:
 * retried like a GET, and its answer is read.
 */
interface WriteRequest {
  method: 'POST';
  body?: string;
  retryable: ReadonlySet<number>;
  /** The 2xx answer carries JSON to read (a batch); a job action's 204 does not. */
  readsAnswer?: boolean;
}
const WRITE_RETRYABLE: ReadonlySet<number> = new Set([429]);

export interface GraphClient {
  /** All jobs of a service principal (`{value: [...]}` unwrapped). */
  listJobs(servicePrincipalId: string): Promise<GraphResult<SynchronizationJob[]>>;
  /** One job by id. */
  getJob(servicePrincipalId: string, jobId: string): Promise<GraphResult<SynchronizationJob>>;
  /** Resolve an application (client) id to its service principal; needs Application.Read.All. */
  getServicePrincipalByAppId(appId: string): Promise<GraphResult<ServicePrincipal>>;
  /**
   * POST restart, start or pause; Graph answers 204. `clientRequestId` is the confirmation's
   * idempotency key, so Graph's logs and the local history name the same request.
   */
  runJobAction(servicePrincipalId: string, jobId: string, action: JobAction, clientRequestId?: string): Promise<GraphResult<null>>;
  /**
   * One job's failures in the provisioning logs since `since` (ISO), newest first: at most 3 pages
   * and 1,000 records (lib/logs/fetch-records.ts). Needs AuditLog.Read.All and Directory.Read.All.
   */
  listProvisioningFailures(jobId: string, since: string): Promise<GraphResult<FailureRecords>>;
  /**
   * One page of the tenant's service principals (the tenant scan); `nextLink` is the previous page's
   * @odata.nextLink, followed only on this Graph host and path. Needs Application.Read.All.
   */
  listServicePrincipals(nextLink?: string): Promise<GraphResult<{ value: unknown[]; nextLink?: string }>>;
  /** One JSON batch (≤ 20 requests): the envelope's `responses`, unread; lib/tenant/batch.ts reads them. */
  batch(requests: readonly BatchRequest[]): Promise<GraphResult<unknown[]>>;
}

/** An inner request of a JSON batch: a relative URL from lib/graph-paths.ts. */
export interface BatchRequest {
  id: string;
  method: 'GET';
  url: string;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = `${CLOUDS[options.cloud].graph}/${options.version ?? 'v1.0'}`;
  const request = <T>(path: string, scopes: readonly string[], check: (body: unknown) => T | undefined, write?: WriteRequest, clientRequestId?: string) =>
    requestWithRetries(base + path, scopes, check, clientRequestId ? { ...options, newClientRequestId: () => clientRequestId } : options, write);
  return {
    listJobs: async (spId) =>
      request(jobsPath(spId), [SYNC_SCOPE], (body) => {
        const value = (body as { value?: unknown } | null)?.value;
        return Array.isArray(value) ? (value as SynchronizationJob[]) : undefined;
      }),
    getJob: async (spId, jobId) => request(jobPath(spId, jobId), [SYNC_SCOPE], asObject<SynchronizationJob>),
    getServicePrincipalByAppId: async (appId) =>
      request(servicePrincipalByAppIdPath(appId), [APP_SCOPE], (body) => {
        const sp = asObject<ServicePrincipal>(body);
        return typeof sp?.id === 'string' ? sp : undefined;
      }),
    runJobAction: async (spId, jobId, action, clientRequestId) => {
      // Paths and body first: an invalid id or a forbidden scope throws before any token or request.
      const path = jobActionPath(spId, jobId, action.kind);
      const body = action.kind === 'restart' ? restartBody(action.scope) : undefined;
      return request(path, [ACTION_SCOPE], () => null, { method: 'POST', body, retryable: WRITE_RETRYABLE }, clientRequestId);
    },
    listProvisioningFailures: async (jobId, since) =>
      fetchFailureRecords((url) => requestWithRetries(url, GRANTS.logs, asLogPage, options), base, jobId, since),
    listServicePrincipals: async (nextLink) => {
      const next = nextLink === undefined ? SERVICE_PRINCIPALS_LIST_PATH : servicePrincipalsNextLink(nextLink, base);
      if (next === null) return { ok: false, error: { kind: 'invalidResponse', message: 'Graph\'s next page link points elsewhere', clientRequestId: '', attempts: 0 } };
      return request(next, [APP_SCOPE], (body) => {
        const page = asObject<{ value?: unknown; '@odata.nextLink'?: unknown }>(body);
        if (!Array.isArray(page?.value)) return undefined;
        const link = page['@odata.nextLink'];
        return { value: page.value, ...(typeof link === 'string' ? { nextLink: link } : {}) };
      });
    },
    batch: async (requests) =>
      request(BATCH_PATH, [SYNC_SCOPE], (body) => {
        const responses = asObject<{ responses?: unknown }>(body)?.responses;
        return Array.isArray(responses) ? responses : undefined;
      }, { method: 'POST', body: JSON.stringify({ requests }), retryable: RETRYABLE, readsAnswer: true }),
  };
}

function asObject<T>(body: unknown): T | undefined {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as T) : undefined;
}

async function requestWithRetries<T>(
  url: string,
  scopes: readonly string[],
  check: (body: unknown) => T | undefined,
  options: GraphClientOptions,
  write?: WriteRequest,
): Promise<GraphResult<T>> {
  const maxRetries = options.maxRetries ?? 2;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clientRequestId = (options.newClientRequestId ?? (() => crypto.randomUUID()))();
  let token = await options.getToken(scopes);
  let renewed = false;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(url, token, clientRequestId, options, write);
    if (outcome.kind === 'response') {
      const { response } = outcome;
      const requestId = response.headers.get('request-id') || undefined;
      if (response.ok && write && !write.readsAnswer) {
        // Graph answers a write with 204 No Content: any 2xx means it was accepted; nothing to parse.
        await response.body?.cancel().catch(() => {});
        return { ok: true, data: check(null) as T, requestId, clientRequestId, attempts: attempt };
      }
      if (response.ok) return parseSuccess(response, check, requestId, clientRequestId, attempt);
      // A token Graph no longer accepts (revoked, clock skew) is renewed once, never more.
      if (response.status === 401 && !renewed && (await graphCode(response)) === 'InvalidAuthenticationToken') {
        renewed = true;
        token = await options.getToken(scopes, true);
        continue;
      }
      const wait = retryDelayMs(response, attempt);
      const canRetry = (write?.retryable ?? RETRYABLE).has(response.status) && attempt <= maxRetries;
      if (canRetry && wait <= (options.maxRetryWaitMs ?? 10_000)) {
        await response.body?.cancel().catch(() => {});
        await sleep(wait);
        continue;
      }
      return { ok: false, error: await httpFailure(response, clientRequestId, attempt, wait) };
    }
    return { ok: false, error: { kind: outcome.kind, message: outcome.message, clientRequestId, attempts: attempt } };
  }
}

type Attempt = { kind: 'response'; response: Response } | { kind: 'network' | 'timeout'; message: string };

async function attemptOnce(url: string, token: string, clientRequestId: string, options: GraphClientOptions, write?: WriteRequest): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      ...(write ? { method: write.method, ...(write.body === undefined ? {} : { body: write.body }) } : {}),
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'client-request-id': clientRequestId,
        ...(write?.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    return { kind: 'response', response };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', message: 'Graph did not answer in time' };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After in seconds (may be fractional); exponential backoff when it is absent. */
function retryDelayMs(response: Response, attempt: number): number {
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  return 1000 * 2 ** (attempt - 1);
}

async function parseSuccess<T>(
  response: Response,
  check: (body: unknown) => T | undefined,
  requestId: string | undefined,
  clientRequestId: string,
  attempts: number,
): Promise<GraphResult<T>> {
  const body = await readJson(response);
  const data = body.ok ? check(body.value) : undefined;
  if (data === undefined) {
    const message = body.ok ? 'Graph answered with an unexpected shape' : 'Graph answered with something that is not JSON';
    return { ok: false, error: { kind: 'invalidResponse', status: response.status, message, requestId, clientRequestId, attempts } };
  }
  return { ok: true, data, requestId, clientRequestId, attempts };
}

async function httpFailure(response: Response, clientRequestId: string, attempts: number, waitMs: number): Promise<GraphFailure> {
  const body = await readJson(response);
  const error = body.ok ? (body.value as { error?: Record<string, unknown> } | null)?.error : undefined;
  const inner = (error?.innerError ?? error?.innererror) as Record<string, unknown> | undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    kind: 'http',
    status: response.status,
    code: text(error?.code),
    message: text(error?.message),
    requestId: text(response.headers.get('request-id')) ?? text(inner?.['request-id']),
    clientRequestId: text(response.headers.get('client-request-id')) ?? clientRequestId,
    retryAfterSeconds: RETRYABLE.has(response.status) ? Math.ceil(waitMs / 1000) : undefined,
    attempts,
  };
}

async function graphCode(response: Response): Promise<string | undefined> {
  const body = await readJson(response.clone());
  const code = body.ok ? (body.value as { error?: { code?: unknown } } | null)?.error?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await response.text()) };
  } catch {
    return { ok: false };
  }
}
