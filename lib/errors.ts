/**
 * Turns failures into what an admin needs: what happened, what to do, and the ids for support.
 * Graph's own message comes from Microsoft or a third-party SCIM server: it is kept as `detail`,
 * text only.
 */
import type { GraphFailure } from './graph-client';
import type { LensError } from './protocol';

const ROLES = 'Application Administrator or Cloud Application Administrator (Hybrid Identity Administrator for Cloud Sync)';

type Advice = Pick<LensError, 'title' | 'action'>;

function adviceForStatus(failure: GraphFailure, what: string): Advice {
  const { status, code } = failure;
  if (status === 401 && (code === 'UnknownError' || code === undefined))
    return {
      title: 'Graph refused the request (401): consent or a directory role is probably missing.',
      action: `Grant admin consent for the delegated permission Synchronization.Read.All to your app registration, and make sure your account holds ${ROLES}. Then sign in again.`,
    };
  if (status === 401)
    return { title: 'Your sign-in is no longer accepted by Graph (401).', action: 'Sign in again.' };
  if (status === 403)
    return {
      title: 'Graph denied access (403).',
      action: `Your account needs ${ROLES}, and the app registration needs admin consent for Synchronization.Read.All (Application.Read.All for lookups by application id).`,
    };
  if (status === 404)
    return {
      title: `${what} was not found (404).`,
      action: 'Check the id. The app may have been deleted, or provisioning was never set up for it; the job id changes when provisioning is recreated.',
    };
  if (status === 429)
    return {
      title: 'Graph is throttling requests (429).',
      action: failure.retryAfterSeconds
        ? `Wait about ${failure.retryAfterSeconds} s, then select Refresh.`
        : 'Wait a minute, then select Refresh.',
    };
  if (status !== undefined && status >= 500)
    return {
      title: `Microsoft Graph had a problem (${status}).`,
      action: 'This is usually temporary: select Refresh in a minute. If it persists, open a support case with the request id.',
    };
  return { title: `Graph rejected the request (${status ?? 'no status'}).`, action: 'Check the ids and your settings, then select Refresh.' };
}

/** `what` names the thing looked up, e.g. "The provisioning job". */
export function describeGraphFailure(failure: GraphFailure, what = 'The service principal or job'): LensError {
  const ids = { requestId: failure.requestId, clientRequestId: failure.clientRequestId };
  switch (failure.kind) {
    case 'network':
      return {
        kind: 'network',
        title: 'Microsoft Graph could not be reached.',
        action: 'Check your network connection (or proxy), then select Refresh.',
        detail: failure.message,
        ...ids,
      };
    case 'timeout':
      return { kind: 'timeout', title: 'Microsoft Graph did not answer in time.', action: 'Select Refresh to try again.', ...ids };
    case 'invalidResponse':
      return {
        kind: 'graph',
        title: 'Graph answered with something this extension does not understand.',
        action: 'Select Refresh. If it persists, a proxy may be rewriting responses; open a support case with the request id.',
        detail: failure.message,
        status: failure.status,
        ...ids,
      };
    case 'http':
      return {
        kind: 'graph',
        ...adviceForStatus(failure, what),
        detail: failure.message,
        status: failure.status,
        code: failure.code,
        ...ids,
      };
  }
}

export function inputError(title: string, action: string): LensError {
  return { kind: 'input', title, action };
}
