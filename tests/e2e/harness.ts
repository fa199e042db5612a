/**
 * Browser harness for end-to-end tests. The launch logic lives in tests/fake-cloud/browser.mjs so the
 * plain-node demo shares it; this file only gives Vitest tests one typed import for cloud + browser.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export { launchExtension, findChromium, hostResolverRules, configureExtension, signInFromPopup, DEMO_CLIENT_ID } from '../fake-cloud/browser.mjs';
export type { ExtensionHarness, LaunchOptions } from '../fake-cloud/browser.mjs';
export { startFakeCloud, appByKey, provisioningUrl, APP_SPECS, ADMIN, TENANT_ID, addGeneratedApps, throttleShare } from '../fake-cloud/index.mjs';
export type { FakeCloud, DemoApp, DemoTenant, Fault, LogEntry } from '../fake-cloud/index.mjs';

export const EXTENSION_DIR = '.output/chrome-mv3';
/** The id the manifest's pinned key gives the unpacked extension. */
export const EXTENSION_ID = 'mofanfafdanblddiihokhplkbibmpdnm';

/** Builds the extension once when no build exists (a test run from a clean checkout). */
export function ensureBuilt(extensionDir = EXTENSION_DIR): void {
  if (existsSync(resolve(extensionDir, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
