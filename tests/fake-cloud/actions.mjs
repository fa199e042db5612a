// Fake Graph job actions: POST …/jobs/{jobId}/restart|start|pause, answered 204 with the job's state
// changed the way the real service changes it; 401 UnknownError with an empty message when the
// token lacks Synchronization.ReadWrite.All (what Graph answers for a missing scope or role).
import { bareScope } from './idp.mjs';

const WRITE_SCOPE = 'Synchronization.ReadWrite.All';
const FLAGS = new Set(['None', 'ConnectorDataStore', 'Escrows', 'Watermark', 'QuarantineState', 'Full', 'ForceDeletes']);

/**
 * @param {{ app: import('./tenant.mjs').DemoApp, jobId: string, action: string, token: { scopes: string[] }, body: string,
 *   sendError: (status: number, body: unknown, code?: string, message?: string) => void, sendNoContent: () => void }} o
 */
export function handleJobAction({ app, jobId, action, token, body, sendError, sendNoContent }) {
  if (!['restart', 'start', 'pause'].includes(action)) return sendError(400, null, 'BadRequest', `Resource not found for the segment '${action}'.`);
  const job = app.jobs.find((j) => j.id === jobId);
  if (!job) return sendError(404, null, 'Request_ResourceNotFound', `Resource '${jobId}' does not exist or one of its queried reference-property objects are not present.`);
  if (!token.scopes.map(bareScope).includes(WRITE_SCOPE)) return sendError(401, null, 'UnknownError', '');
  const status = (job.status ??= {});
  const schedule = (job.schedule ??= {});
  if (status.code === 'NotConfigured') return sendError(409, null, 'Conflict', 'The job is not configured.');
  const lift = () => {
    status.code = 'Active';
    status.quarantine = null;
    schedule.state = 'Active';
  };
  if (action === 'restart') {
    /** @type {any} */ let parsed;
    try { parsed = JSON.parse(body); } catch { return sendError(400, null, 'BadRequest', 'Invalid JSON body.'); }
    const scope = parsed?.criteria?.resetScope;
    const flags = typeof scope === 'string' ? scope.split(',').map((f) => f.trim()) : [];
    if (flags.length === 0 || flags.some((f) => !FLAGS.has(f))) return sendError(400, null, 'BadRequest', `Invalid resetScope '${scope}'.`);
    const heldDeletes = status.quarantine?.reason === 'TooManyDeletes' && flags.includes('ForceDeletes');
    if (flags.includes('QuarantineState') || flags.includes('Full') || heldDeletes || status.code !== 'Quarantine') lift();
  } else if (action === 'start') {
    lift();
  } else {
    status.code = 'Paused';
    schedule.state = 'Paused';
  }
  sendNoContent();
}
