/**
 * The typed Microsoft Graph calls the extension makes: jobs, a service principal by app id, job
 * actions, provisioning logs, the tenant scan's list and batches. Paths come from lib/graph-paths.ts
 * (validated ids only); retries, timeouts and failures are lib/graph-request.ts's.
 */
import { GRANTS, SYNC_SCOPE } from './auth/grants';
import type { SynchronizationJob, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { CLOUDS } from './clouds';
import { BATCH_PATH, jobActionPath, jobPath, jobsPath, servicePrincipalByAppIdPath, SERVICE_PRINCIPALS_LIST_PATH, servicePrincipalsNextLink } from './graph-paths';
import { restartBody } from './actions/body';
import type { JobAction } from './actions/types';
import { asLogPage, fetchFailureRecords, type FailureRecords } from './logs/fetch-records';
import { asObject, requestWithRetries, RETRYABLE, WRITE_RETRYABLE, type GraphClientOptions, type GraphResult, type WriteRequest } from './graph-request';

export type { GraphClientOptions, GraphFailure, GraphResult, GraphVersion } from './graph-request';

export { SYNC_SCOPE };
export const APP_SCOPE = GRANTS.appRead[0];
/** Job actions write: their own permission, asked for on first use (lib/auth/grants.ts). */
export const ACTION_SCOPE = GRANTS.actions[0];

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
