/**
 * Reads an Azure portal / Entra admin center URL into the page the admin is looking at.
 * Pure and browser-free: the content script passes `location.href`, tests pass strings.
 * Grammar and real examples: shared/reference/portal-urls.md.
 *
 * Trust rules: https only, the exact portal hosts of lib/clouds.ts, no userinfo or port, and every
 * id returned is a validated, lower-cased GUID (or null). Nothing here throws.
 */
import { type CloudId, cloudOfPortalHost } from '@/lib/clouds';
import { isGuid, isTenant } from '@/lib/ids';

export interface PortalPage {
  cloud: CloudId;
  /** Lower-case portal host, e.g. `portal.azure.com`. */
  host: string;
  /** Route identifiers (`Microsoft_AAD_IAM`, `ManagedAppMenuBlade`, `ProvisioningManagement`), null when absent or not an identifier. */
  extension: string | null;
  blade: string | null;
  menuItem: string | null;
  /** Service principal object id: only read on pages where `objectId` means a service principal. */
  servicePrincipalId: string | null;
  appId: string | null;
  /** Tenant id, verified domain or alias from `/{tenant}/` or `#@{tenant}/`, lower-cased. */
  tenant: string | null;
  /** A provisioning page of a known app: the overlay shows itself. */
  isProvisioning: boolean;
  /** A page where the service principal is known: the extension offers a lookup. */
  isEnterpriseApp: boolean;
}

/**
 * Menu ids of ManagedAppMenuBlade that show provisioning. Microsoft adds ids over time: add them
 * here, and a test row per form. Compared case-insensitively.
 */
export const PROVISIONING_MENU_ITEMS: readonly string[] = [
  'ProvisioningManagement',
  'Provisioning',
  'ProvisioningActivity',
  'ProvisioningOverview',
  'ProvisioningEvents', // the app-scoped provisioning logs
];

/** Every blade of this extension is provisioning or Cloud Sync UI, so it needs no menu list. */
export const PROVISIONING_EXTENSION = 'Microsoft_AAD_Connect_Provisioning';

/** The enterprise-app blade: its `objectId` is the service principal's object id. */
const ENTERPRISE_APP_EXTENSION = 'Microsoft_AAD_IAM';
const ENTERPRISE_APP_BLADE = 'ManagedAppMenuBlade';

/** Real portal URLs are a few hundred characters; refusing giant ones bounds the work per hash change. */
const MAX_URL_LENGTH = 65_536;

/** Extension, blade and menu ids are plain identifiers; anything else is neither shown nor matched. */
const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function parsePortalUrl(url: string | URL): PortalPage | null {
  const parsed = toPlainHttpsUrl(url);
  const cloud = parsed && cloudOfPortalHost(parsed.hostname);
  if (!parsed || !cloud) return null;

  const { hashTenant, segments } = splitHash(parsed.hash);
  const route = readRoute(segments);
  const isSpPage =
    sameName(route.extension, PROVISIONING_EXTENSION) ||
    (sameName(route.extension, ENTERPRISE_APP_EXTENSION) && sameName(route.blade, ENTERPRISE_APP_BLADE));
  // On other blades (app registrations, devices…) `objectId` names a different object.
  const servicePrincipalId = isSpPage ? agreedGuid(route.pairs, 'objectid') : null;
  const appId = agreedGuid(route.pairs, 'appid');
  const knowsApp = isSpPage && (servicePrincipalId !== null || appId !== null);
  const showsProvisioning =
    sameName(route.extension, PROVISIONING_EXTENSION) ||
    PROVISIONING_MENU_ITEMS.some((item) => sameName(route.menuItem, item));

  return {
    cloud,
    host: parsed.hostname,
    extension: route.extension,
    blade: route.blade,
    menuItem: route.menuItem,
    servicePrincipalId,
    appId,
    tenant: agreedTenant([pathTenant(parsed.pathname), hashTenant]),
    isProvisioning: knowsApp && showsProvisioning,
    isEnterpriseApp: knowsApp,
  };
}

/** The enterprise app's provisioning page, or null when the host or an id is not valid. */
export function provisioningPageUrl(cloudHost: string, appId: string, servicePrincipalId: string): string | null {
  const host = portalHost(cloudHost);
  if (!host || !isGuid(appId) || !isGuid(servicePrincipalId)) return null;
  const ids = `appId/${appId.toLowerCase()}/objectId/${servicePrincipalId.toLowerCase()}`;
  return `https://${host}/#view/${ENTERPRISE_APP_EXTENSION}/${ENTERPRISE_APP_BLADE}/~/ProvisioningManagement/${ids}`;
}

/** The tenant-wide provisioning logs, or null when the host is not a portal host. */
export function provisioningLogsUrl(host: string): string | null {
  const portal = portalHost(host);
  return portal && `https://${portal}/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/ProvisioningEvents`;
}

function portalHost(host: unknown): string | null {
  return typeof host === 'string' && cloudOfPortalHost(host) ? host.toLowerCase() : null;
}

/** Userinfo and ports never appear in portal URLs; refusing them leaves only the exact host to trust. */
function toPlainHttpsUrl(input: unknown): URL | null {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
  if (href === null || href.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const plain = url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '';
  return plain ? url : null;
}

/**
 * Splits `#[@tenant/]route/…` into percent-decoded segments. Splitting before decoding keeps an
 * encoded `%2F` inside its segment, where it fails validation instead of shifting the pairs.
 */
function splitHash(hash: string): { hashTenant: string | undefined; segments: string[] } {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  let hashTenant: string | undefined;
  if (raw.startsWith('@')) {
    const slash = raw.indexOf('/');
    const end = slash === -1 ? raw.length : slash;
    hashTenant = decode(raw.slice(1, end));
    raw = raw.slice(end + 1);
  }
  const segments = raw.split('/').map(decode);
  if (segments.at(-1) === '') segments.pop(); // a trailing slash is not an empty value
  return { hashTenant, segments };
}

/** Malformed escapes stay raw: they then fail validation rather than throw. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Route {
  extension: string | null;
  blade: string | null;
  menuItem: string | null;
  /** Alternating keys and values after the menu item. */
  pairs: readonly string[];
}

function readRoute(segments: readonly string[]): Route {
  const [kind, extension, blade, ...rest] = segments;
  if (kind !== 'view' && kind !== 'blade') return { extension: null, blade: null, menuItem: null, pairs: [] };
  // `~` introduces the menu item. Legacy `#blade/` routes omit it: pairs come in twos, so an odd
  // remainder means the first segment is the menu item.
  let menuItem: string | undefined;
  let pairs: readonly string[] = rest;
  if (rest[0] === '~') [, menuItem, ...pairs] = rest;
  else if (rest.length % 2 === 1) [menuItem, ...pairs] = rest;
  return { extension: asName(extension), blade: asName(blade), menuItem: asName(menuItem), pairs };
}

function asName(value: string | undefined): string | null {
  return value !== undefined && NAME.test(value) ? value : null;
}

function sameName(value: string | null, expected: string): boolean {
  return value !== null && value.toLowerCase() === expected.toLowerCase();
}

/**
 * The GUID under `key` (any case) when every occurrence carries the same valid GUID, else null.
 * Duplicates that disagree, or one invalid occurrence, may be a crafted URL whose page shows a
 * different object than we would read, so they are rejected rather than resolved by position.
 * JSON keys (`objectId~`) never equal a plain key, so their values are skipped as values.
 */
function agreedGuid(pairs: readonly string[], key: string): string | null {
  let found: string | null = null;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (pairs[i]?.toLowerCase() !== key) continue;
    const value = pairs[i + 1] ?? '';
    if (!isGuid(value) || (found !== null && found !== value.toLowerCase())) return null;
    found = value.toLowerCase();
  }
  return found;
}

/** Only a single path segment can be a tenant (`/{tenant}/`); deeper paths are other portal routes. */
function pathTenant(pathname: string): string | undefined {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return segments.length === 1 && segments[0] !== undefined ? decode(segments[0]) : undefined;
}

/** Same rule as ids: every tenant the URL names must be valid and agree. */
function agreedTenant(candidates: readonly (string | undefined)[]): string | null {
  const present = candidates.filter((candidate) => candidate !== undefined);
  if (present.length === 0 || !present.every((candidate) => isTenant(candidate))) return null;
  const lower = new Set(present.map((candidate) => candidate.toLowerCase()));
  return lower.size === 1 ? [...lower][0] ?? null : null;
}

/** The lookup a portal page implies: its service principal when the URL has one, else its application id. */
export function queryOfPage(page: PortalPage): { cloud: CloudId; servicePrincipalId?: string; appId?: string } | null {
  if (page.servicePrincipalId) return { cloud: page.cloud, servicePrincipalId: page.servicePrincipalId };
  if (page.appId) return { cloud: page.cloud, appId: page.appId };
  return null;
}
