/** The built packages as a browser and a store reviewer see them: least privilege, strict CSP, lean content script. */
import { readFileSync, existsSync } from 'node:fs';
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
    expect([...m.permissions].sort()).toEqual(['identity', 'offscreen', 'storage']);
    expect([...m.host_permissions].sort()).toEqual([...API_HOSTS].sort());
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('runs its content script on portal hosts only, in the top frame', () => {
    const m = manifest('chrome-mv3');
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
    expect(m.content_scripts[0].all_frames ?? false).toBe(false);
  });

  it('exposes nothing to pages or other extensions and keeps a strict CSP', () => {
    const m = manifest('chrome-mv3');
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    const csp: string = m.content_security_policy.extension_pages;
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
    expect([...m.permissions].sort()).toEqual(['identity', 'storage', ...API_HOSTS].sort());
    expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
    expect(m.content_security_policy).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(m.key).toBeUndefined();
  });
});

describe('what each part carries', () => {
  const content = () => read('.output/chrome-mv3/content-scripts/content.js');
  it('the content script holds no MSAL, no Graph client and no token handling', () => {
    const code = content();
    // Markers of MSAL, the Graph client and token use (the polyfill's API table names identity APIs, so not those).
    const found = ['acquireTokenSilent', 'PublicClientApplication', 'synchronization/jobs', 'Authorization', 'Bearer ', 'client-request-id'].filter((m) => code.includes(m));
    expect(found).toEqual([]);
  });
  it('the Chrome service worker holds no MSAL (it cannot run there); the offscreen document does', () => {
    expect(read('.output/chrome-mv3/background.js').includes('acquireTokenSilent')).toBe(false);
    const offscreen = read('.output/chrome-mv3/offscreen.html');
    const chunk = /src="\/?(chunks\/offscreen-[^"]+\.js)"/.exec(offscreen)?.[1];
    expect(chunk).toBeDefined();
    expect(read(`.output/chrome-mv3/${chunk}`).includes('acquireTokenSilent')).toBe(true);
  });
  it('no built file evaluates strings as code', () => {
    for (const file of ['content-scripts/content.js', 'background.js'])
      expect(/\beval\(|new Function\(/.test(read(`.output/chrome-mv3/${file}`)), file).toBe(false);
  });
});
