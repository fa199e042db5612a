/** What the overlay and popup may ask of the background, as one injectable interface (tests pass a fake). */
import type { ActionOutcome, ActionTicket, AuthState, JobLookup, JobQuery, SignInResult } from './protocol';
import type { ActionConfirmation, ActionTarget } from './actions/types';
import { sendMessage } from './protocol';
import type { Grant } from './auth/grants';
import type { SettingsPrefill } from './setup/prefill';
import type { WatchedJob } from './watch/watched';
import type { FailuresLookup, FailuresQuery } from './logs/types';

export interface LensClient {
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  /** Optional so hosts and test fakes without the logs section need not offer it. */
  lookupFailures?(query: FailuresQuery): Promise<FailuresLookup>;
  getAuthState(): Promise<AuthState>;
  signIn(options?: { grant?: Grant }): Promise<SignInResult>;
  signOut(): Promise<AuthState>;
  /** The options page; from a portal tab, prefilled with its tenant and cloud. */
  openSettings(prefill?: SettingsPrefill): Promise<unknown>;
  /** This tab left provisioning pages: its toolbar badge goes. */
  leftProvisioning(): Promise<unknown>;
  getWatched(): Promise<WatchedJob[]>;
  setWatch(job: WatchedJob, watch: boolean): Promise<WatchedJob[]>;
  /** Job actions: a token for the admin's click, then the confirmed action (at most one POST per token). */
  prepareJobAction(target: ActionTarget): Promise<ActionTicket>;
  runJobAction(confirmation: ActionConfirmation): Promise<ActionOutcome>;
}

/** The worker may be asleep or restarting: a dropped message is retried once, then told as an error. */
export async function ask<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch {
    return send();
  }
}

function silentBackground(error: unknown, action: string) {
  return { kind: 'network' as const, title: 'The extension\'s background did not answer.', action, detail: error instanceof Error ? error.message : String(error) };
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
    openSettings: (prefill) => sendMessage('openSettings', prefill),
    leftProvisioning: () => sendMessage('leftProvisioning').catch(() => undefined),
    getWatched: () => ask(() => sendMessage('getWatched')).catch(() => []),
    setWatch: (job, watch) => ask(() => sendMessage('setWatch', { job, watch })),
    prepareJobAction: (target) =>
      ask(() => sendMessage('prepareJobAction', target)).catch((error): ActionTicket => ({ ok: false, error: silentBackground(error, 'Nothing was sent: try again.') })),
    // Resending the same token is safe: the background's ledger answers it without a second POST.
    runJobAction: (confirmation) =>
      ask(() => sendMessage('runJobAction', confirmation)).catch(
        (error): ActionOutcome => ({ kind: 'failed', error: silentBackground(error, 'The action may or may not have been sent: select Refresh in a minute and check the job\'s state.') }),
      ),
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
