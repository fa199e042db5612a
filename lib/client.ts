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
  /** This tab left provisioning pages: its toolbar badge goes. */
  leftProvisioning(): Promise<unknown>;
}

/** The worker may be asleep or restarting: a dropped message is retried once, then told as an error. */
export async function ask<T>(send: () => Promise<T>): Promise<T> {
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
    leftProvisioning: () => sendMessage('leftProvisioning').catch(() => undefined),
  };
}
