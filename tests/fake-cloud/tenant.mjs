// The demo tenant: fixed ids (so URLs in tests and the demo stay stable) and job fixtures whose
// timestamps are shifted to the server's start time, so "quarantined 2 days ago, 19 days left" stays true.
import { readFileSync } from 'node:fs';
import { demoLogs } from './provisioning-logs.mjs';

/** The instant the fixture files were written against; every timestamp in them moves by (now - this). */
export const FIXTURE_NOW = '2025-03-14T09:00:00Z';
const FIXTURE_DIR = new URL('../fixtures/tenant/', import.meta.url);

export const TENANT_ID = '0efcc5ce-d806-4c95-8b16-a4a486432729';
export const TENANT_DOMAIN = 'contosodemo.onmicrosoft.com';
export const TENANT_NAME = 'Contoso Demo';

/** The one signed-in admin the fake IdP knows. */
export const ADMIN = Object.freeze({
  oid: 'dde385a6-b757-4a0a-bea7-efecaf9d1bff',
  name: 'Adele Vance',
  upn: `adele.vance@${TENANT_DOMAIN}`,
});

/**
 * @typedef {{ key: string, displayName: string, appId: string, objectId: string,
 *   scenario: string, jobFiles: string[], servicePrincipalType?: string }} DemoAppSpec
 */

/** @type {readonly DemoAppSpec[]} */
export const APP_SPECS = Object.freeze([
  { key: 'scim-healthy', displayName: 'Contoso HR SCIM Connector', appId: 'e3563385-6947-4d08-8a99-72c27916dc6a',
    objectId: '1cb5ed7d-54c1-4f07-897b-1113324c771c', scenario: 'healthy', jobFiles: ['scim-healthy.scim.json'] },
  { key: 'salesforce-sandbox', displayName: 'Salesforce Sandbox', appId: 'd77df34a-318f-48d5-8639-d5b0d94ba87e',
    objectId: '35aa7736-b3e5-439c-9e24-d3cb861fed45', scenario: 'quarantine: invalid credentials',
    jobFiles: ['salesforce-sandbox.SfSandboxOutDelta.json'] },
  { key: 'fabrikam-learning', displayName: 'Fabrikam Learning (SCIM)', appId: '4e25f3d5-a94f-4fe6-866c-61d0971db9a9',
    objectId: 'a4eabe36-f3cf-4744-b780-21f204f42ff2', scenario: 'quarantine: escrow proportion threshold',
    jobFiles: ['fabrikam-learning.scim.json'] },
  { key: 'servicenow', displayName: 'ServiceNow', appId: '4fdd9032-3805-43bb-bdcb-e2e422d3a531',
    objectId: 'd259d72f-0180-47f0-80b8-5b6e92f61e7a', scenario: 'quarantine: too many deletes',
    jobFiles: ['servicenow.serviceNow.json'] },
  { key: 'cloud-sync', displayName: 'contoso.lab', appId: 'b9b3c059-516f-4581-b17d-05cab16dbf4d',
    objectId: '15bc1329-8dc5-414b-a598-c00a9451d80b', scenario: 'Cloud Sync: two jobs, one quarantined (no active agents)',
    jobFiles: ['cloud-sync.AD2AADProvisioning.json', 'cloud-sync.AD2AADPasswordHash.json'] },
  { key: 'northwind-scim', displayName: 'Northwind Traders & Co. SCIM', appId: '2cdc1f5e-907e-40a5-9d9e-a1d540fdc2b7',
    objectId: '2e98f774-c431-4d40-b5e2-12127c21409f', scenario: 'quarantine: error message with markup',
    jobFiles: ['northwind-scim.scim.json'] },
  { key: 'slack', displayName: 'Slack', appId: '6a70e560-c0f3-401d-988a-2d3a91879f75',
    objectId: '70998884-cf06-4ead-8049-ef37a05ae9ea', scenario: 'not configured', jobFiles: ['slack.Slack.json'] },
  { key: 'box', displayName: 'Box', appId: 'eaca4bcd-9cf1-4414-b815-75a80efdfe45',
    objectId: '2b9114ae-e57f-43db-92d0-4cb5605c707d', scenario: 'unknown status code "Throttled"',
    jobFiles: ['box.BoxOutDelta.json'] },
]);

/**
 * @typedef {DemoAppSpec & { servicePrincipal: Record<string, unknown>, jobs: any[] }} DemoApp
 * @typedef {{ id: string, domain: string, displayName: string, admin: typeof ADMIN, now: number, apps: DemoApp[], provisioningLogs: any[] }} DemoTenant
 */

/** @param {{ now?: number }} [options] @returns {DemoTenant} */
export function buildTenant({ now = Date.now() } = {}) {
  const delta = now - Date.parse(FIXTURE_NOW);
  const apps = APP_SPECS.map((spec) => ({
    ...spec,
    servicePrincipal: servicePrincipalOf(spec),
    jobs: spec.jobFiles.map((file) => shiftTimes(JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), 'utf8')), delta)),
  }));
  const tenant = { id: TENANT_ID, domain: TENANT_DOMAIN, displayName: TENANT_NAME, admin: ADMIN, now, apps, provisioningLogs: /** @type {any[]} */ ([]) };
  // The logs of the demo apps (tests/fake-cloud/provisioning-logs.mjs); tests may replace or extend them.
  tenant.provisioningLogs = demoLogs(tenant);
  return tenant;
}

/** @param {DemoTenant} tenant @param {string} key */
export function appByKey(tenant, key) {
  const app = tenant.apps.find((a) => a.key === key);
  if (!app) throw new Error(`no demo app "${key}"; known: ${tenant.apps.map((a) => a.key).join(', ')}`);
  return app;
}

/** The Enterprise app → Provisioning page of an app, in the form most often seen in the wild. */
export function provisioningUrl(/** @type {DemoAppSpec} */ app, host = 'portal.azure.com') {
  return `https://${host}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${app.appId}/objectId/${app.objectId}`;
}

function servicePrincipalOf(/** @type {DemoAppSpec} */ spec) {
  return {
    id: spec.objectId,
    appId: spec.appId,
    displayName: spec.displayName,
    appDisplayName: spec.displayName,
    accountEnabled: true,
    appOwnerOrganizationId: TENANT_ID,
    servicePrincipalType: spec.servicePrincipalType ?? 'Application',
    preferredSingleSignOnMode: null,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp', 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication'],
    servicePrincipalNames: [spec.appId],
  };
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z$/;

/** Moves every real timestamp by `delta` ms, keeping Graph's 7-digit fractions and leaving sentinels alone. */
export function shiftTimes(/** @type {any} */ value, /** @type {number} */ delta) {
  if (typeof value === 'string') {
    const m = TIMESTAMP.exec(value);
    if (!m || m[1].startsWith('0001-')) return value;
    const fraction = m[2] ?? '';
    const ms = Date.parse(`${m[1]}.${fraction.padEnd(3, '0').slice(0, 3)}Z`) + delta;
    const iso = new Date(ms).toISOString(); // always .mmmZ
    if (!fraction) return `${iso.slice(0, 19)}Z`;
    const digits = (iso.slice(20, 23) + fraction.slice(3)).slice(0, Math.max(fraction.length, 3));
    return `${iso.slice(0, 19)}.${digits.slice(0, fraction.length)}Z`;
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, delta));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, delta)]));
  }
  return value;
}
