/**
 * The background's half of a tenant scan: one page of service principals, or the jobs of up to 20
 * of them through one $batch. The page drives the scan (lib/tenant/scan.ts) and asks here for each
 * step, so the token never leaves the worker.
 */
import { AuthNeededError, type AuthBroker } from '../auth/broker';
import { describeGraphFailure } from '../errors';
import type { GraphClient } from '../graph-client';
import { MAX_BATCH_REQUESTS } from '../graph-paths';
import { normalizeGuid } from '../ids';
import { obj, text } from '../json-fields';
import { authConfigOf, graphClientFor } from '../lookup-service';
import { isConfigured, type Settings } from '../settings';
import { fetchJobsBatch, type BatchOptions } from './batch';
import type { JobsCheck, ScanApp, ScanAuthAnswer, ServicePrincipalPage } from './types';

export interface TenantServiceDeps {
  getSettings(): Promise<Settings>;
  auth: AuthBroker;
  redirectUri: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  batch?: BatchOptions;
}

/** A listed service principal rebuilt from known fields; null for anything without a usable id. */
export function toScanApp(value: unknown): ScanApp | null {
  const sp = obj(value);
  const id = normalizeGuid(sp?.id);
  if (!sp || !id) return null;
  const template = normalizeGuid(sp.applicationTemplateId);
  return { id, appId: normalizeGuid(sp.appId) ?? '', displayName: text(sp.displayName).slice(0, 256), ...(template ? { applicationTemplateId: template } : {}) };
}

export function createTenantService(deps: TenantServiceDeps) {
  async function withGraph<T>(work: (graph: GraphClient) => Promise<T | ScanAuthAnswer>, byAppRead: boolean): Promise<T | ScanAuthAnswer> {
    const settings = await deps.getSettings();
    if (!isConfigured(settings)) return { kind: 'notConfigured' };
    const config = authConfigOf(settings, deps.redirectUri);
    const graph = graphClientFor(settings, deps);
    try {
      return await work(graph);
    } catch (error) {
      if (!(error instanceof AuthNeededError)) throw error;
      if (error.failure.reason !== 'signInRequired')
        return { kind: 'error', error: { kind: 'auth', title: 'Signing in to Microsoft failed.', action: 'Check the settings, then sign in again.', code: error.failure.errorCode, detail: error.failure.description } };
      const account = await deps.auth.account(config).catch(() => null);
      // Listing service principals needs Application.Read.All, asked for when the admin first scans.
      return { kind: 'signedOut', expired: account !== null, ...(byAppRead ? { needsAppRead: true } : {}) };
    }
  }

  return {
    /** The first page (no cursor) or the one after `cursor` (the previous page's next). */
    listServicePrincipals(cursor?: string): Promise<ServicePrincipalPage> {
      return withGraph(async (graph): Promise<ServicePrincipalPage> => {
        const page = await graph.listServicePrincipals(cursor);
        if (!page.ok) return { kind: 'error', error: describeGraphFailure(page.error, 'The list of service principals') };
        const apps: ScanApp[] = [];
        let skipped = 0;
        for (const item of page.data.value) {
          // Managed identities have no provisioning (tenant-scan.md): not worth a request each.
          if (obj(item)?.servicePrincipalType === 'ManagedIdentity') skipped += 1;
          else {
            const app = toScanApp(item);
            if (app) apps.push(app);
          }
        }
        return { kind: 'page', apps, skipped, ...(page.data.nextLink ? { next: page.data.nextLink } : {}) };
      }, true);
    },
    /** The jobs of up to 20 service principals, one $batch with its retries. */
    checkJobs(servicePrincipalIds: readonly string[]): Promise<JobsCheck> {
      return withGraph(async (graph): Promise<JobsCheck> => {
        const report = await fetchJobsBatch(servicePrincipalIds.slice(0, MAX_BATCH_REQUESTS), (requests) => graph.batch(requests), { sleep: deps.sleep, deferThrottled: true, ...deps.batch });
        return {
          kind: 'checked',
          results: [...report.outcomes].map(([servicePrincipalId, outcome]) => ({ servicePrincipalId, outcome })),
          fetchedAt: new Date((deps.now ?? Date.now)()).toISOString(),
          requests: report.requests,
          throttled: report.throttled,
        };
      }, false);
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;
