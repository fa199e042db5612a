/**
 * Manifest audit: what tests/e2e/build.e2e.ts does not already check about the built manifests.
 * build.e2e.ts pins the exact permissions, host permissions, content-script matches, web-accessible
 * resources and key; this file adds the rest of the least-privilege promise for *both* browsers:
 * nothing anywhere in a manifest that grants every site or plain http, content scripts in the top
 * frame of the six portal hosts only (Firefox included), no optional grant but notifications, no
 * remote or inline script in any CSP, nothing reachable from other extensions or web pages by
 * messaging. And the icons: the package's and the toolbar button's, each size a PNG of that size
 * inside the package.
 *
 * Reads `.output/*` as `npm test` builds it; skipped, saying so, when a package is not built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTAL_HOSTS } from '@/lib/clouds';

const PACKAGES = [
  { browser: 'chrome-mv3', path: '.output/chrome-mv3/manifest.json' },
  { browser: 'firefox-mv2', path: '.output/firefox-mv2/manifest.json' },
] as const;

/** `https://{portal host}/*`: the only pattern a content script may match. */
const PORTAL_MATCHES = PORTAL_HOSTS.map((host) => `https://${host}/*`);

type Manifest = Record<string, unknown> & {
  content_scripts?: Record<string, unknown>[];
  content_security_policy?: string | Record<string, string>;
};

for (const { browser, path } of PACKAGES) {
  const built = existsSync(path);
  if (!built) console.warn(`[manifest-audit] ${path} is not built: run \`npm run build\` and \`npm run build:firefox\` (npm test does). Skipping ${browser}.`);

  describe.skipIf(!built)(`${browser} manifest`, () => {
    const text = built ? readFileSync(path, 'utf8') : '{}';
    const manifest = JSON.parse(text) as Manifest;

    it('grants no site-wide or plain-http access anywhere, under any key', () => {
      // A string scan, so a future key (optional_host_permissions, externally_connectable.matches,
      // web_accessible_resources.matches…) cannot widen access unnoticed.
      for (const wide of ['<all_urls>', '*://', 'http://', '://*', 'file://', 'ftp://']) expect(text, wide).not.toContain(wide);
      // The one optional grant: notifications, asked for when the admin turns them on for watched jobs.
      expect(manifest.optional_permissions ?? []).toEqual(['notifications']);
      expect(manifest.optional_host_permissions ?? []).toEqual([]);
    });

    it('runs content scripts only in the top frame of the six portal hosts', () => {
      const scripts = manifest.content_scripts ?? [];
      expect(scripts).toHaveLength(1);
      for (const script of scripts) {
        expect([...(script.matches as string[])].sort()).toEqual([...PORTAL_MATCHES].sort());
        for (const match of script.matches as string[]) expect(match).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/); // no wildcard host
        // Frames of other origins (the portal's blade iframes, ads, about:blank) never get the script.
        expect(script.all_frames ?? false).toBe(false);
        expect(script.match_about_blank ?? false).toBe(false);
        expect(script.match_origin_as_fallback ?? false).toBe(false);
        expect(script.include_globs ?? []).toEqual([]);
        // The isolated world: the page's own scripts cannot reach the content script's objects.
        expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
      }
    });

    it('keeps a strict CSP: script only from the package, no eval, no inline, no remote origin', () => {
      const csp = manifest.content_security_policy;
      const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) {
        const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(policy)?.[1]?.trim();
        expect(scriptSrc, policy).toBe("'self'");
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|https?:|data:|blob:|\*/);
        expect(policy).toMatch(/object-src 'none'/);
      }
      expect(csp).not.toHaveProperty('sandbox'); // no sandboxed pages with a looser policy
    });

    it('is reachable by no other extension or web page through messaging', () => {
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest).not.toHaveProperty('sandbox');
    });

    it('has icons at 16, 32, 48 and 128 px, for the extension and its toolbar button, each a PNG of that size in the package', () => {
      // MV3 (Chrome) calls the toolbar button `action`, MV2 (Firefox) `browser_action`.
      const button = (manifest.action ?? manifest.browser_action) as { default_icon?: Record<string, string> } | undefined;
      for (const icons of [manifest.icons as Record<string, string> | undefined, button?.default_icon]) {
        expect(Object.keys(icons ?? {}).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
        for (const [size, file] of Object.entries(icons ?? {})) {
          const png = join(dirname(path), file);
          expect(existsSync(png), png).toBe(true);
          const bytes = readFileSync(png);
          expect(bytes.toString('latin1', 1, 4), png).toBe('PNG');
          expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], png).toEqual([Number(size), Number(size)]);
        }
      }
    });
  });
}
