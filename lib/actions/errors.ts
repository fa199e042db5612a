/**
 * A failed action, told in the admin's words, with the request ids. Unlike a read, a write that
 * timed out or met a 5xx may have been carried out: the text says so, and says it was not resent.
 */
import type { GraphFailure } from '../graph-client';
import type { LensError } from '../protocol';
import type { JobActionKind } from './types';

/** Who may act on a job (job-actions.md): the roles and the permission, in one sentence. */
export const ACTION_NEEDS =
  'needs Application Administrator or Cloud Application Administrator — Hybrid Identity Administrator for Cloud Sync — (or ownership of the enterprise app) and admin consent for Synchronization.ReadWrite.All';

const VERB: Record<JobActionKind, string> = { restart: 'restart', start: 'start', pause: 'pause' };

const MAYBE_DONE = 'Refresh in a minute and check the job\'s state before trying again: a second request would start another cycle.';

export function describeActionFailure(failure: GraphFailure, kind: JobActionKind): LensError {
  const verb = VERB[kind];
  const ids = { requestId: failure.requestId, clientRequestId: failure.clientRequestId };
  const http = { status: failure.status, code: failure.code, detail: failure.message, ...ids };
  const { status, code } = failure;
  switch (failure.kind) {
    case 'timeout':
      return { kind: 'timeout', title: `Graph did not answer the ${verb} in time: it may or may not have been carried out. It was not sent again.`, action: MAYBE_DONE, ...ids };
    case 'network':
      return { kind: 'network', title: `The ${verb} request was cut off: it may or may not have reached Graph. It was not sent again.`, action: `Check your connection. ${MAYBE_DONE}`, detail: failure.message, ...ids };
    case 'invalidResponse':
      return { kind: 'graph', title: `Graph's answer to the ${verb} was not understood.`, action: MAYBE_DONE, ...http };
    case 'http':
      break;
  }
  if (status === 401 && (code === 'UnknownError' || code === undefined))
    // These APIs answer a missing role, scope or ownership with 401 UnknownError and no message: not an expired sign-in.
    return { kind: 'graph', title: `Graph refused the ${verb} (401): a role or permission is missing.`, action: `A job ${verb} ${ACTION_NEEDS}.`, ...http };
  if (status === 401) return { kind: 'graph', title: `Graph no longer accepts your sign-in (401). The ${verb} was not carried out.`, action: 'Sign in again, then try again.', ...http };
  if (status === 403)
    return { kind: 'graph', title: `Graph denied the ${verb} (403). Nothing was changed.`, action: `A job ${verb} ${ACTION_NEEDS}.`, ...http };
  if (status === 404)
    return { kind: 'graph', title: `The job is gone (404): nothing to ${verb}.`, action: 'It was deleted, or provisioning was set up again and the job got a new id. Select Refresh to see the app\'s jobs now.', ...http };
  if (status === 409)
    return { kind: 'graph', title: `Graph refused the ${verb} because of a conflict (409). Nothing was changed.`, action: 'The job may be busy or changed meanwhile: select Refresh, check its state, then try again.', ...http };
  if (status === 429)
    return {
      kind: 'graph',
      title: `Graph is throttling requests (429). The ${verb} was not carried out.`,
      action: failure.retryAfterSeconds ? `Wait about ${failure.retryAfterSeconds} s, then try again.` : 'Wait a minute, then try again.',
      ...http,
    };
  if (status !== undefined && status >= 500)
    return { kind: 'graph', title: `Microsoft Graph had a problem (${status}): the ${verb} may or may not have been carried out. It was not sent again.`, action: MAYBE_DONE, ...http };
  return { kind: 'graph', title: `Graph rejected the ${verb} (${status ?? 'no status'}). Nothing was changed.`, action: 'Select Refresh, then try again. If it persists, open a support case with the request id.', ...http };
}
