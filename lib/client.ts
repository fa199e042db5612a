/** What the overlay and popup may ask of the background, as one injectable interface (tests pass a fake). */
import type { AuthState, JobLookup, JobQuery, SignInResult } from './protocol';
import { sendMessage } from './protocol';
import type { Grant } from './auth/grants';
import type { JobsCheck, ServicePrincipalPage } from './tenant/types';

export interface LensClient {
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  getAuthState(): Promise<AuthState>;
  signIn(options?: { includeAppRead?: boolean; grant?: Grant }): Promise<SignInResult>;
  signOut(): Promise<AuthState>;
  openSettings(): Promise<unknown>;
  /** This tab left provisioning pages: its toolbar badge goes. */
  leftProvisioning(): Promise<unknown>;
}

/** What the tenant overview asks of the background: each step of a scan (lib/tenant/scan.ts drives them). */
export interface TenantClient {
  listServicePrincipals(cursor?: string): Promise<ServicePrincipalPage>;
  checkJobs(servicePrincipalIds: string[]): Promise<JobsCheck>;
}

const noAnswer = (error: unknown) => ({
  kind: 'error' as const,
  error: {
    kind: 'network' as const,
    title: 'The extension\'s background did not answer.',
    action: 'Select Scan tenant to go on where the scan stopped.',
    detail: error instanceof Error ? error.message : String(error),
  },
});

export function createTenantClient(): TenantClient {
  return {
    listServicePrincipals: (cursor) => ask(() => sendMessage('tenant.listServicePrincipals', cursor === undefined ? {} : { cursor })).catch(noAnswer),
    checkJobs: (servicePrincipalIds) => ask(() => sendMessage('tenant.checkJobs', { servicePrincipalIds })).catch(noAnswer),
  };
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
    leftProvisioning: () => sendMessage('leftProvisioning').catch(() => undefined),
  };
}
