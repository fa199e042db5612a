/**
 * The background's side of job actions: mint a token when the admin opens a confirmation, then run
 * the confirmed action at most once per token. Refuses while the settings keep actions off.
 */
import { AuthNeededError, type AuthBroker } from '../auth/broker';
import { graphScope } from '../clouds';
import { createGraphClient, ACTION_SCOPE } from '../graph-client';
import { authConfigOf } from '../lookup-service';
import type { ActionOutcome, ActionTicket, LensError } from '../protocol';
import { isConfigured, type Settings } from '../settings';
import { describeActionFailure } from './errors';
import type { ActionRecord } from './history';
import type { Ledger, Ticket } from './ledger';
import type { ActionConfirmation, ActionTarget, JobAction } from './types';

export interface ActionDeps {
  getSettings(): Promise<Settings>;
  auth: AuthBroker;
  redirectUri: string;
  ledger: Ledger;
  /** Appends to the local history (never sent anywhere). */
  record(entry: ActionRecord): Promise<void>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const OFF: LensError = {
  kind: 'config',
  title: 'Job actions are turned off.',
  action: 'Turn on "Allow job actions" in the settings to restart, start or pause jobs from here.',
};
const STALE: LensError = {
  kind: 'input',
  title: 'This confirmation is no longer valid, so nothing was sent.',
  action: 'Close the dialog and choose the action again.',
};
const SUPERSEDED: LensError = {
  kind: 'input',
  title: 'Another action on this job was sent after you opened this one (another tab or window?), so this one was not sent.',
  action: 'Select Refresh, check the job\'s state, then decide again.',
};

export function createActionService(deps: ActionDeps) {
  const now = deps.now ?? Date.now;
  // Same token twice in this worker's life (a double click): both get the one answer.
  const inFlight = new Map<string, Promise<ActionOutcome>>();

  async function allowed(): Promise<Settings | undefined> {
    const settings = await deps.getSettings();
    return isConfigured(settings) && settings.allowJobActions === true ? settings : undefined;
  }

  async function run(confirmation: ActionConfirmation, holder: string): Promise<ActionOutcome> {
    const settings = await allowed();
    if (!settings) return { kind: 'failed', error: OFF };
    const { token, action } = confirmation;
    if (!(await deps.ledger.check(token, holder, action.kind))) return { kind: 'failed', error: STALE };
    const config = authConfigOf(settings, deps.redirectUri);
    const scopes = [graphScope(settings.cloud, ACTION_SCOPE)];
    // The write token first: without consent no request leaves, and the ticket stays good for the retry after it.
    let accessToken: string;
    try {
      accessToken = await deps.auth.token(config, scopes);
    } catch (error) {
      if (error instanceof AuthNeededError && error.failure.reason === 'signInRequired') return { kind: 'needsConsent' };
      if (error instanceof AuthNeededError)
        return {
          kind: 'failed',
          error: { kind: 'auth', title: 'Signing in to Microsoft failed, so nothing was sent.', action: 'Select Sign in, or check the settings, then try again.', code: error.failure.errorCode, detail: error.failure.description },
        };
      throw error;
    }
    const claim = await deps.ledger.claim(token, holder, action.kind);
    switch (claim.kind) {
      case 'invalid':
        return { kind: 'failed', error: STALE };
      case 'superseded':
        return { kind: 'failed', error: SUPERSEDED };
      case 'replay':
        return claim.outcome;
      case 'interrupted': {
        const outcome: ActionOutcome = {
          kind: 'failed',
          error: {
            kind: 'network',
            title: 'The extension restarted while the request was on its way: it may or may not have reached Graph. It was not sent again.',
            action: 'Select Refresh in a minute and check the job\'s state before trying again.',
            clientRequestId: token,
          },
        };
        await settle(token, claim.ticket, action, outcome, 'unknown');
        return outcome;
      }
      case 'send':
        break;
    }
    const graph = createGraphClient({
      cloud: settings.cloud,
      version: settings.graphVersion,
      getToken: (s, forceRefresh) => (forceRefresh ? deps.auth.token(config, s.map((scope) => graphScope(settings.cloud, scope)), true) : Promise.resolve(accessToken)),
      fetch: deps.fetch,
      sleep: deps.sleep,
    });
    const at = new Date(now()).toISOString();
    const result = await graph
      .runJobAction(claim.ticket.target.servicePrincipalId, claim.ticket.target.jobId, action, token)
      .catch((error: unknown) => ({ ok: false as const, error: { kind: 'network' as const, message: String(error), clientRequestId: token, attempts: 0 } }));
    const outcome: ActionOutcome = result.ok
      ? { kind: 'done', at, requestId: result.requestId, clientRequestId: result.clientRequestId }
      : { kind: 'failed', error: describeActionFailure(result.error, action.kind) };
    const maybe = !result.ok && (result.error.kind !== 'http' || (result.error.status ?? 0) >= 500);
    await settle(token, claim.ticket, action, outcome, result.ok ? 'done' : maybe ? 'unknown' : 'failed', at);
    return outcome;
  }

  async function settle(token: string, ticket: Ticket, action: JobAction, outcome: ActionOutcome, result: ActionRecord['result'], at = new Date(now()).toISOString()) {
    await deps.ledger.settle(token, outcome);
    const error = outcome.kind === 'failed' ? outcome.error : undefined;
    const status = outcome.kind === 'done' ? '204' : [error?.status ?? error?.kind, error?.code].filter(Boolean).join(' ');
    await deps
      .record({
        at,
        ...(ticket.target.appName ? { appName: ticket.target.appName } : {}),
        servicePrincipalId: ticket.target.servicePrincipalId,
        jobId: ticket.target.jobId,
        action: action.kind,
        ...(action.kind === 'restart' ? { scope: action.scope } : {}),
        result,
        status,
        requestId: outcome.kind === 'done' ? outcome.requestId : error?.requestId,
        clientRequestId: outcome.kind === 'done' ? outcome.clientRequestId : (error?.clientRequestId ?? token),
      })
      .catch(() => {}); // a full or failing storage must not turn a done action into an error
  }

  return {
    async prepare(target: ActionTarget, holder: string): Promise<ActionTicket> {
      if (!(await allowed())) return { ok: false, error: OFF };
      return { ok: true, token: await deps.ledger.mint(target, holder) };
    },
    confirm(confirmation: ActionConfirmation, holder: string): Promise<ActionOutcome> {
      const running = inFlight.get(confirmation.token);
      if (running) return running;
      const outcome = run(confirmation, holder).finally(() => inFlight.delete(confirmation.token));
      inFlight.set(confirmation.token, outcome);
      return outcome;
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
