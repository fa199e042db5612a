/** What the overlay and popup may ask of the background, as one injectable interface (tests pass a fake). */
import type { AuthState, JobLookup, JobQuery, SignInResult } from './protocol';
import { sendMessage } from './protocol';
import type { Grant } from './auth/grants';
import type { FailuresLookup, FailuresQuery } from './logs/types';

export interface LensClient {
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  /** Optional so hosts and test fakes without the logs section need not offer it. */
  lookupFailures?(query: FailuresQuery): Promise<FailuresLookup>;
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
    lookupFailures: (query) =>
      ask(() => sendMessage('lookupFailures', query)).catch(
        (error): FailuresLookup => ({
          kind: 'error',
          problem: 'other',
          error: { kind: 'network', title: 'The extension\'s background did not answer.', action: 'Select Try again.', detail: error instanceof Error ? error.message : String(error) },
        }),
      ),
    getAuthState: () => ask(() => sendMessage('getAuthState')),
    signIn: (options) => ask(() => sendMessage('signIn', options ?? {})),
    signOut: () => ask(() => sendMessage('signOut')),
    openSettings: () => sendMessage('openSettings'),
  };
}
