// Fake `GET /auditLogs/provisioning`: the documented filter forms (jobId eq, provisioningStatusInfo/status
// eq, activityDateTime gt/lt, joined by `and`), $orderby on activityDateTime, $top, and paging with
// @odata.nextLink ($skiptoken). Anything else in $filter is a 400, as Graph answers an unknown clause.
import { bareScope } from './idp.mjs';

export const LOG_SCOPES = ['AuditLog.Read.All', 'Directory.Read.All'];
const DEFAULT_TOP = 100;
const MAX_TOP = 1000;

/** @param {string} filter @returns {((r: any) => boolean) | string} a predicate, or why the filter is refused */
export function parseLogFilter(filter) {
  /** @type {((r: any) => boolean)[]} */
  const tests = [];
  for (const clause of filter.split(/\s+and\s+/)) {
    const text = /^(jobId|provisioningStatusInfo\/status|changeId|provisioningAction) eq '((?:[^']|'')*)'$/.exec(clause.trim());
    if (text) {
      const value = text[2].replace(/''/g, "'");
      const get = {
        jobId: (/** @type {any} */ r) => r.jobId,
        'provisioningStatusInfo/status': (/** @type {any} */ r) => r.provisioningStatusInfo?.status,
        changeId: (/** @type {any} */ r) => r.changeId,
        provisioningAction: (/** @type {any} */ r) => r.provisioningAction,
      }[/** @type {'jobId'} */ (text[1])];
      tests.push((r) => get(r) === value);
      continue;
    }
    const time = /^activityDateTime (gt|lt) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)$/.exec(clause.trim());
    if (time) {
      const at = Date.parse(time[2]);
      tests.push(time[1] === 'gt' ? (r) => Date.parse(r.activityDateTime) > at : (r) => Date.parse(r.activityDateTime) < at);
      continue;
    }
    return `Invalid filter clause: '${clause.trim()}'`;
  }
  return (r) => tests.every((t) => t(r));
}

/**
 * @param {{ records: any[], url: URL, host: string, version: string, scopes: string[] }} o
 * @returns {{ status: 200, body: unknown } | { status: number, code: string, message: string }}
 */
export function answerLogs({ records, url, host, version, scopes }) {
  const granted = new Set(scopes.map(bareScope));
  const missing = LOG_SCOPES.filter((s) => !granted.has(s));
  if (missing.length)
    return { status: 403, code: 'Authentication_MSGraphPermissionMissing', message: `Calling principal does not have required MSGraph permissions ${missing.join(', ')}` };
  const params = url.searchParams;
  let list = records;
  const filter = params.get('$filter');
  if (filter) {
    const test = parseLogFilter(filter);
    if (typeof test === 'string') return { status: 400, code: 'BadRequest', message: test };
    list = list.filter(test);
  }
  const orderby = params.get('$orderby');
  if (orderby) {
    const m = /^activityDateTime( asc| desc)?$/.exec(orderby.trim());
    if (!m) return { status: 400, code: 'BadRequest', message: `Invalid $orderby: '${orderby}'` };
    const sign = m[1] === ' desc' ? -1 : 1;
    list = [...list].sort((a, b) => sign * (Date.parse(a.activityDateTime) - Date.parse(b.activityDateTime)));
  }
  const top = params.has('$top') ? Number(params.get('$top')) : DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1) return { status: 400, code: 'BadRequest', message: `Invalid $top: '${params.get('$top')}'` };
  const size = Math.min(top, MAX_TOP);
  const skip = Number(params.get('$skiptoken') ?? 0) || 0;
  const page = list.slice(skip, skip + size);
  const body = { '@odata.context': `https://${host}/${version}/$metadata#auditLogs/provisioning`, value: page };
  if (skip + size < list.length) {
    const next = new URL(`https://${host}/${version}/auditLogs/provisioning`);
    for (const [k, v] of params) if (k !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skiptoken', String(skip + size));
    Object.assign(body, { '@odata.nextLink': next.toString() });
  }
  return { status: 200, body };
}
