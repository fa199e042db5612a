/**
 * The tenant overview in Firefox (the MV2 build, MSAL in the background page): opened from the
 * options page's link, a scan of the demo tenant plus generated apps finds exactly the jobs there are.
 * Firefox's BiDi reports no events for extension pages, so waits poll with evaluate (firefox.e2e.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHealth } from '@/lib/job/health';
import { launchFirefoxExtension, type FirefoxHarness } from '../fake-cloud/firefox.mjs';
import { addGeneratedApps, appByKey, provisioningUrl, startFakeCloud, DEMO_CLIENT_ID, type FakeCloud } from './harness';

const FIREFOX_BUILD = '.output/firefox-mv2';
let cloud: FakeCloud;
let ff: FirefoxHarness;

beforeAll(async () => {
  if (!existsSync(`${FIREFOX_BUILD}/manifest.json`)) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  cloud = await startFakeCloud();
  addGeneratedApps(cloud.tenant, { count: 92, withJobs: 6, quarantined: 2, managedIdentities: 3 });
  ff = await launchFirefoxExtension({ cloud, extensionDir: FIREFOX_BUILD });
}, 90_000);

afterAll(async () => {
  await ff?.stop();
  await cloud?.stop();
});

async function poll<T>(page: Page, what: string, fn: () => T, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    last = await page.evaluate(fn).catch((error: Error) => ({ error: error.message }));
    if (last && !(typeof last === 'object' && 'error' in last)) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

const nextPage = () => new Promise<Page | null>((resolve) => ff.browser.once('targetcreated', (target) => resolve(target.page())));

describe('tenant overview in Firefox ESR', () => {
  it('opens from the options page and scans: exactly the jobs there are, quarantined first', async () => {
    const portal = await ff.browser.newPage();
    await portal.goto(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')), { waitUntil: 'load' });
    await poll(portal, 'the overlay', () => !!document.querySelector('provisioning-lens')?.shadowRoot?.textContent?.includes('Open settings'));
    const optionsOpened = nextPage();
    await portal.locator('provisioning-lens >>> button::-p-text(Open settings)').click();
    const options = (await optionsOpened)!;
    await poll(options, 'the options form', () => location.protocol === 'moz-extension:' && !!document.querySelector('#clientId'));
    await options.locator('#clientId').fill(DEMO_CLIENT_ID);
    await options.locator('#tenant').fill(cloud.tenant.id);
    await options.click('button[type=submit]');
    await poll(options, '"Saved."', () => document.body.textContent!.includes('Saved.'));

    // Extension pages cannot be navigated to by the driver: the admin's way, the options page's link.
    await options.click('a[href$="/tenant.html"]');
    await poll(options, 'the tenant overview', () => location.pathname === '/tenant.html' && !!document.querySelector('button'));
    expect(await options.evaluate(() => document.title)).toBe('Tenant overview');
    cloud.clearLog();
    await options.locator('button::-p-text(Scan tenant)').click();
    // Not signed in yet: the scan signs in (with Application.Read.All) and goes on.
    await poll(options, 'the scan to finish', () => !!document.querySelector('[data-testid="scan-meta"]'), 40_000);

    const listed = cloud.tenant.apps.filter((a) => a.servicePrincipal.servicePrincipalType !== 'ManagedIdentity');
    const jobs = listed.flatMap((a) => a.jobs);
    const quarantined = jobs.filter((job) => jobHealth(job) === 'quarantined').length;
    const states = await options.evaluate(() => [...document.querySelectorAll('.pl-tenant-table tbody tr')].map((r) => r.getAttribute('data-state')));
    expect(states).toHaveLength(jobs.length);
    expect(states.slice(0, quarantined).every((s) => s === 'quarantined')).toBe(true);
    expect(states.slice(quarantined)).not.toContain('quarantined');
    const batches = cloud.graphRequests().filter((e) => e.pathname.endsWith('/$batch'));
    expect(batches).toHaveLength(Math.ceil(listed.length / 20));
    expect(cloud.log.filter((e) => e.service === 'unknown')).toEqual([]);
  });
});
