// Tenant-scale Graph for the tenant overview: the service principal list with paging, JSON
// batching ($batch, at most 20 inner requests, answered in any order, with knobs for inner
// throttling and malformed inner bodies), and generated tenants of any size.
import { readBody } from './http.mjs';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 999;
export const MAX_BATCH = 20;

/**
 * @typedef {{ id: string, url: string, servicePrincipalId: string | undefined, attempt: number }} InnerRequest
 * @typedef {{ status: number, headers?: Record<string, string>, body?: unknown } | 'malformed' | undefined} InnerOverride
 */

/** @param {{ tenant: import('./tenant.mjs').DemoTenant }} options */
export function createTenantScale({ tenant }) {
  /** Service principal by lower-case object id, rebuilt when the app list changes size or identity. */
  let index = new Map();
  let indexed = { apps: /** @type {unknown} */ (null), length: -1 };
  const appById = (/** @type {string} */ id) => {
    if (indexed.apps !== tenant.apps || indexed.length !== tenant.apps.length) {
      index = new Map(tenant.apps.map((a) => [a.objectId.toLowerCase(), a]));
      indexed = { apps: tenant.apps, length: tenant.apps.length };
    }
    return index.get(id.toLowerCase());
  };
  /** Inner requests seen per URL: a knob can throttle the first attempt only. */
  const attempts = new Map();

  const knobs = {
    /** Answer inner responses in a shuffled order (Graph promises no order). */
    shuffle: true,
    /** Per inner request: an answer of its own (429 with Retry-After, 401…), 'malformed', or undefined for the real one. */
    inner: /** @type {null | ((r: InnerRequest) => InnerOverride)} */ (null),
    /** Inner requests answered so far, by status. */
    counts: /** @type {Record<string, number>} */ ({}),
  };

  /** GET /{version}/servicePrincipals: `$top` (default 100, max 999), `$skiptoken` an opaque offset. */
  function list(/** @type {URL} */ url, /** @type {string} */ host, /** @type {string} */ version) {
    const top = Math.min(Math.max(Number(url.searchParams.get('$top')) || DEFAULT_PAGE, 1), MAX_PAGE);
    const token = url.searchParams.get('$skiptoken');
    const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, '')) || 0 : 0;
    const select = url.searchParams.get('$select');
    const wanted = select ? select.split(',').map((s) => s.trim().toLowerCase()) : null;
    const page = tenant.apps.slice(offset, offset + top).map((a) =>
      wanted ? Object.fromEntries(Object.entries(a.servicePrincipal).filter(([k]) => wanted.includes(k.toLowerCase()))) : a.servicePrincipal);
    const body = { '@odata.context': `https://${host}/${version}/$metadata#servicePrincipals`, value: page };
    if (offset + top < tenant.apps.length) {
      const next = Buffer.from(`offset:${offset + top}`).toString('base64url');
      body['@odata.nextLink'] = `https://${host}/${version}/servicePrincipals?${select ? `$select=${select}&` : ''}$top=${top}&$skiptoken=${next}`;
    }
    return body;
  }

  /** One inner request, as Graph would answer it on its own. */
  function answerInner(/** @type {any} */ r) {
    const url = typeof r?.url === 'string' ? r.url : '';
    const segments = url.split('?')[0].split('/').filter(Boolean);
    const servicePrincipalId = segments[0]?.toLowerCase() === 'serviceprincipals' ? segments[1] : undefined;
    const attempt = (attempts.get(url) ?? 0) + 1;
    attempts.set(url, attempt);
    const override = knobs.inner?.({ id: String(r?.id), url, servicePrincipalId, attempt });
    const json = { 'Content-Type': 'application/json' };
    const error = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) =>
      ({ id: r?.id, status, headers: json, body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19) } } } });
    let answer;
    if (override === 'malformed') answer = { id: r?.id, status: 200, headers: json, body: '<html>upstream error</html>' };
    else if (override) answer = { id: r?.id, headers: json, ...override };
    else if ((r?.method ?? 'GET').toUpperCase() !== 'GET') answer = error(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    else if (!servicePrincipalId || segments[2]?.toLowerCase() !== 'synchronization' || segments[3]?.toLowerCase() !== 'jobs' || segments.length !== 4)
      answer = error(400, 'BadRequest', `Resource not found for the segment '${segments.at(-1) ?? ''}'.`);
    else {
      const app = appById(servicePrincipalId);
      answer = app
        ? { id: r.id, status: 200, headers: json, body: { value: app.jobs } }
        : error(404, 'Request_ResourceNotFound', `Resource '${servicePrincipalId}' does not exist or one of its queried reference-property objects are not present.`);
    }
    knobs.counts[answer.status] = (knobs.counts[answer.status] ?? 0) + 1;
    return answer;
  }

  /**
   * POST /{version}/$batch. Returns [status, body]; the envelope is 200 whenever it parses.
   * @param {import('node:http').IncomingMessage} req @param {import('./log.mjs').LogEntry} entry
   */
  async function batch(req, entry) {
    let payload;
    try {
      // graph.mjs has already read a POST's body into the log entry (job actions assert on it).
      payload = JSON.parse(entry.body ?? (await readBody(req)));
    } catch {
      return [400, { error: { code: 'BadRequest', message: 'Invalid batch payload format.' } }];
    }
    const requests = payload?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return [400, { error: { code: 'BadRequest', message: 'Invalid batch payload format.' } }];
    if (requests.length > MAX_BATCH) return [400, { error: { code: 'BadRequest', message: `The number of batch requests exceeds the limit of ${MAX_BATCH}.` } }];
    if (new Set(requests.map((r) => r?.id)).size !== requests.length) return [400, { error: { code: 'BadRequest', message: 'Batch request ids must be unique.' } }];
    entry.inner = requests.map((r) => String(r?.url));
    const responses = requests.map(answerInner);
    if (knobs.shuffle) shuffle(responses);
    return [200, { responses }];
  }

  return {
    list,
    batch,
    knobs,
    reset() {
      knobs.shuffle = true;
      knobs.inner = null;
      knobs.counts = {};
      attempts.clear();
    },
  };
}

function shuffle(/** @type {unknown[]} */ list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}

/**
 * An inner-request knob: `share` of the service principals (chosen by id, so the same ones every
 * run) answer their first `times` attempts with 429 and `Retry-After: retryAfter`.
 * @param {{ share: number, retryAfter?: string, times?: number }} o
 * @returns {(r: InnerRequest) => InnerOverride}
 */
export function throttleShare({ share, retryAfter = '1', times = 1 }) {
  return (r) => {
    if (!r.servicePrincipalId || r.attempt > times) return undefined;
    return fnv1a(r.servicePrincipalId.toLowerCase()) % 1000 < share * 1000 ? { status: 429, headers: { 'Retry-After': retryAfter, 'Content-Type': 'application/json' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } } : undefined;
  };
}

/** A stable spread of ids over 0…2³²: generated ids differ only in a few digits. */
function fnv1a(/** @type {string} */ text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const hex = (/** @type {number} */ n, /** @type {number} */ width) => n.toString(16).padStart(width, '0');

/**
 * Appends `count` generated apps to the tenant: `withJobs` of them (spread evenly) with one job,
 * the first `quarantined` of those quarantined (a copy of the Salesforce Sandbox job), the rest
 * healthy (a copy of the SCIM job); `managedIdentities` more as managed identities. Deterministic
 * ids, so a run can be repeated. The demo apps stay as they are.
 * @param {import('./tenant.mjs').DemoTenant} tenant
 * @param {{ count: number, withJobs?: number, quarantined?: number, managedIdentities?: number }} o
 */
export function addGeneratedApps(tenant, { count, withJobs = 0, quarantined = 0, managedIdentities = 0 }) {
  const find = (/** @type {string} */ key) => tenant.apps.find((a) => a.key === key);
  const quarantinedJob = find('salesforce-sandbox')?.jobs[0];
  const healthyJob = find('scim-healthy')?.jobs[0];
  const start = tenant.apps.filter((a) => a.key.startsWith('generated-')).length;
  const every = withJobs > 0 ? count / withJobs : Infinity;
  const added = { withJobs: /** @type {string[]} */ ([]), quarantined: /** @type {string[]} */ ([]), managedIdentities: /** @type {string[]} */ ([]) };
  let jobsMade = 0;
  for (let i = 0; i < count + managedIdentities; i++) {
    const n = start + i;
    const objectId = `${hex(0xa0000000 + n, 8)}-0000-4000-8000-${hex(n, 12)}`;
    const appId = `${hex(0xb0000000 + n, 8)}-0000-4000-8000-${hex(n, 12)}`;
    const managed = i >= count;
    const hasJob = !managed && jobsMade < withJobs && i >= Math.round(jobsMade * every);
    const isQuarantined = hasJob && jobsMade < quarantined;
    const template = isQuarantined ? quarantinedJob : healthyJob;
    const displayName = managed ? `Managed identity ${n}` : `Generated app ${String(n).padStart(5, '0')}`;
    const jobs = hasJob && template ? [{ ...structuredClone(template), id: `${template.templateId}.${objectId.replace(/-/g, '')}` }] : [];
    if (hasJob) jobsMade += 1;
    tenant.apps.push({
      key: `generated-${n}`, displayName, appId, objectId, scenario: 'generated', jobFiles: [],
      servicePrincipalType: managed ? 'ManagedIdentity' : 'Application',
      servicePrincipal: { id: objectId, appId, displayName, appDisplayName: displayName, accountEnabled: true,
        servicePrincipalType: managed ? 'ManagedIdentity' : 'Application', applicationTemplateId: null, tags: [], servicePrincipalNames: [appId] },
      jobs,
    });
    if (managed) added.managedIdentities.push(objectId);
    if (hasJob) added.withJobs.push(objectId);
    if (isQuarantined) added.quarantined.push(objectId);
  }
  return added;
}
