import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { API_ORIGINS, PORTAL_HOSTS } from './lib/clouds';
import { MANIFEST_COMMANDS } from './lib/commands';
import { OVERLAY_MODULE } from './lib/overlay-contract';

/**
 * Public half of the development key. It pins the unpacked extension id to
 * mofanfafdanblddiihokhplkbibmpdnm so the redirect URI registered in Entra stays stable.
 * Store builds (PL_STORE=1) leave it out: the Chrome Web Store rejects manifests with a key.
 */
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA8HVHBWsh4G2/vHDvfqQxvyEln8BPmaGVfDnNTmYyRc1no4JuK3atBypn/FYz4AX7nB9TknN1QfFG1DIJ+v+eUo/lO75o/h2uHXjw1V96LuzdjPqYroLSm4qr6PNJkX5U2+seKmxehYNJmBlBx4jBjGZGTSF92zZKnvd/8ik0SMw5TA3+4MlaVf4Dmy06EQDdtPIcQlsb0rn3RCueRoiucWmO7X/KQnDV31ZmTCuG7pdUMP55yqEt3w6LajNJcQgQOoZqKC7b6Sb4t4qAt0kulMS2SWZ29tyuIH7sfnpCZVk8wairIJhKW0dJ9OmU7UET1aFFLE/aTil1z4GlC1f2wwIDAQAB';

/** public/icon/{size}.png, rendered from public/icon/mark.svg by `npm run icons`. */
const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/**
 * The content script runs on every portal page, so it carries no polyfill: everything it calls
 * (runtime messaging, storage.local) is promise-based in Chrome MV3 and Firefox alike. Other
 * entry points keep webextension-polyfill through WXT's module.
 */
function contentScriptWithoutPolyfill(): Plugin {
  let contentBuild = false;
  return {
    name: 'provisioning-lens:content-without-polyfill',
    enforce: 'pre',
    options(options) {
      contentBuild = JSON.stringify(options.input ?? '').includes('entrypoints/content');
    },
    resolveId(id) {
      if (contentBuild && id === '@wxt-dev/webextension-polyfill/browser') return this.resolve('@wxt-dev/browser');
      return null;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Store packages go elsewhere, so a zip never replaces the keyed development build the tests load.
  outDir: process.env.PL_STORE ? '.output/store' : '.output',
  // The sources package Firefox's reviewers ask for: the code and how to build it, not local output.
  zip: { excludeSources: ['demo-output/**', 'bench/results.json', 'store/screenshots/**'] },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), contentScriptWithoutPolyfill()],
    // PL_SOURCEMAP=1: maps for weighing what each source adds to a bundle (never shipped).
    build: { sourcemap: process.env.PL_SOURCEMAP === '1' },
  }),
  manifest: ({ browser }) => ({
    name: 'Provisioning Lens',
    description: 'Shows why an Entra provisioning job is in quarantine, right on the portal page.',
    // alarms: the watched-jobs check (no install warning). notifications only when the admin turns them on.
    permissions: ['storage', 'identity', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_permissions: ['notifications'],
    host_permissions: API_ORIGINS.map((origin) => `${origin}/*`),
    ...(browser !== 'firefox' && !process.env.PL_STORE ? { key: DEV_KEY } : {}),
    // Settings an organization sets by policy (lib/policy.ts). Firefox reads policies.json instead and
    // warns about this key, so its manifest goes without.
    ...(browser !== 'firefox' ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'provisioning-lens@provisioning-lens.dev',
              strict_min_version: '128.0',
              // Nothing leaves the browser except the admin's own Graph and sign-in calls.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    action: { default_title: 'Provisioning Lens', default_icon: TOOLBAR_ICON },
    // MV2 (Firefox): WXT builds browser_action from the popup and does not carry `action` over; each build drops the other key.
    browser_action: { default_icon: TOOLBAR_ICON },
    // The overlay UI loads into the content script on provisioning pages only, so every other portal
    // page carries just the small loader. Reachable from portal hosts only, under a per-session URL.
    web_accessible_resources: [
      { resources: [OVERLAY_MODULE.slice(1)], matches: PORTAL_HOSTS.map((host) => `https://${host}/*`), use_dynamic_url: true },
    ],
    // One key moves the focus to the overlay, which comes after all of the portal's controls in Tab order.
    commands: MANIFEST_COMMANDS,
  }),
});

export { PORTAL_HOSTS };
