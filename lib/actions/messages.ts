/**
 * The action messages' payloads, rebuilt from known fields (the background trusts no payload), and
 * who holds a confirmation: the tab of the overlay that asked, or the extension page.
 */
import { isGuid, isJobId } from '../ids';
import { label } from '../json-fields';
import type { SenderLike } from '../sender';
import { isJobActionKind, isRestartChoice, type ActionConfirmation, type ActionTarget, type JobAction } from './types';

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function sanitizeTarget(data: unknown): ActionTarget | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const raw = data as Record<string, unknown>;
  if (!isGuid(raw.servicePrincipalId) || !isJobId(raw.jobId) || !isJobActionKind(raw.kind)) return undefined;
  const target: ActionTarget = { servicePrincipalId: String(raw.servicePrincipalId).toLowerCase(), jobId: raw.jobId, kind: raw.kind };
  if (typeof raw.appName === 'string' && raw.appName.trim() && raw.appName.length <= 1000) target.appName = label(raw.appName.trim());
  return target;
}

export function sanitizeConfirmation(data: unknown): ActionConfirmation | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const raw = data as Record<string, unknown>;
  const action = (raw.action ?? {}) as Record<string, unknown>;
  if (typeof raw.token !== 'string' || !TOKEN.test(raw.token) || !isJobActionKind(action.kind)) return undefined;
  let clean: JobAction;
  if (action.kind === 'restart') {
    if (!isRestartChoice(action.scope)) return undefined;
    clean = { kind: 'restart', scope: action.scope };
  } else clean = { kind: action.kind };
  return { token: raw.token, action: clean };
}

/** The overlay's tab (a token minted there is confirmed there), or the extension page's URL. */
export function holderOf(sender: SenderLike): string {
  const tab = sender.tab as { id?: unknown } | undefined;
  return tab && typeof tab.id === 'number' ? `tab:${tab.id}:${sender.frameId ?? 0}` : `page:${sender.url ?? ''}`;
}
