// Fake Microsoft Graph: the synchronization-job reads the extension makes, with Graph's headers,
// error shape and token check, plus scripted faults.
import { randomUUID } from 'node:crypto';
import { applyCors, handlePreflight, readBody, sendJson } from './http.mjs';
import { handleJobAction } from './actions.mjs';
import { createFaults, playFault } from './faults.mjs';
import { answerLogs } from './audit-logs.mjs';
import { createTenantScale } from './tenant-scale.mjs';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPOSED = ['request-id', 'client-request-id', 'Retry-After', 'WWW-Authenticate', 'Location', 'ETag', 'x-ms-ags-diagnostic'];
const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
/** Error codes Graph uses for bare statuses, so `{status: 503}` in a fault script reads like Graph. */
const DEFAULT_ERRORS = {
  400: ['BadRequest', 'Bad request.'], 401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
  404: ['Request_ResourceNotFound', 'Resource not found.'], 429: ['TooManyRequests', 'Too many requests.'],
  500: ['generalException', 'General exception while processing.'], 502: ['badGateway', 'Bad gateway.'],
  503: ['serviceNotAvailable', 'Service unavailable.'], 504: ['gatewayTimeout', 'Gateway timeout.'],
};

/**
 * @param {{ tenant: import('./tenant.mjs').DemoTenant, idp: ReturnType<typeof import('./idp.mjs').createIdp> }} options
 */
export function createGraph({ tenant, idp }) {
  const faults = createFaults();
  const scale = createTenantScale({ tenant });

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {{ host: string, url: URL, entry: import('./log.mjs').LogEntry }} ctx
   */
  async function handle(req, res, { host, url, entry }) {
    if (handlePreflight(req, res, 'GET, POST, PATCH, PUT, DELETE, OPTIONS')) return;
    const requestId = randomUUID();
    const clientRequestId = /** @type {string | undefined} */ (req.headers['client-request-id']) || requestId;
    applyCors(req, res, EXPOSED);
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    res.setHeader('x-ms-ags-diagnostic', JSON.stringify({ ServerInfo: { DataCenter: 'West Europe', Slice: 'E', Ring: '5', ScaleUnit: '000', RoleInstance: 'AM2PEPF0001FAKE' } }));
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');

    const sendError = (/** @type {number} */ status, /** @type {any} */ body, code = DEFAULT_ERRORS[status]?.[0] ?? 'UnknownError', message = DEFAULT_ERRORS[status]?.[1] ?? '') => {
      const error = body && typeof body === 'object' && body.error ? { ...body.error } : { code, message };
      if (body && typeof body !== 'object') return sendJson(res, status, String(body));
      // Graph puts the ids in every error body; an admin quotes them in a support case.
      error.innerError = { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId, ...error.innerError };
      if (status === 401 && !res.hasHeader('WWW-Authenticate')) {
        res.setHeader('WWW-Authenticate', `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`);
      }
      sendJson(res, status, { error }, { 'Content-Type': ODATA_JSON });
    };

    // Writes are logged with their body, so a test can assert exactly one POST and what it said.
    if (req.method === 'POST') entry.body = await readBody(req);
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    const fault = faults.take({ host, method: req.method ?? 'GET', path: req.url ?? '/', userAgent: req.headers['user-agent'], reusedConnection: (entry.connectionRequest ?? 1) > 1 });
    if (fault) {
      entry.fault = JSON.stringify(fault);
      if (await playFault(fault, req, res, sendError)) return;
    }

    const auth = idp.checkAccessToken(req.headers.authorization, host);
    if (!auth.ok) return sendError(401, null, 'InvalidAuthenticationToken', auth.message);

    // Decode per segment: a job id with an encoded character must not split the path.
    const segments = url.pathname.split('/').filter(Boolean).map((s) => { try { return decodeURIComponent(s); } catch { return s; } });
    const [version, ...rest] = segments;
    if (!version || !/^(v1\.0|beta)$/i.test(version)) return sendError(400, null, 'BadRequest', `Invalid version: ${version ?? ''}`);
    const root = `https://${host}/${version}/$metadata#`;
    const action = /^serviceprincipals$/i.test(rest[0] ?? '') && /^synchronization$/i.test(rest[2] ?? '') && /^jobs$/i.test(rest[3] ?? '') && rest.length === 6;
    if (req.method === 'POST' && action) {
      const app = tenant.apps.find((a) => a.objectId.toLowerCase() === String(rest[1]).toLowerCase());
      if (!app) return sendError(404, null, 'Request_ResourceNotFound', `Resource '${rest[1]}' does not exist or one of its queried reference-property objects are not present.`);
      return handleJobAction({ app, jobId: String(rest[4]), action: String(rest[5]), token: auth.token, body: entry.body ?? '', sendError,
        sendNoContent: () => res.writeHead(204).end() });
    }
    // Tenant scale (tenant-scale.mjs): JSON batching and the service principal list.
    if (rest.length === 1 && rest[0] === '$batch') {
      if (req.method !== 'POST') return sendError(405, null, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      const [status, body] = await scale.batch(req, entry);
      return status === 200 ? sendOk(body) : sendError(status, body);
    }
    if (req.method === 'GET' && rest.length === 1 && rest[0].toLowerCase() === 'serviceprincipals') return sendOk(scale.list(url, host, version));
    if (req.method !== 'GET') return sendError(405, null, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

    if (rest[0]?.toLowerCase() === 'auditlogs' && rest[1]?.toLowerCase() === 'provisioning' && rest.length === 2) {
      const answer = answerLogs({ records: tenant.provisioningLogs, url, host, version, scopes: auth.token.scopes });
      return answer.status === 200 ? sendOk(answer.body) : sendError(answer.status, null, answer.code, answer.message);
    }
    const byAppId = /^servicePrincipals\(appId='(.*)'\)$/i.exec(rest[0] ?? '');
    if (byAppId && rest.length === 1) {
      const app = tenant.apps.find((a) => a.appId.toLowerCase() === byAppId[1]?.toLowerCase());
      if (!app) return sendError(404, null, 'Request_ResourceNotFound', `Resource '${byAppId[1]}' does not exist or one of its queried reference-property objects are not present.`);
      return sendOk(select(app.servicePrincipal, url.searchParams.get('$select'), root));
    }
    if (rest[0]?.toLowerCase() !== 'serviceprincipals' || !rest[1]) return notFoundSegment(rest[0]);
    const spId = rest[1];
    if (!GUID.test(spId)) return sendError(400, null, 'Request_BadRequest', `Invalid object identifier '${spId}'.`);
    const app = tenant.apps.find((a) => a.objectId.toLowerCase() === spId.toLowerCase());
    if (!app) return sendError(404, null, 'Request_ResourceNotFound', `Resource '${spId}' does not exist or one of its queried reference-property objects are not present.`);
    if (rest.length === 2) return sendOk(select(app.servicePrincipal, url.searchParams.get('$select'), root));
    if (rest[2]?.toLowerCase() !== 'synchronization') return notFoundSegment(rest[2]);
    if (rest[3]?.toLowerCase() !== 'jobs') return notFoundSegment(rest[3]);
    if (rest.length === 4) {
      return sendOk({ '@odata.context': `${root}servicePrincipals('${app.objectId}')/synchronization/jobs`, value: app.jobs });
    }
    if (rest.length === 5) {
      const job = app.jobs.find((j) => j.id === rest[4]);
      if (!job) return sendError(404, null, 'Request_ResourceNotFound', `Resource '${rest[4]}' does not exist or one of its queried reference-property objects are not present.`);
      return sendOk({ '@odata.context': `${root}servicePrincipals('${app.objectId}')/synchronization/jobs/$entity`, ...job });
    }
    return notFoundSegment(rest[5]);

    function sendOk(/** @type {unknown} */ body) {
      sendJson(res, 200, body, { 'Content-Type': ODATA_JSON, 'OData-Version': '4.0' });
    }
    function notFoundSegment(/** @type {string | undefined} */ segment) {
      sendError(400, null, 'BadRequest', `Resource not found for the segment '${segment ?? ''}'.`);
    }
  }

  return {
    handle,
    faults,
    /** $batch knobs: shuffle, inner (an answer per inner request: 429s, 401s, 'malformed'), counts. */
    batch: scale.knobs,
    resetBatch: scale.reset,
    /** Shorthand for faults.failNext. */
    failNext(/** @type {import('./faults.mjs').Matcher} */ matcher, /** @type {import('./faults.mjs').Fault | import('./faults.mjs').Fault[]} */ list) {
      faults.failNext(matcher, list);
      return this;
    },
    /** Delay added to every Graph request. */
    get delayMs() { return faults.delayMs; },
    set delayMs(ms) { faults.delayMs = ms; },
  };
}

/** `$select` honoured loosely: known properties kept, case-insensitive, unknown ones ignored. */
function select(/** @type {Record<string, unknown>} */ sp, /** @type {string | null} */ $select, /** @type {string} */ root) {
  if (!$select) return { '@odata.context': `${root}servicePrincipals/$entity`, ...sp };
  const wanted = $select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const picked = Object.fromEntries(Object.entries(sp).filter(([k]) => wanted.includes(k.toLowerCase())));
  return { '@odata.context': `${root}servicePrincipals(${Object.keys(picked).join(',')})/$entity`, ...picked };
}
