/** The built packages as a browser and a store reviewer see them: least privilege, strict CSP, lean content script. */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const API_HOSTS = [
  'https://graph.microsoft.com/*',
  'https://login.microsoftonline.com/*',
  'https://graph.microsoft.us/*',
  'https://login.microsoftonline.us/*',
  'https://dod-graph.microsoft.us/*',
  'https://microsoftgraph.chinacloudapi.cn/*',
  'https://login.partner.microsoftonline.cn/*',
];
const PORTAL_MATCHES = ['portal.azure.com', 'entra.microsoft.com', 'portal.azure.us', 'entra.microsoft.us', 'portal.azure.cn', 'entra.microsoftonline.cn'].map(
  (host) => `https://${host}/*`,
);

const read = (path: string) => readFileSync(path, 'utf8');
const manifest = (browser: string) => JSON.parse(read(`.output/${browser}/manifest.json`));

beforeAll(() => {
  if (!existsSync('.output/chrome-mv3/manifest.json')) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (!existsSync('.output/firefox-mv2/manifest.json')) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
});

describe('Chrome/Edge manifest (MV3)', () => {
  it('asks only for storage, identity and the offscreen document', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    // alarms: the watched-jobs check, no install warning; notifications only when the admin turns them on.
    expect([...m.permissions].sort()).toEqual(['alarms', 'identity', 'offscreen', 'storage']);
    expect([...m.host_permissions].sort()).toEqual([...API_HOSTS].sort());
    expect(m.optional_permissions ?? []).toEqual(['notifications']);
  });

  it('runs its content script on portal hosts only, in the top frame', () => {
    const m = manifest('chrome-mv3');
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
    expect(m.content_scripts[0].all_frames ?? false).toBe(false);
  });

  it('exposes only the overlay UI module, to portal hosts, under a per-session URL; nothing to other extensions', () => {
    const m = manifest('chrome-mv3');
    expect(m.web_accessible_resources).toEqual([{ resources: ['overlay-ui.js'], matches: PORTAL_MATCHES, use_dynamic_url: true }]);
    expect(m.externally_connectable).toBeUndefined();
  });

  it('keeps a strict CSP on extension pages', () => {
    const csp: string = manifest('chrome-mv3').content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('pins the development id with a key', () => {
    expect(manifest('chrome-mv3').key).toMatch(/^MIIB/);
  });
});

describe('Firefox manifest (MV2)', () => {
  it('has a stable gecko id, no data collection and the same least privilege', () => {
    const m = manifest('firefox-mv2');
    expect(m.browser_specific_settings.gecko.id).toBe('provisioning-lens@provisioning-lens.dev');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect([...m.permissions].sort()).toEqual(['alarms', 'identity', 'storage', ...API_HOSTS].sort());
    expect(m.optional_permissions ?? []).toEqual(['notifications']);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
    expect(m.content_security_policy).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(m.web_accessible_resources).toEqual(['overlay-ui.js']);
    expect(m.key).toBeUndefined();
  });
});

describe('what each part carries', () => {
  it.each(['content-scripts/content.js', 'overlay-ui.js'])('%s (runs in the portal page) holds no MSAL, no Graph client, no token handling, no polyfill', (file) => {
    const code = read(`.output/chrome-mv3/${file}`);
    const markers = ['acquireTokenSilent', 'PublicClientApplication', 'synchronization/jobs', 'Authorization', 'Bearer ', 'client-request-id', 'launchWebAuthFlow', 'webextension-polyfill'];
    expect(markers.filter((m) => code.includes(m))).toEqual([]);
  });
  it('the Chrome service worker holds no MSAL (it cannot run there); the offscreen document does', () => {
    expect(read('.output/chrome-mv3/background.js').includes('acquireTokenSilent')).toBe(false);
    const offscreen = read('.output/chrome-mv3/offscreen.html');
    const chunk = /src="\/?(chunks\/offscreen-[^"]+\.js)"/.exec(offscreen)?.[1];
    expect(chunk).toBeDefined();
    expect(read(`.output/chrome-mv3/${chunk}`).includes('acquireTokenSilent')).toBe(true);
  });
  it('no built file evaluates strings as code', () => {
    for (const file of ['content-scripts/content.js', 'overlay-ui.js', 'background.js'])
      expect(/\beval\(|new Function\(/.test(read(`.output/chrome-mv3/${file}`)), file).toBe(false);
  });
});

/** gzip -9 bytes of a built file. */
const gzip = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** A page's script and the chunks it preloads, as the browser loads them. */
function pageScripts(dir: string, html: string): string[] {
  return [...read(`${dir}/${html}`).matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => `${dir}/${m[1]}`);
}
const pageGzip = (dir: string, html: string) => pageScripts(dir, html).reduce((sum, file) => sum + gzip(file), 0);

// Budgets (gzip bytes); README "Weight budgets" says where each number comes from.
const KB = 1024;
describe('weight budgets', () => {
  it.each([
    ['content script loader, on every portal page', '.output/chrome-mv3/content-scripts/content.js', 12 * KB],
    ['overlay UI, on provisioning pages', '.output/chrome-mv3/overlay-ui.js', 29 * KB],
    ['Chrome service worker', '.output/chrome-mv3/background.js', 28 * KB],
    ['Firefox background page (MSAL runs there)', '.output/firefox-mv2/background.js', 100 * KB],
  ])('%s', (_, file, budget) => {
    const size = gzip(file);
    console.log(`[weight] ${file}: ${size} B gzip (budget ${budget})`);
    expect(size).toBeLessThanOrEqual(budget);
  });

  it.each([
    ['offscreen document (MSAL)', 'offscreen.html', 85 * KB],
    ['popup', 'popup.html', 42 * KB],
    ['options page', 'options.html', 28 * KB],
    ['tenant overview page', 'tenant.html', 42 * KB],
  ])('%s with its chunks', (_, html, budget) => {
    const size = pageGzip('.output/chrome-mv3', html);
    console.log(`[weight] ${html} + chunks: ${size} B gzip (budget ${budget})`);
    expect(size).toBeLessThanOrEqual(budget);
  });
});
