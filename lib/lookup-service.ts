/**
 * The background's one job: answer "what are the jobs of this service principal?". It owns the
 * short cache (repeat views and popup reopenings do not refetch) and folds identical requests in
 * flight into one Graph call.
 */
import { CLOUDS, graphScope, type CloudId } from './clouds';
import { AuthNeededError, type AuthBroker } from './auth/broker';
import { aadstsOf, explainSignInFailure } from './auth/sign-in-errors';
import type { AuthConfig } from './auth/types';
import { describeGraphFailure, inputError } from './errors';
import { createGraphClient, type GraphClient, type GraphResult } from './graph-client';
import { isGuid, isJobId } from './ids';
import type { JobLookup, JobQuery, LensError } from './protocol';
import { isConfigured, type Settings } from './settings';

export interface LookupDeps {
  getSettings(): Promise<Settings>;
  auth: AuthBroker;
  redirectUri: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long a successful answer is reused. */
  cacheMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_CACHE_MS = 60_000;

export function authConfigOf(settings: Settings, redirectUri: string): AuthConfig {
  return { clientId: settings.clientId, tenant: settings.tenant, cloud: settings.cloud, redirectUri };
}

/** A Graph client for the settings in force, its tokens from the broker: how every background service reads Graph. */
export function graphClientFor(
  settings: Settings,
  deps: { auth: AuthBroker; redirectUri: string; fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> },
): GraphClient {
  const config = authConfigOf(settings, deps.redirectUri);
  return createGraphClient({
    cloud: settings.cloud,
    version: settings.graphVersion,
    getToken: (scopes, forceRefresh) => deps.auth.token(config, scopes.map((scope) => graphScope(settings.cloud, scope)), forceRefresh),
    fetch: deps.fetch,
    sleep: deps.sleep,
  });
}

/** US Government and DoD share portal hosts, so a page's cloud matches by portal, not by id. */
function samePortal(a: CloudId, b: CloudId): boolean {
  return CLOUDS[a].portalHosts[0] === CLOUDS[b].portalHosts[0];
}

function validate(query: JobQuery): LensError | undefined {
  if (query.servicePrincipalId === undefined && query.appId === undefined)
    return inputError('No service principal to look up.', 'Enter a Service principal object ID, or paste a portal URL of an enterprise app.');
  if (query.servicePrincipalId !== undefined && !isGuid(query.servicePrincipalId))
    return inputError('That service principal object ID is not a GUID.', 'Copy the Object ID from the enterprise app\'s Overview page (not the Application ID).');
  if (query.appId !== undefined && !isGuid(query.appId))
    return inputError('That application ID is not a GUID.', 'Copy the Application ID from the enterprise app\'s Overview page.');
  if (query.jobId !== undefined && !isJobId(query.jobId))
    return inputError('That job ID does not look like a provisioning job ID.', 'Job IDs look like scim.0123abcd…; copy it from the Provisioning page, or leave it empty to list every job.');
  return undefined;
}

export function createLookupService(deps: LookupDeps) {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; answer: JobLookup }>();
  const inFlight = new Map<string, Promise<JobLookup>>();
  // Display names learned from lookups by application ID, so a later lookup of the same service
  // principal can name its app without a Graph request of its own. Memory only, like the cache.
  const names = new Map<string, string>();
  const named = (answer: JobLookup): JobLookup => {
    if (answer.kind !== 'jobs') return answer;
    if (answer.displayName) {
      names.set(answer.servicePrincipalId, answer.displayName);
      return answer;
    }
    const displayName = names.get(answer.servicePrincipalId);
    return displayName ? { ...answer, displayName } : answer;
  };

  async function fetchJobs(query: JobQuery, settings: Settings): Promise<JobLookup> {
    const config = authConfigOf(settings, deps.redirectUri);
    const graph = graphClientFor(settings, deps);
    try {
      let servicePrincipalId = query.servicePrincipalId?.toLowerCase();
      let displayName: string | undefined;
      if (servicePrincipalId === undefined) {
        const sp = await graph.getServicePrincipalByAppId(query.appId!);
        if (!sp.ok) return { kind: 'error', error: describeGraphFailure(sp.error, 'The service principal of that application ID') };
        servicePrincipalId = String(sp.data.id).toLowerCase();
        if (!isGuid(servicePrincipalId)) return { kind: 'error', error: inputError('Graph returned a service principal without a valid id.', 'Select Refresh.') };
        displayName = typeof sp.data.displayName === 'string' && sp.data.displayName.trim() ? sp.data.displayName : undefined;
      }
      const jobs: GraphResult<unknown[]> = query.jobId
        ? await graph.getJob(servicePrincipalId, query.jobId).then((r) => (r.ok ? { ...r, data: [r.data] } : r))
        : await graph.listJobs(servicePrincipalId);
      if (!jobs.ok) return { kind: 'error', error: describeGraphFailure(jobs.error, query.jobId ? 'The provisioning job' : 'The service principal') };
      return {
        kind: 'jobs',
        servicePrincipalId,
        appId: query.appId?.toLowerCase(),
        displayName,
        jobs: jobs.data,
        fetchedAt: new Date(now()).toISOString(),
      };
    } catch (error) {
      if (error instanceof AuthNeededError) return signInAnswer(error, deps, config, query.servicePrincipalId === undefined);
      throw error;
    }
  }

  return {
    async lookupJobs(query: JobQuery): Promise<JobLookup> {
      const settings = await deps.getSettings();
      if (!isConfigured(settings)) return { kind: 'notConfigured' };
      if (!samePortal(query.cloud, settings.cloud))
        return {
          kind: 'error',
          error: {
            kind: 'config',
            title: `This page belongs to the ${CLOUDS[query.cloud].label} cloud; Provisioning Lens is set up for ${CLOUDS[settings.cloud].label}.`,
            action: 'Open the settings and pick the cloud (and an app registration) of this tenant.',
          },
        };
      const invalid = validate(query);
      if (invalid) return { kind: 'error', error: invalid };
      const key = [settings.cloud, settings.graphVersion, settings.clientId, query.servicePrincipalId?.toLowerCase() ?? `app:${query.appId?.toLowerCase()}`, query.jobId ?? ''].join('|');
      const cached = cache.get(key);
      if (!query.fresh && cached && now() - cached.at < (deps.cacheMs ?? DEFAULT_CACHE_MS)) return named(cached.answer);
      const running = inFlight.get(key);
      if (running) return running.then(named);
      const request = fetchJobs(query, settings)
        .then((answer) => {
          if (answer.kind === 'jobs') cache.set(key, { at: now(), answer });
          else cache.delete(key);
          return answer;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request.then(named);
    },
    /** Forget everything (sign-out, settings change). */
    clear() {
      cache.clear();
      names.clear();
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;

async function signInAnswer(error: AuthNeededError, deps: LookupDeps, config: AuthConfig, byAppId: boolean): Promise<JobLookup> {
  const { failure } = error;
  if (failure.reason === 'signInRequired') {
    const account = await deps.auth.account(config).catch(() => null);
    // A lookup by app id needs Application.Read.All, asked for only now (incremental consent).
    return { kind: 'signedOut', expired: account !== null, ...(byAppId ? { needsAppRead: true } : {}) };
  }
  // A token renewal Entra refused with a number (a removed app, a Conditional Access change) says what it means.
  if (aadstsOf(failure)) return { kind: 'error', error: explainSignInFailure(failure, config) };
  return {
    kind: 'error',
    error: {
      kind: 'auth',
      title: 'Signing in to Microsoft failed.',
      action: 'Check the Application (client) ID, Directory (tenant) ID and cloud in the settings, then sign in again.',
      code: failure.errorCode,
      detail: failure.description,
    },
  };
}
