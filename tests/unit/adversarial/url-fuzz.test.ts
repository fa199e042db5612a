/**
 * URL fuzzing: the portal URL parser, the Graph path builders and the popup's form reader fed
 * generated portal-like URLs (real forms, mutated real forms, hostile structured forms, noise).
 *
 * Why: the content script parses whatever `location.href` a portal page has, and the popup parses
 * whatever an admin pastes. The promises under test (lib/portal-url.ts, lib/graph-paths.ts):
 * - parsePortalUrl never throws;
 * - every id it returns is a valid, lower-case GUID that the URL's hash really carries;
 * - a URL that is not https on an exact portal host gives null;
 * - no Graph path can be built from an id that was not validated.
 *
 * Runs are seeded (FUZZ_SEED=<n> to explore other seeds); fast-check prints the seed and the
 * shrunk counterexample when a property breaks. Each property prints one `[url-fuzz]` figures line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryFromForm } from '@/components/LookupForm';
import { CLOUD_IDS, PORTAL_HOSTS, cloudOfPortalHost } from '@/lib/clouds';
import { InvalidIdError, jobPath, jobsPath, servicePrincipalByAppIdPath } from '@/lib/graph-paths';
import { isGuid, isJobId, isTenant } from '@/lib/ids';
import { parsePortalUrl } from '@/lib/portal-url';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = 10_000;
const params = { seed: SEED, numRuns: RUNS };
/** 10,000 runs with 70 kB strings take seconds, not Vitest's default 5. */
const SLOW = 120_000;

// ---- Building blocks ----

const REAL_SP = 'c9f1a2b3-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const REAL_APP = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const REAL_TENANT = '3a4b5c6d-7e8f-4091-a2b3-c4d5e6f7a8b9';

/** The provisioning pages of shared/reference/portal-urls.md, with real-shaped ids. */
const REAL_URLS = [
  `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${REAL_APP}/objectId/${REAL_SP}`,
  `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${REAL_APP}`,
  `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/${REAL_SP}/appId/${REAL_APP}`,
  `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningActivity/objectId/${REAL_SP}`,
  `https://portal.azure.com/#view/Microsoft_AAD_Connect_Provisioning/ProvisioningMenuBlade/~/Overview/objectId/${REAL_SP}/appId/${REAL_APP}`,
  `https://portal.azure.com/#view/Microsoft_AAD_Connect_Provisioning/ProvisioningMenuBlade/~/OverviewPreview/objectId/${REAL_SP}/appId/${REAL_APP}`,
  `https://portal.azure.com/#blade/Microsoft_AAD_IAM/ManagedAppMenuBlade/Provisioning/objectId/${REAL_SP}/appId/${REAL_APP}`,
  `https://portal.azure.us/${REAL_TENANT}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/${REAL_SP}`,
  `https://entra.microsoftonline.cn/?feature.msaljs=true#@contoso.onmicrosoft.com/view/Microsoft_AAD_IAM/ManagedAppMenuBlade/%7E/Users/objectId/${REAL_SP}/appId/${REAL_APP}/isMSAApp~/false`,
];

/**
 * Characters that look like GUID or host characters but are not: Cyrillic and Greek letters,
 * fullwidth digits and letters, dash look-alikes, invisible characters, Turkish İ and the Kelvin sign
 * (both case-map onto ASCII letters).
 */
const LOOK_ALIKES = [
  'а', 'е', 'о', 'р', 'с', 'х', 'А', 'В', 'Е', 'С', 'О', // Cyrillic
  'α', 'ο', 'Α', 'Β', 'Ε', 'Ο', // Greek
  '０', '１', '９', 'ａ', 'ｆ', 'Ａ', '－', // fullwidth
  '‐', '‑', '−', '–', // dashes
  '\u200b', '\ufeff', '\u0301', 'İ', 'K',
];

/** Segments that try to change where a path or pair ends: traversal, separators, escapes, noise. */
const HOSTILE_SNIPPETS = [
  '..', '.', '../', '..%2F', '%2e%2e', '%2F', '%2f', '/', '//', '?', '?objectId=' + REAL_SP, '#', '%23', '%3F',
  '~', '%7E', '%7e', '~/', '%', '%zz', '%E0%A4%A', '%00', '\u0000', '\t', '\n', ' ', '%20', '\\', '@',
  '<script>alert(1)</script>', '"\'>', 'javascript:alert(1)', '🙂', '\ud800', '&', '=', ';', ',',
  '{', '}', 'objectId', 'appId', 'objectId~', '%6FbjectId', 'null', 'false',
];

const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');

/** A valid GUID, in lower, upper or mixed case. */
const guid = fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.mixedCase(fc.uuid()));

/** Almost a GUID: one edit that must make it invalid, or percent-encoding that decodes back to it. */
const wrongGuid = fc
  .tuple(fc.uuid(), fc.nat(35), fc.nat(1_000), hexChar, fc.constantFrom(...LOOK_ALIKES), fc.constantFrom(...HOSTILE_SNIPPETS))
  .chain(([u, at, n, hex, look, snippet]) =>
    fc.constantFrom(
      u.slice(0, at) + look + u.slice(at + 1), // look-alike in place of one character
      u.slice(0, -1), // one character short
      u + hex, // one character long
      u.replaceAll('-', ''), // no dashes
      `{${u}}`, // registry form
      ` ${u}`, // whitespace the parser must not trim
      u.slice(0, at) + snippet + u.slice(at), // a hostile snippet inside
      u.slice(0, at) + `%${u.charCodeAt(at).toString(16)}` + u.slice(at + 1), // one char percent-encoded (decodes valid)
      u.replace('-', '%2D'), // encoded dash (decodes valid)
      u.replaceAll('-', '_'),
      u.slice(0, at) + 'g' + u.slice(at + 1), // not hex
      `${u}.${n}`,
      [...u].map((c) => (/\d/.test(c) ? String.fromCharCode(0xff10 + Number(c)) : c)).join(''), // fullwidth digits
    ),
  );

/** A segment of 1 to 70 kB: very long values, and hashes beyond the parser's 64 kB bound. */
const longSegment = fc
  .tuple(fc.constantFrom('a', '0', 'A%41', '~', '%2F', 'é', REAL_SP), fc.integer({ min: 1_000, max: 70_000 }))
  .map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length)));

/** A plain path segment of the URL standard's alphabet: an unrelated key. */
const plainSegment = fc.webSegment().filter((s) => s.length > 0);

/** Keys as written, in any case, JSON-valued (`key~`), encoded, or unrelated. */
const pairKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('objectId', 'appId') },
  { weight: 3, arbitrary: fc.mixedCase(fc.constantFrom('objectId', 'appId')) },
  { weight: 2, arbitrary: fc.constantFrom('objectId~', 'appId~', '%6FbjectId', 'object%49d', 'objectİd', 'objectId ', 'servicePrincipalId', 'isMSAApp~', 'preferredSingleSignOnMode~') },
  { weight: 1, arbitrary: plainSegment },
);

/** Values: the ids a URL may carry, near-ids, JSON values, snippets, long values. */
const pairValue = fc.oneof(
  { weight: 6, arbitrary: guid },
  { weight: 2, arbitrary: fc.constantFrom(REAL_SP, REAL_APP, REAL_SP.toUpperCase()) }, // duplicates that agree
  { weight: 4, arbitrary: wrongGuid },
  { weight: 2, arbitrary: fc.constantFrom('null', 'false', 'true', '%22x%22', '{}', '') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 1, arbitrary: longSegment },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const scheme = fc.oneof(
  { weight: 12, arbitrary: fc.constant('https://') },
  { weight: 1, arbitrary: fc.constantFrom('HTTPS://', 'hTTps://', ' https://', '\thttps://', 'ht\ttps://') },
  { weight: 3, arbitrary: fc.constantFrom('http://', 'javascript://', 'ftp://', 'wss://', 'file://', 'data:text/html,', 'blob:https://', 'view-source:https://', 'chrome-extension://', '//', '', 'https:/', 'https:\\\\', 'https:') },
);

const host = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...PORTAL_HOSTS) },
  { weight: 2, arbitrary: fc.mixedCase(fc.constantFrom(...PORTAL_HOSTS)) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'portal.azure.com.evil.example', 'evil.example', 'portal.azure.co', 'portal-azure.com', 'xportal.azure.com',
      'portal.azure.com.', 'sub.portal.azure.com', 'reactblade.portal.azure.net', 'graph.microsoft.com',
      'login.microsoftonline.com', '127.0.0.1', '[::1]', 'entra.microsoft.co', 'portal.azure.cn.evil.example',
      'portal.azure.com%2eevil.example', 'portal%2Eazure.com', 'ｐｏｒｔａｌ.azure.com', 'portal.azure.com\u0000',
    ),
  },
  // Look-alike letters inside a real host.
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PORTAL_HOSTS), fc.nat(20), fc.constantFrom(...LOOK_ALIKES)).map(([h, at, c]) => h.slice(0, at % h.length) + c + h.slice((at % h.length) + 1)) },
);

const userinfo = fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('admin@', 'a:b@', '@', ':@', 'portal.azure.com@', `${REAL_SP}@`) });
const port = fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(':443', ':0443', ':8443', ':80', ':', ':x') });

/** `/{tenant}/`, deeper paths, traversal; the parser reads only a single segment as a tenant. */
const path = fc.oneof(
  { weight: 6, arbitrary: fc.constant('/') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: guid.map((g) => `/${g}/`) },
  { weight: 1, arbitrary: fc.constantFrom('/contoso.onmicrosoft.com/', '/organizations/', '/../', '/%2e%2e/', '/~/', `/${REAL_TENANT}/x/`, '/a%2Fb/', '/\u0000/') },
);

/** Query strings seen before the hash, and ones that carry ids the parser must not read. */
const query = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('?feature.msaljs=true', '?Microsoft_AAD_IAM_legacyAADRedirect=true', '?Microsoft_AAD_Connect_Provisioning_forceSchemaEditorEnabled=true') },
  { weight: 1, arbitrary: guid.map((g) => `?objectId=${g}&appId=${g}`) },
);

const hashTenant = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('@contoso.onmicrosoft.com/', '@organizations/', '@/', '@', '@<b>/', '@con%2Ftoso.com/') },
  { weight: 1, arbitrary: guid.map((g) => `@${g}/`) },
);

const routeKind = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('view', 'blade') }, { weight: 1, arbitrary: fc.constantFrom('VIEW', 'Blade', 'view~', '', 'resource', '%76iew') });
const extension = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('Microsoft_AAD_IAM', 'Microsoft_AAD_Connect_Provisioning') }, { weight: 2, arbitrary: fc.mixedCase(fc.constantFrom('Microsoft_AAD_IAM', 'Microsoft_AAD_Connect_Provisioning')) }, { weight: 1, arbitrary: fc.constantFrom('Microsoft_AAD_RegisteredApps', 'Microsoft_Intune_Devices', '<x>', '') });
const blade = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('ManagedAppMenuBlade', 'ProvisioningMenuBlade', 'CloudSyncMenuBlade', 'AADConnectMenuBlade') }, { weight: 1, arbitrary: fc.constantFrom('ApplicationMenuBlade', 'managedappmenublade', '..', '') });
const tilde = fc.constantFrom('~/', '~/', '%7E/', '%7e/', '', '~~/', '%257E/');
const menuItem = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('ProvisioningManagement', 'Provisioning', 'ProvisioningActivity', 'ProvisioningEvents', 'Overview', 'OverviewPreview', 'Users', 'SignOn') },
  { weight: 1, arbitrary: fc.constantFrom('provisioningmanagement', '..', '%2F', '', 'Provisioning?x=1') },
);

/** A structured URL: scheme, authority, path, query, then a hash route with shuffled and injected pairs. */
const structuredUrl = fc
  .record({
    scheme, userinfo, host, port, path, query, hashTenant, routeKind, extension, blade, tilde, menuItem,
    pairs: fc.array(fc.tuple(pairKey, pairValue), { maxLength: 6 }),
    injected: fc.array(fc.tuple(fc.nat(40), fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), longSegment)), { maxLength: 3 }),
    trailer: fc.constantFrom('', '', '/', '/#again', '?x=1', '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/' + REAL_SP),
  })
  .map((u) => {
    const segments = [u.routeKind, u.extension, u.blade, u.tilde.replace(/\/$/, ''), u.menuItem, ...u.pairs.flat()].filter((s, i) => i < 3 || s !== '');
    for (const [at, snippet] of u.injected) segments.splice(at % (segments.length + 1), 0, snippet);
    return `${u.scheme}${u.userinfo}${u.host}${u.port}${u.path}${u.query}#${u.hashTenant}${segments.join('/')}${u.trailer}`;
  });

/** A real URL with a few edits anywhere: inserted snippets, look-alike or deleted characters, case flips. */
const mutatedRealUrl = fc
  .tuple(
    fc.constantFrom(...REAL_URLS),
    fc.array(fc.tuple(fc.constantFrom('insert', 'replace', 'delete', 'upper', 'duplicateHash'), fc.nat(400), fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), fc.constantFrom(...LOOK_ALIKES))), { minLength: 1, maxLength: 4 }),
  )
  .map(([url, edits]) =>
    edits.reduce((s, [edit, at, text]) => {
      const i = at % (s.length + 1);
      switch (edit) {
        case 'insert': return s.slice(0, i) + text + s.slice(i);
        case 'replace': return s.slice(0, i) + text + s.slice(i + 1);
        case 'delete': return s.slice(0, i) + s.slice(i + 1);
        case 'upper': return s.slice(0, i) + s.slice(i).toUpperCase();
        default: return s + s.slice(s.indexOf('#'));
      }
    }, url),
  );

const KINDS = ['structured', 'mutated', 'real', 'noise', 'webUrl'] as const;
type Kind = (typeof KINDS)[number];

/** Every generated URL, tagged with the generator it came from (for the figures). */
const anyUrl: fc.Arbitrary<{ kind: Kind; url: string }> = fc.oneof(
  { weight: 10, arbitrary: structuredUrl.map((url) => ({ kind: 'structured' as const, url })) },
  { weight: 6, arbitrary: mutatedRealUrl.map((url) => ({ kind: 'mutated' as const, url })) },
  { weight: 1, arbitrary: fc.constantFrom(...REAL_URLS).map((url) => ({ kind: 'real' as const, url })) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((url) => ({ kind: 'noise' as const, url })) },
  { weight: 1, arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true }).map((url) => ({ kind: 'webUrl' as const, url })) },
);

// ---- Oracles, written independently of lib/portal-url.ts ----

type Expectation = 'portal' | 'notPortal' | 'unknown';

/**
 * What the URL standard makes of the scheme and authority, read without `new URL`: a portal page
 * ('portal'), certainly not one ('notPortal'), or 'unknown' where the standard repairs or maps the
 * input (`https:/host`, fullwidth or percent-encoded host letters) and only the browser can tell.
 */
function expectation(input: string): Expectation {
  if (input.length > 65_536) return 'unknown'; // the parser's documented bound on work per hash change
  const s = input.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):([^]*)$/.exec(s);
  if (!m || m[1]!.toLowerCase() !== 'https') return 'notPortal';
  const a = /^\/\/([^/?#\\]*)/.exec(m[2]!);
  if (!a) return 'unknown';
  let authority = a[1]!;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    if (authority.slice(0, at) !== '' && authority.slice(0, at) !== ':') return 'notPortal'; // user name or password
    authority = authority.slice(at + 1);
  }
  const portMatch = /:(\d*)$/.exec(authority);
  const hostPart = portMatch ? authority.slice(0, portMatch.index) : authority;
  if (portMatch && portMatch[1] !== '' && Number(portMatch[1]) !== 443) return 'notPortal';
  if (/[\u0370-\u04ff]/.test(hostPart)) return 'notPortal'; // IDNA never maps Greek or Cyrillic onto ASCII
  if (!/^[A-Za-z0-9.-]+$/.test(hostPart)) return /[:[\]]/.test(hostPart) ? 'notPortal' : 'unknown';
  return PORTAL_HOSTS.includes(hostPart.toLowerCase()) ? 'portal' : 'notPortal';
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The hash as the input spells it, and segment-wise percent-decoded, lower-cased; tabs and newlines are dropped by the URL standard. */
function hashForms(input: string): { literal: string; decoded: string } {
  const stripped = input.replace(/[\t\n\r]/g, '');
  const hash = stripped.includes('#') ? stripped.slice(stripped.indexOf('#')) : '';
  return { literal: hash.toLowerCase(), decoded: hash.split('/').map(safeDecode).join('/').toLowerCase() };
}

const LOWER_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

// ---- The fixed grammar of Graph paths ----

const G = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const JOBS_PATH = new RegExp(`^/servicePrincipals/(${G})/synchronization/jobs$`);
const JOB_PATH = new RegExp(`^/servicePrincipals/(${G})/synchronization/jobs/([A-Za-z0-9][A-Za-z0-9._-]{0,255})$`);
const APP_PATH = new RegExp(`^/servicePrincipals\\(appId='(${G})'\\)\\?\\$select=id,appId,displayName$`);

interface BuildTally { built: number; rejected: number }

/** `expect` is slow at 100,000 calls a property: check plainly, and fail loudly with the input. */
function check(ok: boolean, what: string, input: unknown): void {
  if (!ok) expect.fail(`${what}: ${JSON.stringify(input)}`);
}

/**
 * Calls a path builder with untrusted input. It either throws InvalidIdError (any other error
 * fails the test) or returns a path of the fixed grammar whose ids are exactly the validated inputs.
 */
function tryBuild(tally: BuildTally, build: () => string, grammar: RegExp, ids: readonly unknown[]): void {
  let path: string;
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // hundreds of thousands of expected throws: their stacks would cost seconds
  try {
    path = build();
  } catch (error) {
    check(error instanceof InvalidIdError, `threw ${String(error)}, not InvalidIdError`, ids);
    tally.rejected++;
    return;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  tally.built++;
  const m = grammar.exec(path);
  check(m !== null, `built ${path}, outside the grammar`, ids);
  // The path carries the very ids it was given (validated, lower-cased), nothing of its own making.
  const [spId, jobId] = ids;
  check(typeof spId === 'string' && isGuid(spId) && m![1] === spId.toLowerCase(), `built ${path} from an unvalidated id`, ids);
  if (ids.length > 1) check(isJobId(jobId) && !jobId.includes('..') && m![2] === jobId, `built ${path} from an unvalidated job id`, ids);
  // A Graph base URL resolves the path verbatim: no dot segment or encoded separator moves it.
  const base = 'https://graph.microsoft.com/v1.0';
  check(new URL(base + path).href === base + path, `${path} does not resolve verbatim`, ids);
}

/** Job ids: real forms, the validator's own alphabet, and strings built to break out of a segment. */
const jobIdLike = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('scim', 'AD2AADProvisioning', 'Azure2Azure', 'BoxOutDelta'), fc.uuid()).map(([t, u]) => `${t}.${u.replaceAll('-', '')}.${u}`) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'aZ09._-/%?#&=\\ \u0000~é'), maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', 'scim..x', 'a/../b', 'scim%2F..', 'a?b', 'a#b', 'a b', '', ' scim.x', 'scim.x ', 'a'.repeat(256), 'a'.repeat(257), 'scim.x\n', 'ѕcim.x') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

// ---- Properties ----

describe('parsePortalUrl under generated URLs', () => {
  it('never throws', () => {
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    let pages = 0;
    let withIds = 0;
    let maxLength = 0;
    fc.assert(
      fc.property(anyUrl, ({ kind, url }) => {
        byKind[kind]++;
        maxLength = Math.max(maxLength, url.length);
        const page = parsePortalUrl(url); // a throw fails the property with the shrunk URL
        if (page) pages++;
        if (page?.servicePrincipalId || page?.appId) withIds++;
      }),
      params,
    );
    console.log(
      `[url-fuzz] ${RUNS} URLs (seed ${SEED}; ${KINDS.map((k) => `${k} ${byKind[k]}`).join(', ')}; longest ${maxLength} chars): ` +
        `0 throws, ${pages} portal pages, ${withIds} with ids`,
    );
  }, SLOW);

  it('returns only valid lower-case GUIDs that the URL hash carries, and a consistent page', () => {
    let ids = 0;
    let literal = 0;
    let decodedOnly = 0;
    let tenants = 0;
    fc.assert(
      fc.property(anyUrl, ({ url }) => {
        const page = parsePortalUrl(url);
        if (!page) return;
        const forms = hashForms(url);
        for (const id of [page.servicePrincipalId, page.appId]) {
          if (id === null) continue;
          ids++;
          expect(isGuid(id)).toBe(true);
          expect(id).toMatch(LOWER_GUID);
          // From the hash only: a GUID in the query or the path never becomes an object id.
          if (forms.literal.includes(id)) literal++;
          else if (forms.decoded.includes(id)) decodedOnly++;
          else expect.fail(`id ${id} is not in the hash of ${JSON.stringify(url)}`);
        }
        if (page.tenant !== null) {
          tenants++;
          expect(isTenant(page.tenant)).toBe(true);
          expect(page.tenant).toBe(page.tenant.toLowerCase());
        }
        expect(PORTAL_HOSTS).toContain(page.host);
        expect(page.cloud).toBe(cloudOfPortalHost(page.host));
        for (const name of [page.extension, page.blade, page.menuItem]) if (name !== null) expect(name).toMatch(NAME);
        if (page.isProvisioning) expect(page.isEnterpriseApp).toBe(true);
        if (page.isEnterpriseApp) expect(page.servicePrincipalId ?? page.appId).not.toBeNull();
        // A service principal id is read only on enterprise-app pages (an app id names the app anywhere).
        if (page.servicePrincipalId !== null) expect(page.isEnterpriseApp).toBe(true);
      }),
      params,
    );
    console.log(`[url-fuzz] ${RUNS} URLs: ${ids} ids returned, all valid lower-case GUIDs from the hash (${literal} literal, ${decodedOnly} percent-encoded), ${tenants} tenants, all valid`);
  }, SLOW);

  it('is null unless the URL is https on an exact portal host, with no user name, password or port', () => {
    const tally = { portal: 0, notPortal: 0, unknown: 0, unknownParsed: 0 };
    fc.assert(
      fc.property(anyUrl, ({ url }) => {
        const expected = expectation(url);
        tally[expected]++;
        const page = parsePortalUrl(url);
        if (expected === 'portal') expect(page, url).not.toBeNull();
        if (expected === 'notPortal') expect(page, url).toBeNull();
        if (expected === 'unknown' && page) {
          // Whatever the URL standard repaired, what the parser accepted is https on a portal host.
          tally.unknownParsed++;
          const u = new URL(url);
          expect(u.protocol).toBe('https:');
          expect(PORTAL_HOSTS).toContain(u.hostname);
        }
      }),
      params,
    );
    console.log(
      `[url-fuzz] ${RUNS} URLs: ${tally.notPortal} not https/not a portal host -> all null; ${tally.portal} plain portal URLs -> all parsed; ` +
        `${tally.unknown} repaired by the URL standard (${tally.unknownParsed} parsed, each https on a portal host)`,
    );
  }, SLOW);
});

describe('Graph path builders under the same strings', () => {
  it('throw InvalidIdError or build a path of the fixed grammar from a validated id', () => {
    const sp: BuildTally = { built: 0, rejected: 0 };
    const app: BuildTally = { built: 0, rejected: 0 };
    const job: BuildTally = { built: 0, rejected: 0 };
    let candidates = 0;
    fc.assert(
      fc.property(anyUrl, jobIdLike, ({ url }, jobId) => {
        const page = parsePortalUrl(url);
        const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : url;
        // The whole URL, every hash segment raw and decoded, and whatever the parser returned.
        const strings = [url, ...hash.split('/').flatMap((s) => [s, safeDecode(s)]), page?.servicePrincipalId, page?.appId]
          .filter((s): s is string => typeof s === 'string');
        for (const s of new Set(strings)) {
          candidates++;
          tryBuild(sp, () => jobsPath(s), JOBS_PATH, [s]);
          tryBuild(app, () => servicePrincipalByAppIdPath(s), APP_PATH, [s]);
          tryBuild(job, () => jobPath(s, jobId), JOB_PATH, [s, jobId]);
          tryBuild(job, () => jobPath(REAL_SP, s), JOB_PATH, [REAL_SP, s]);
        }
      }),
      params,
    );
    console.log(
      `[url-fuzz] path builders: ${candidates} strings from ${RUNS} URLs; jobsPath ${sp.built} built / ${sp.rejected} InvalidIdError, ` +
        `servicePrincipalByAppIdPath ${app.built} / ${app.rejected}, jobPath ${job.built} / ${job.rejected}; every built path in the fixed grammar`,
    );
  }, SLOW);

  it('throw InvalidIdError for random job ids and non-string ids', () => {
    const job: BuildTally = { built: 0, rejected: 0 };
    const other: BuildTally = { built: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.oneof(guid, wrongGuid), jobIdLike, fc.anything(), (spId, jobId, anything) => {
        tryBuild(job, () => jobPath(spId, jobId), JOB_PATH, [spId, jobId]);
        // JavaScript callers can pass anything: objects with a toString, numbers, null.
        if (typeof anything !== 'string') {
          tryBuild(other, () => jobsPath(anything as string), JOBS_PATH, [anything]);
          tryBuild(other, () => servicePrincipalByAppIdPath(anything as string), APP_PATH, [anything]);
          tryBuild(other, () => jobPath(REAL_SP, anything as string), JOB_PATH, [REAL_SP, anything]);
        }
      }),
      params,
    );
    expect(other.built).toBe(0);
    console.log(`[url-fuzz] jobPath with ${RUNS} random (service principal, job id) pairs: ${job.built} built, ${job.rejected} InvalidIdError; non-string ids: ${other.rejected} InvalidIdError, 0 built`);
  }, SLOW);
});

describe("the popup's form reader (queryFromForm)", () => {
  const padded = (arb: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '\t', '\n ', '\u00a0', '\u3000'), arb, fc.constantFrom('', ' ', '\r\n')).map(([a, s, b]) => a + s + b);
  const fields = fc.record({
    servicePrincipalId: fc.oneof(fc.constant(''), padded(guid), padded(wrongGuid), fc.string({ unit: 'binary', maxLength: 50 })),
    jobId: fc.oneof(fc.constant(''), padded(jobIdLike)),
    portalUrl: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 3, arbitrary: padded(anyUrl.map((u) => u.url)) }),
  });

  it('returns a message, or a query whose ids are valid and build Graph paths', () => {
    const tally = { messages: 0, bySp: 0, byApp: 0, withJob: 0 };
    fc.assert(
      fc.property(fields, fc.constantFrom(...CLOUD_IDS), (form, cloud) => {
        const query = queryFromForm(form, cloud);
        if (typeof query === 'string') {
          tally.messages++;
          expect(query.length).toBeGreaterThan(0);
          return;
        }
        expect(CLOUD_IDS).toContain(query.cloud);
        // Exactly one way to find the service principal.
        expect((query.servicePrincipalId === undefined) !== (query.appId === undefined)).toBe(true);
        if (query.servicePrincipalId !== undefined) {
          tally.bySp++;
          expect(query.servicePrincipalId).toMatch(LOWER_GUID);
          expect(() => jobsPath(query.servicePrincipalId!)).not.toThrow();
        } else {
          tally.byApp++;
          expect(query.appId).toMatch(LOWER_GUID);
          expect(() => servicePrincipalByAppIdPath(query.appId!)).not.toThrow();
        }
        if (query.jobId !== undefined) {
          tally.withJob++;
          expect(isJobId(query.jobId)).toBe(true);
          expect(() => jobPath(query.servicePrincipalId ?? REAL_SP, query.jobId!)).not.toThrow();
        }
      }),
      params,
    );
    console.log(
      `[url-fuzz] queryFromForm: ${RUNS} forms, ${tally.messages} messages, ${tally.bySp + tally.byApp} queries ` +
        `(${tally.bySp} by service principal, ${tally.byApp} by app id, ${tally.withJob} with a job id), all ids valid`,
    );
  }, SLOW);
});
