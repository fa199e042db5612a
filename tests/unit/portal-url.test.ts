import { describe, expect, it } from 'vitest';
import { isGuid } from '@/lib/ids';
import {
  parsePortalUrl,
  PROVISIONING_MENU_ITEMS,
  provisioningLogsUrl,
  provisioningPageUrl,
  type PortalPage,
} from '@/lib/portal-url';

const SP = 'c9f1a2b3-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const TENANT = '3a4b5c6d-7e8f-4091-a2b3-c4d5e6f7a8b9';
const OTHER = 'deadbeef-0000-4000-8000-000000000000';
const IAM = 'Microsoft_AAD_IAM';
const PROV = 'Microsoft_AAD_Connect_Provisioning';
const APP_BLADE = 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~';

/** What a page looks like when nothing but the host is known; each row states only its differences. */
function page(overrides: Partial<PortalPage> = {}): PortalPage {
  return {
    cloud: 'global',
    host: 'portal.azure.com',
    extension: null,
    blade: null,
    menuItem: null,
    servicePrincipalId: null,
    appId: null,
    tenant: null,
    isProvisioning: false,
    isEnterpriseApp: false,
    ...overrides,
  };
}

/** An enterprise-app page of the known service principal. */
function appPage(menuItem: string, overrides: Partial<PortalPage> = {}): PortalPage {
  const isProvisioning = PROVISIONING_MENU_ITEMS.includes(menuItem);
  const ids = { servicePrincipalId: SP, appId: APP };
  return page({ extension: IAM, blade: 'ManagedAppMenuBlade', menuItem, ...ids, isProvisioning, isEnterpriseApp: true, ...overrides });
}

describe('parsePortalUrl: provisioning pages show the overlay', () => {
  it.each([
    ['ProvisioningManagement, appId then objectId', `${APP_BLADE}/ProvisioningManagement/appId/${APP}/objectId/${SP}`, appPage('ProvisioningManagement')],
    ['ProvisioningManagement with only appId', `${APP_BLADE}/ProvisioningManagement/appId/${APP}`, appPage('ProvisioningManagement', { servicePrincipalId: null })],
    ['Provisioning, objectId then appId', `${APP_BLADE}/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['ProvisioningActivity on Entra with only objectId', `https://entra.microsoft.com/#view/${IAM}/ManagedAppMenuBlade/~/ProvisioningActivity/objectId/${SP}`, appPage('ProvisioningActivity', { host: 'entra.microsoft.com', appId: null })],
    ['ProvisioningOverview', `${APP_BLADE}/ProvisioningOverview/objectId/${SP}/appId/${APP}`, appPage('ProvisioningOverview')],
    ['app-scoped provisioning logs', `${APP_BLADE}/ProvisioningEvents/objectId/${SP}/appId/${APP}`, appPage('ProvisioningEvents')],
    ['menu item in odd case', `${APP_BLADE}/provisioningmanagement/objectId/${SP}/appId/${APP}`, appPage('provisioningmanagement', { isProvisioning: true })],
    ['provisioning extension Overview', `https://portal.azure.com/#view/${PROV}/ProvisioningMenuBlade/~/Overview/objectId/${SP}/appId/${APP}`, appPage('Overview', { extension: PROV, blade: 'ProvisioningMenuBlade', isProvisioning: true })],
    ['provisioning extension OverviewPreview', `https://portal.azure.com/#view/${PROV}/ProvisioningMenuBlade/~/OverviewPreview/objectId/${SP}/appId/${APP}`, appPage('OverviewPreview', { extension: PROV, blade: 'ProvisioningMenuBlade', isProvisioning: true })],
    ['provisioning extension page without a menu item', `https://portal.azure.com/#view/${PROV}/ProvisioningMenuBlade/objectId/${SP}`, appPage('x', { extension: PROV, blade: 'ProvisioningMenuBlade', menuItem: null, appId: null, isProvisioning: true })],
    ['Cloud Sync blade with a service principal', `https://portal.azure.com/#view/${PROV}/CloudSyncMenuBlade/~/Overview/objectId/${SP}`, appPage('Overview', { extension: PROV, blade: 'CloudSyncMenuBlade', appId: null, isProvisioning: true })],
    ['AAD Connect blade with an app id', `https://portal.azure.com/#view/${PROV}/AADConnectMenuBlade/~/CloudSync/appId/${APP}`, appPage('CloudSync', { extension: PROV, blade: 'AADConnectMenuBlade', servicePrincipalId: null, isProvisioning: true })],
    ['legacy #blade/ form', `https://portal.azure.com/#blade/${IAM}/ManagedAppMenuBlade/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['legacy #blade/ form with only appId', `https://portal.azure.com/#blade/${IAM}/ManagedAppMenuBlade/ProvisioningManagement/appId/${APP}`, appPage('ProvisioningManagement', { servicePrincipalId: null })],
    ['~ encoded as %7E', `https://portal.azure.com/#view/${IAM}/ManagedAppMenuBlade/%7E/ProvisioningManagement/appId/${APP}/objectId/${SP}`, appPage('ProvisioningManagement')],
    ['~ encoded as %7e', `https://portal.azure.com/#view/${IAM}/ManagedAppMenuBlade/%7e/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['keys in odd case', `${APP_BLADE}/Provisioning/ObjectID/${SP}/APPID/${APP}`, appPage('Provisioning')],
    ['upper-case GUIDs are lower-cased', `${APP_BLADE}/Provisioning/objectId/${SP.toUpperCase()}/appId/${APP.toUpperCase()}`, appPage('Provisioning')],
    ['JSON pairs between and around the ids', `${APP_BLADE}/Provisioning/preferredSingleSignOnMode~/null/objectId/${SP}/isMSAApp~/false/appId/${APP}/servicePrincipalType/Application`, appPage('Provisioning')],
    ['JSON pair with an encoded ~', `${APP_BLADE}/Provisioning/isMSAApp%7E/false/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['trailing slash', `${APP_BLADE}/Provisioning/objectId/${SP}/appId/${APP}/`, appPage('Provisioning')],
    ['query string before the hash is ignored', `https://portal.azure.com/?feature.msaljs=true#view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['legacy-redirect query before the hash', `https://portal.azure.com/?Microsoft_AAD_IAM_legacyAADRedirect=true#view/${IAM}/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${APP}/objectId/${SP}`, appPage('ProvisioningManagement')],
    ['schema-editor query before the hash', `https://portal.azure.com/?Microsoft_AAD_Connect_Provisioning_forceSchemaEditorEnabled=true#view/${PROV}/ProvisioningMenuBlade/~/Overview/objectId/${SP}/appId/${APP}`, appPage('Overview', { extension: PROV, blade: 'ProvisioningMenuBlade', isProvisioning: true })],
    ['tenant id in the path', `https://portal.azure.com/${TENANT}/#view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning', { tenant: TENANT })],
    ['tenant domain before the route', `https://portal.azure.com/#@contoso.onmicrosoft.com/view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning', { tenant: 'contoso.onmicrosoft.com' })],
    ['tenant in both places, agreeing', `https://portal.azure.com/Contoso.onmicrosoft.com/#@contoso.onmicrosoft.com/view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}`, appPage('Provisioning', { tenant: 'contoso.onmicrosoft.com', appId: null })],
    ['tenant-qualified Entra admin center', `https://entra.microsoft.com/#@fabrikam.com/view/${IAM}/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${APP}/objectId/${SP}`, appPage('ProvisioningManagement', { host: 'entra.microsoft.com', tenant: 'fabrikam.com' })],
    ['upper-case host', `https://PORTAL.AZURE.COM/#view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
    ['explicit default port', `https://portal.azure.com:443/#view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`, appPage('Provisioning')],
  ])('%s', (_, url, expected) => {
    expect(parsePortalUrl(url)).toEqual(expected);
  });
});

describe('parsePortalUrl: every cloud host', () => {
  const route = `#view/${IAM}/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${APP}/objectId/${SP}`;
  it.each([
    ['portal.azure.com', 'global'],
    ['entra.microsoft.com', 'global'],
    ['portal.azure.us', 'usgov'],
    ['entra.microsoft.us', 'usgov'],
    ['portal.azure.cn', 'china'],
    ['entra.microsoftonline.cn', 'china'],
  ] as const)('%s belongs to %s', (host, cloud) => {
    expect(parsePortalUrl(`https://${host}/${route}`)).toEqual(appPage('ProvisioningManagement', { cloud, host }));
  });
});

describe('parsePortalUrl: enterprise-app pages offer a lookup but do not auto-show', () => {
  it.each(['Overview', 'Users', 'SignOn', 'Permissions', 'Properties'])('ManagedAppMenuBlade %s', (menuItem) => {
    const url = `${APP_BLADE}/${menuItem}/objectId/${SP}/appId/${APP}/preferredSingleSignOnMode~/null`;
    expect(parsePortalUrl(url)).toEqual(appPage(menuItem, { isProvisioning: false }));
  });

  it('a provisioning menu item without any id is not actionable', () => {
    expect(parsePortalUrl(`${APP_BLADE}/ProvisioningManagement`)).toEqual(
      page({ extension: IAM, blade: 'ManagedAppMenuBlade', menuItem: 'ProvisioningManagement' }),
    );
  });

  it('the provisioning list has no duplicates, in any case', () => {
    const lower = PROVISIONING_MENU_ITEMS.map((item) => item.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});

describe('parsePortalUrl: other portal pages are portal pages, not app pages', () => {
  it.each([
    ['home', 'https://portal.azure.com/#home', page()],
    ['no hash', 'https://portal.azure.com/', page()],
    ['tenant-only hash', 'https://portal.azure.com/#@contoso.onmicrosoft.com', page({ tenant: 'contoso.onmicrosoft.com' })],
    ['billing', 'https://portal.azure.com/#view/Microsoft_Azure_Billing/ModernBillingMenuBlade/~/Overview', page({ extension: 'Microsoft_Azure_Billing', blade: 'ModernBillingMenuBlade', menuItem: 'Overview' })],
    ['tenant-wide provisioning logs', 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/ProvisioningEvents', page({ extension: IAM, blade: 'ActiveDirectoryMenuBlade', menuItem: 'ProvisioningEvents' })],
    ['Cloud Sync blade without an id', `https://entra.microsoft.com/#view/${PROV}/CloudSyncMenuBlade/~/Overview`, page({ host: 'entra.microsoft.com', extension: PROV, blade: 'CloudSyncMenuBlade', menuItem: 'Overview' })],
    ['app registration: objectId is the application, not the service principal', `https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/${APP}/objectId/${OTHER}`, page({ extension: 'Microsoft_AAD_RegisteredApps', blade: 'ApplicationMenuBlade', menuItem: 'Overview', appId: APP })],
    ['browse with pairs and no menu item', 'https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Web%2Fsites', page({ extension: 'HubsExtension', blade: 'BrowseResource' })],
    ['a resource route', 'https://portal.azure.com/#resource/subscriptions/x/overview', page()],
    ['a sign-in path is not a tenant', 'https://portal.azure.com/signin/index/', page()],
  ])('%s', (_, url, expected) => {
    expect(parsePortalUrl(url)).toEqual(expected);
  });
});

describe('parsePortalUrl: duplicate or conflicting ids are rejected, never resolved by position', () => {
  it.each([
    ['the same id twice is fine', `${APP_BLADE}/Provisioning/objectId/${SP}/objectId/${SP.toUpperCase()}`, SP],
    ['two different ids', `${APP_BLADE}/Provisioning/objectId/${SP}/objectId/${OTHER}`, null],
    ['two different ids in different key case', `${APP_BLADE}/Provisioning/objectId/${SP}/OBJECTID/${OTHER}`, null],
    ['an invalid first occurrence', `${APP_BLADE}/Provisioning/objectId/evil/objectId/${SP}`, null],
    ['an invalid later occurrence', `${APP_BLADE}/Provisioning/objectId/${SP}/objectId/evil`, null],
  ])('%s', (_, url, expected) => {
    expect(parsePortalUrl(url)?.servicePrincipalId).toBe(expected);
  });

  it('tenants that disagree give no tenant', () => {
    expect(parsePortalUrl(`https://portal.azure.com/${TENANT}/#@contoso.onmicrosoft.com/home`)?.tenant).toBeNull();
  });
});

describe('parsePortalUrl: hostile input returns null or only valid GUIDs', () => {
  const route = `#view/${IAM}/ManagedAppMenuBlade/~/Provisioning/objectId/${SP}/appId/${APP}`;

  it.each([
    ['javascript: URL', `javascript:alert(1)//portal.azure.com/${route}`],
    ['data: URL', `data:text/html,https://portal.azure.com/${route}`],
    ['plain http', `http://portal.azure.com/${route}`],
    ['lookalike suffix', `https://portal.azure.com.evil.com/${route}`],
    ['host in the path', `https://evil.com/portal.azure.com/${route}`],
    ['userinfo trick', `https://portal.azure.com@evil.com/${route}`],
    ['userinfo on the real host', `https://user:pw@portal.azure.com/${route}`],
    ['non-default port', `https://portal.azure.com:8443/${route}`],
    ['Greek omicron lookalike (U+03BF)', `https://p\u03BFrtal.azure.com/${route}`],
    ['trailing-dot host', `https://portal.azure.com./${route}`],
    ['subdomain of a portal host', `https://x.portal.azure.com/${route}`],
    ['relative URL', `/${route}`],
    ['empty string', ''],
    ['null byte in the host', `https://portal.azure.com\u0000.evil.com/${route}`],
    ['over-long URL', `https://portal.azure.com/#view/${'a'.repeat(70_000)}`],
  ])('%s → null', (_, url) => {
    expect(parsePortalUrl(url)).toBeNull();
  });

  it.each([null, undefined, 42, {}, { href: `https://portal.azure.com/${route}` }, ['https://portal.azure.com/']])(
    'non-string input %j → null',
    (input) => {
      expect(parsePortalUrl(input as unknown as string)).toBeNull();
    },
  );

  it('accepts a URL object', () => {
    expect(parsePortalUrl(new URL(`https://portal.azure.com/${route}`))).toEqual(appPage('Provisioning'));
  });

  it.each([
    ['../ inside the id', `${APP_BLADE}/Provisioning/objectId/../../${SP}/appId/${APP}`],
    ['%2F inside the id', `${APP_BLADE}/Provisioning/objectId/..%2F${SP}/appId/${APP}`],
    ['encoded ../ path', `${APP_BLADE}/Provisioning/objectId/%2E%2E%2F%2E%2E%2Fjobs/appId/${APP}`],
    ['? injected into a value', `${APP_BLADE}/Provisioning/objectId/${SP}?x=1/appId/${APP}`],
    ['# injected into a value', `${APP_BLADE}/Provisioning/objectId/${SP}#x/appId/${APP}`],
    ['%3F and %23 injected into a value', `${APP_BLADE}/Provisioning/objectId/${SP}%3F%23/appId/${APP}`],
    ['null byte after the id', `${APP_BLADE}/Provisioning/objectId/${SP}\u0000/appId/${APP}`],
    ['encoded null byte after the id', `${APP_BLADE}/Provisioning/objectId/${SP}%00/appId/${APP}`],
    ['space-padded id', `${APP_BLADE}/Provisioning/objectId/%20${SP}/appId/${APP}`],
    ['GUID without dashes', `${APP_BLADE}/Provisioning/objectId/${SP.replaceAll('-', '')}/appId/${APP}`],
    ['braced GUID', `${APP_BLADE}/Provisioning/objectId/%7B${SP}%7D/appId/${APP}`],
    ['malformed escape', `${APP_BLADE}/Provisioning/objectId/%E0%A4%A/appId/${APP}`],
    ['id only as a JSON value', `${APP_BLADE}/Provisioning/objectId~/"${SP}"/appId/${APP}`],
  ])('%s: the bad id is dropped, the good one kept', (_, url) => {
    const result = parsePortalUrl(url);
    expect(result?.servicePrincipalId).toBeNull();
    expect(result?.appId).toBe(APP);
  });

  it('a menu item that is not an identifier is dropped and never matches the provisioning list', () => {
    const result = parsePortalUrl(`${APP_BLADE}/%3Cscript%3EProvisioning/objectId/${SP}/appId/${APP}`);
    expect(result).toEqual(appPage('Overview', { menuItem: null, isProvisioning: false }));
  });

  it('an invalid tenant is dropped', () => {
    expect(parsePortalUrl(`https://portal.azure.com/#@evil%2Fcom/home`)?.tenant).toBeNull();
    expect(parsePortalUrl(`https://portal.azure.com/..%2F..%2Fetc/#home`)?.tenant).toBeNull();
  });

  it('reads a 10 kB hash and still finds the ids (a catastrophic pattern would hit the test timeout)', () => {
    const filler = '/filler~/%7B%22a%22%3A1%7D'.repeat(400);
    const url = `${APP_BLADE}/Provisioning${filler}/objectId/${SP}/appId/${APP}`;
    expect(url.length).toBeGreaterThan(10_000);
    for (let i = 0; i < 20; i++) expect(parsePortalUrl(url)).toEqual(appPage('Provisioning'));
  });

  it('survives regex-hostile tenants and names without a tenant or names to show', () => {
    expect(parsePortalUrl(`https://portal.azure.com/#@${'a-'.repeat(5_000)}/view/${'A'.repeat(10_000)}/${'-'.repeat(10_000)}`)?.tenant).toBeNull();
    expect(parsePortalUrl(`https://portal.azure.com/${'a.'.repeat(5_000)}!/#home`)?.tenant).toBeNull();
  });
});

describe('useful links', () => {
  it('builds the provisioning page, which parses back as provisioning', () => {
    const url = provisioningPageUrl('portal.azure.us', APP.toUpperCase(), SP);
    expect(url).toBe(`https://portal.azure.us/#view/${IAM}/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${APP}/objectId/${SP}`);
    expect(parsePortalUrl(url ?? '')).toEqual(appPage('ProvisioningManagement', { cloud: 'usgov', host: 'portal.azure.us' }));
  });

  it.each([
    ['an unknown host', 'evil.com', APP, SP],
    ['a lookalike host', 'portal.azure.com.evil.com', APP, SP],
    ['an invalid app id', 'portal.azure.com', `${APP}/../x`, SP],
    ['an invalid service principal id', 'portal.azure.com', APP, ''],
  ])('refuses %s', (_, host, appId, spId) => {
    expect(provisioningPageUrl(host, appId, spId)).toBeNull();
  });

  it('builds the tenant-wide provisioning logs link for a portal host only', () => {
    expect(provisioningLogsUrl('Entra.Microsoft.com')).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/ProvisioningEvents',
    );
    expect(provisioningLogsUrl('evil.com/portal.azure.com')).toBeNull();
  });
});

describe('invariant: whatever the input, ids are valid lower-case GUIDs or null', () => {
  const inputs = [
    `${APP_BLADE}/Provisioning/objectId/${SP}/appId/${APP}`,
    `${APP_BLADE}/Provisioning/objectId/${SP}/appId`,
    `${APP_BLADE}/Provisioning/appId/objectId/${SP}`,
    `https://portal.azure.com/#view/${IAM}/ManagedAppMenuBlade/~/~/~/objectId/${SP}`,
    `https://portal.azure.com/#blade/${IAM}/ManagedAppMenuBlade/objectId/${SP}/appId/${APP}`,
    'https://portal.azure.com/#view//////',
    'https://portal.azure.com/#%',
  ];
  it.each(inputs)('%s', (url) => {
    const result = parsePortalUrl(url);
    for (const id of [result?.servicePrincipalId, result?.appId]) {
      if (id != null) expect(isGuid(id) && id === id.toLowerCase()).toBe(true);
    }
  });
});
