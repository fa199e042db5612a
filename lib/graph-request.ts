/**
 * One Graph request with its retries, timeout and failure reading: what every Graph call shares.
 * Outcomes are values (GraphResult), never thrown errors, so a failure reaches the admin with the
 * ids support asks for. lib/graph-client.ts builds the typed calls on top.
 */
import type { CloudId } from './clouds';

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

export const RETRYABLE: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * A POST. A job action is a write: retried only when Graph refused it before acting (429 after
 * Retry-After, and a 401 InvalidAuthenticationToken once with a renewed token), never after a
 * timeout, a dropped connection or a 5xx, since those may have reached the service and a second
 * restart is a second cycle; its 204 has nothing to read. A JSON batch of GETs is a read in a POST:
 * retried like a GET, and its answer is read.
 */
export interface WriteRequest {
  method: 'POST';
  body?: string;
  retryable: ReadonlySet<number>;
  /** The 2xx answer carries JSON to read (a batch); a job action's 204 does not. */
  readsAnswer?: boolean;
}
export const WRITE_RETRYABLE: ReadonlySet<number> = new Set([429]);

export function asObject<T>(body: unknown): T | undefined {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as T) : undefined;
}

export async function requestWithRetries<T>(
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
