/** What the overlay and popup may ask of the background, as one injectable interface (tests pass a fake). */
import type { AuthState, JobLookup, JobQuery, SignInResult } from './protocol';
import { sendMessage } from './protocol';
import type { Grant } from './auth/grants';

export interface LensClient {
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  getAuthState(): Promise<AuthState>;
  signIn(options?: { includeAppRead?: boolean; grant?: Grant }): Promise<SignInResult>;
  signOut(): Promise<AuthState>;
  openSettings(): Promise<unknown>;
}

/** The worker may be asleep or restarting: a dropped message is retried once, then told as an error. */
async function ask<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch {
    return send();
  }
}

export function createLensClient(): LensClient {
  return {
    lookupJobs: (query) =>
      ask(() => sendMessage('lookupJobs', query)).catch(
        (error): JobLookup => ({
          kind: 'error',
          error: {
            kind: 'network',
            title: 'The extension\'s background did not answer.',
            action: 'Select Refresh. If it keeps failing, reload the page or restart the browser.',
            detail: error instanceof Error ? error.message : String(error),
          },
        }),
      ),
    getAuthState: () => ask(() => sendMessage('getAuthState')),
    signIn: (options) => ask(() => sendMessage('signIn', options ?? {})),
    signOut: () => ask(() => sendMessage('signOut')),
    openSettings: () => sendMessage('openSettings'),
  };
}

const LOOKUP_KEYS = ['cloud', 'servicePrincipalId', 'appId', 'jobId'] as const;

/**
 * `client`, with answers asked for before the UI existed: the first getAuthState takes `auth`, and
 * the first lookup (not a Refresh) takes `lookup.answer` if it is the same query. Each is used once;
 * everything after asks the background as usual. The popup asks both as soon as it knows the tab,
 * so neither waits for its first render.
 */
export function primedClient(client: LensClient, auth?: Promise<AuthState>, lookup?: { query: JobQuery; answer: Promise<JobLookup> }): LensClient {
  return {
    ...client,
    getAuthState() {
      const answer = auth ?? client.getAuthState();
      auth = undefined;
      return answer;
    },
    lookupJobs(query) {
      const early = lookup;
      lookup = undefined;
      return early && !query.fresh && LOOKUP_KEYS.every((k) => early.query[k] === query[k]) ? early.answer : client.lookupJobs(query);
    },
  };
}
