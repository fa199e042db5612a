/**
 * The background's answer to "what failed in this job lately?": one logs query per view, cached
 * like jobs (a reopened popup asks Graph nothing), identical requests in flight folded into one.
 * No request at all where the logs are not offered (China) or the permissions are not granted yet.
 */
import { AuthNeededError, type AuthBroker } from '../auth/broker';
import { CLOUDS } from '../clouds';
import { inputError } from '../errors';
import { isJobId } from '../ids';
import { authConfigOf, DEFAULT_CACHE_MS, graphClientFor } from '../lookup-service';
import { isConfigured, type Settings } from '../settings';
import { digestFailures } from './digest';
import { memoryGrantMemory, type GrantMemory } from './grant-memory';
import { describeLogsFailure } from './errors';
import { LOGS_DAYS, sinceIso } from './query';
import { createReportsThrottle, throttledFetch } from './throttle';
import type { FailuresLookup, FailuresQuery } from './types';

export interface FailuresDeps {
  getSettings(): Promise<Settings>;
  auth: AuthBroker;
  redirectUri: string;
  fetch?: typeof fetch;
  now?: () => number;
  cacheMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Which registrations have the logs permissions (lib/logs/grant-memory.ts); default: this worker's memory. */
  granted?: GrantMemory;
}

export function createFailuresService(deps: FailuresDeps) {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; answer: FailuresLookup }>();
  const inFlight = new Map<string, Promise<FailuresLookup>>();
  const granted = deps.granted ?? memoryGrantMemory();
  // One throttle for every logs request of this worker (one registration at a time).
  const throttle = createReportsThrottle({ now, sleep: deps.sleep });
  const logsFetch = throttledFetch(throttle, deps.fetch);

  async function fetchFailures(query: FailuresQuery, settings: Settings): Promise<FailuresLookup> {
    const config = authConfigOf(settings, deps.redirectUri);
    const registration = grantKey(settings);
    if (query.auto && !(await granted.has(registration))) return { kind: 'notGranted' };
    const graph = graphClientFor(settings, { ...deps, fetch: logsFetch });
    const started = now();
    try {
      const result = await graph.listProvisioningFailures(query.jobId, sinceIso(started));
      if (!result.ok) {
        const described = describeLogsFailure(result.error);
        if (described.problem === 'consent') await granted.remove(registration);
        return { kind: 'error', ...described };
      }
      await granted.add(registration);
      return {
        kind: 'failures',
        digest: digestFailures(result.data.records, { since: started - LOGS_DAYS * 86_400_000 }),
        days: LOGS_DAYS,
        fetchedAt: new Date(now()).toISOString(),
        truncated: result.data.truncated,
        ...(result.requestId ? { requestId: result.requestId } : {}),
      };
    } catch (error) {
      // No silent token for the logs scopes: consent was never given (AADSTS65001) or the session ended.
      if (error instanceof AuthNeededError) {
        await granted.remove(registration);
        return { kind: 'notGranted' };
      }
      throw error;
    }
  }

  return {
    async lookupFailures(query: FailuresQuery): Promise<FailuresLookup> {
      // Microsoft documents no provisioning logs in Graph for the China cloud: ask nothing.
      if (query.cloud === 'china') return { kind: 'notOffered', cloud: query.cloud };
      const settings = await deps.getSettings();
      if (!isConfigured(settings)) return { kind: 'notConfigured' };
      if (settings.cloud === 'china') return { kind: 'notOffered', cloud: settings.cloud };
      if (CLOUDS[query.cloud].portalHosts[0] !== CLOUDS[settings.cloud].portalHosts[0])
        return { kind: 'error', problem: 'other', error: { kind: 'config', title: `This page belongs to the ${CLOUDS[query.cloud].label} cloud; Provisioning Lens is set up for ${CLOUDS[settings.cloud].label}.`, action: 'Open the settings and pick the cloud of this tenant.' } };
      if (!isJobId(query.jobId)) return { kind: 'error', problem: 'other', error: inputError('That job ID does not look like a provisioning job ID.', 'Reload the page.') };
      const key = [settings.cloud, settings.graphVersion, settings.clientId, query.jobId].join('|');
      const cached = cache.get(key);
      if (!query.fresh && cached && now() - cached.at < (deps.cacheMs ?? DEFAULT_CACHE_MS)) return cached.answer;
      const running = inFlight.get(key);
      if (running) return running;
      const request = fetchFailures(query, settings)
        .then((answer) => {
          // A refusal to grant is remembered too: each page view would otherwise ask the sign-in service again.
          if (answer.kind === 'failures' || (answer.kind === 'notGranted' && !query.auto)) cache.set(key, { at: now(), answer });
          else cache.delete(key);
          return answer;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request;
    },
    /** Forget the answers (sign-in, settings change). */
    clear() {
      cache.clear();
    },
    /**
     * The admin consented to the logs permissions in an interactive sign-in: quarantined jobs may now
     * load by themselves. Said by the background, since a toolbar popup closes when the sign-in
     * window takes the focus and never sees its own next step.
     */
    async noteGranted() {
      const settings = await deps.getSettings();
      if (isConfigured(settings)) await granted.add(grantKey(settings));
    },
    /** Forget the answers and which registrations had the permissions (sign-out). */
    async forget() {
      cache.clear();
      await granted.clear();
    },
  };
}

const grantKey = (settings: Settings) => [settings.cloud, settings.tenant.toLowerCase(), settings.clientId.toLowerCase()].join('|');

export type FailuresService = ReturnType<typeof createFailuresService>;
