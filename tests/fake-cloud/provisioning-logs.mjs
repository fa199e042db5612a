// Provisioning-log records (provisioningObjectSummary) for the demo tenant and for tests: the shape
// of Microsoft's docs example, times relative to the tenant's `now`. One generator, so the fake
// Graph, the unit tests and the bench read the same kind of records.

const MINUTE = 60_000;
const STEP_NAMES = { import: 'EntryImport', scoping: 'EntryScoping', matching: 'EntrySynchronization', export: 'EntryExport' };

/**
 * @typedef {{ jobId: string, at: number, status?: string, code?: string, category?: string | null,
 *   action?: string, step?: string, name?: string, sourceId?: string, reason?: string,
 *   recommendedAction?: string | null, changeId?: string, servicePrincipal?: { id: string, displayName: string } }} RecordSpec
 */

/** A deterministic id from a number, GUID-shaped (the logs' ids are opaque strings). */
export function fakeGuid(/** @type {number} */ n, prefix = 'c0') {
  const hex = (n >>> 0).toString(16).padStart(12, '0').slice(-12);
  return `${prefix.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${hex}`;
}

/** One record. @param {RecordSpec} spec */
export function logRecord(spec) {
  const status = spec.status ?? 'failure';
  const step = spec.step ?? 'export';
  const name = spec.name ?? 'Adele Vance';
  const sourceId = spec.sourceId ?? fakeGuid(hash(name), '5e');
  const failed = status === 'failure';
  return {
    id: fakeGuid(hash(`${spec.jobId}|${spec.at}|${name}|${spec.code}`), 'a1'),
    activityDateTime: new Date(spec.at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tenantId: '0efcc5ce-d806-4c95-8b16-a4a486432729',
    jobId: spec.jobId,
    cycleId: fakeGuid(Math.floor(spec.at / (40 * MINUTE)), 'cc'),
    changeId: spec.changeId ?? fakeGuid(hash(`change|${spec.jobId}|${spec.at}|${name}`), 'ch'),
    provisioningAction: spec.action ?? 'update',
    durationInMilliseconds: 1200,
    sourceSystem: { id: '0404601d-a9c0-4ec7-bbcd-02660120d8c9', displayName: 'Azure Active Directory', details: {} },
    targetSystem: { id: 'cd22f60b-5f2d-4adb-adb4-76ef31db996b', displayName: spec.servicePrincipal?.displayName ?? 'Target app', details: {} },
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    servicePrincipal: spec.servicePrincipal ?? { id: '00000000-0000-0000-0000-000000000000', displayName: 'Target app' },
    sourceIdentity: { id: sourceId, displayName: name, identityType: 'User', details: {} },
    targetIdentity: { id: '', displayName: '', identityType: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', details: {} },
    provisioningStatusInfo: {
      status,
      errorInformation: failed
        ? { errorCode: spec.code ?? 'SystemForCrossDomainIdentityManagementBadResponse', reason: spec.reason ?? 'The target app answered with an error.',
            additionalDetails: null, errorCategory: spec.category === undefined ? 'nonServiceFailure' : spec.category, recommendedAction: spec.recommendedAction ?? null }
        : null,
    },
    provisioningSteps: ['import', 'scoping', 'matching', 'export'].map((type) => ({
      name: `${STEP_NAMES[/** @type {keyof typeof STEP_NAMES} */ (type)]}${type === 'export' ? 'Update' : ''}`,
      provisioningStepType: type,
      status: failed && type === step ? 'failure' : status === 'skipped' && type === 'scoping' ? 'skipped' : 'success',
      description: failed && type === step ? `Failed to update User '${name}'` : `Step ${type} for '${name}'`,
      details: {},
    })),
    modifiedProperties: [],
  };
}

function hash(/** @type {string} */ s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const CODES = [
  ['SystemForCrossDomainIdentityManagementBadResponse', 'nonServiceFailure', 'export'],
  ['SystemForCrossDomainIdentityManagementServiceIncompatible', 'nonServiceFailure', 'export'],
  ['DuplicateTargetEntries', 'nonServiceFailure', 'matching'],
  ['AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService', 'failure', 'export'],
  ['UserPrincipalNameRequired', 'failure', 'import'],
];

/**
 * `count` records of one job over the last days: failures across five codes (skewed, so groups
 * differ in size), with a skipped record every fourth. For the 1,000-record tests and the bench.
 * @param {{ jobId: string, now: number, count: number, days?: number }} o
 */
export function manyRecords({ jobId, now, count, days = 6 }) {
  const records = [];
  for (let i = 0; i < count; i++) {
    const [code, category, step] = CODES[Math.min(CODES.length - 1, Math.floor(Math.sqrt(i % 25)))];
    const at = now - Math.floor(((i * 7919) % (days * 1440)) * MINUTE) - MINUTE;
    records.push(logRecord({ jobId, at, code, category, step, status: i % 4 === 3 ? 'skipped' : 'failure',
      name: `User ${i % 400}`, action: ['create', 'update', 'delete', 'disable'][i % 4] }));
  }
  return records;
}

/** The logs of the demo tenant's apps. Salesforce (wrong credentials) has none: the service never reached it. */
export function demoLogs(/** @type {{ now: number, apps: { key: string, objectId: string, displayName: string, jobs: any[] }[] }} */ tenant) {
  const { now } = tenant;
  const records = [];
  const job = (/** @type {string} */ key, index = 0) => {
    const app = tenant.apps.find((a) => a.key === key);
    return { jobId: app?.jobs[index]?.id ?? `${key}.missing`, servicePrincipal: { id: app?.objectId ?? '', displayName: app?.displayName ?? key } };
  };
  const add = (/** @type {ReturnType<typeof job>} */ j, /** @type {Omit<RecordSpec, 'jobId' | 'servicePrincipal'>} */ spec) =>
    records.push(logRecord({ ...j, ...spec }));
  const ago = (/** @type {number} */ minutes) => now - minutes * MINUTE;

  const fabrikam = job('fabrikam-learning');
  const people = ['Alex Wilber', 'Megan Bowen', 'Lidia Holloway', 'Lynne Robbins', 'Joni Sherman', 'Isaiah Langer'];
  people.forEach((name, i) => {
    // Each object failed on two cycles: objects and events differ.
    for (const cycle of [0, 1])
      add(fabrikam, { at: ago(30 + i * 5 + cycle * 40), code: 'SystemForCrossDomainIdentityManagementBadResponse', name, action: 'update',
        reason: `Failed to update User '${name}' in customappsso; Error: The SCIM endpoint is not fully compatible with the Microsoft Entra SCIM client. StatusCode: BadRequest. Message: "Attribute 'emails[type eq \\"work\\"].value' is required"`,
        recommendedAction: 'Check the attribute mappings of the email address against what the SCIM endpoint requires.' });
  });
  ['Diego Siciliani', 'Pradeep Gupta'].forEach((name, i) =>
    add(fabrikam, { at: ago(50 + i * 90), code: 'DuplicateTargetEntries', step: 'matching', action: 'create', name,
      reason: `More than one user in Fabrikam Learning matches the source object '${name}' on userName.` }));
  add(fabrikam, { at: ago(2 * 1440), code: 'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService', category: 'failure', name: 'Grady Archie', action: 'update',
    reason: 'The provisioning service failed to process the object; it will retry on the next cycle.' });
  ['Enrico Cattaneo', 'Christie Cline', 'Nestor Wilke'].forEach((name, i) =>
    add(fabrikam, { at: ago(20 + i * 3), status: 'skipped', name, action: 'other' }));
  add(fabrikam, { at: ago(10 * 1440), code: 'OldFailureOutsideTheWindow', name: 'Old Record', action: 'update' });

  const servicenow = job('servicenow');
  ['Patti Fernandez', 'Irvin Sayers', 'Johanna Lorenz', 'Miriam Graham'].forEach((name, i) =>
    add(servicenow, { at: ago(60 + i * 2), code: 'RedundantExport', category: 'nonServiceFailure', name, action: 'stagedDelete', step: 'export',
      reason: `The deletion of User '${name}' is held: the accidental deletions threshold was exceeded.` }));
  add(servicenow, { at: ago(300), status: 'skipped', name: 'Ben Walters', action: 'other' });

  const northwind = job('northwind-scim');
  add(northwind, { at: ago(45), code: 'SystemForCrossDomainIdentityManagementBadResponse', name: '<img src=x onerror=alert(1)> Mallory', action: 'create',
    reason: '<script>alert("reason")</script> The SCIM endpoint answered 500 Internal Server Error. <b>bold?</b>' });

  const cloudSync = job('cloud-sync');
  add(cloudSync, { at: ago(400), code: 'HybridIdentityServiceNoActiveAgents', category: 'failure', step: 'import', name: 'CN=Sync Test,OU=Lab', action: 'update',
    reason: 'No active provisioning agent could be reached for this domain.' });

  const box = job('box');
  add(box, { at: ago(90), code: 'BoxRateLimited', name: 'Lee Gu', action: 'update', reason: 'Box answered 429 Too Many Requests.' });

  const healthy = job('scim-healthy');
  ['Adele Vance', 'Alex Wilber'].forEach((name, i) => add(healthy, { at: ago(35 + i), status: 'skipped', name, action: 'other' }));
  add(healthy, { at: ago(36), status: 'success', name: 'Megan Bowen', action: 'update' });

  // Salesforce: successes from before the credentials broke, nothing after; the failure view is empty.
  add(job('salesforce-sandbox'), { at: ago(9 * 1440), status: 'success', name: 'Adele Vance', action: 'update' });
  return records;
}

/** Graph's answers for the logs' known refusals, for `graph.failNext('auditLogs/provisioning', …)`. */
export const LOG_FAULTS = Object.freeze({
  nonPremium: { status: 403, body: { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" } } },
  unknownError: { status: 401, body: { error: { code: 'UnknownError', message: '' } } },
  throttled: { status: 429, headers: { 'Retry-After': '30' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } },
  permissionMissing: { status: 403, body: { error: { code: 'Authentication_MSGraphPermissionMissing', message: 'Calling principal does not have required MSGraph permissions AuditLog.Read.All' } } },
  badFilter: { status: 400, body: { error: { code: 'BadRequest', message: "Invalid filter clause" } } },
});
