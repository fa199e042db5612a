/**
 * The Firefox build in Firefox (Debian's ESR, driven over WebDriver BiDi) against the fake cloud:
 * the content script and its overlay module, the options page, the sign-in through the background
 * page (MSAL runs there on Firefox) and a Graph lookup. The Chrome suites cover behaviour in depth;
 * this one proves the Firefox package works end to end.
 *
 * Firefox's BiDi reports no events for extension pages (Mozilla bug 1755014), so waits on them poll
 * with evaluate; it also refuses to navigate to moz-extension URLs, so the options page is opened as
 * an admin would, from the overlay's "Open settings".
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxExtension, type FirefoxHarness } from '../fake-cloud/firefox.mjs';
import { appByKey, provisioningUrl, startFakeCloud, DEMO_CLIENT_ID, type FakeCloud } from './harness';

const FIREFOX_BUILD = '.output/firefox-mv2';
let cloud: FakeCloud;
let ff: FirefoxHarness;
let portal: Page;

beforeAll(async () => {
  if (!existsSync(`${FIREFOX_BUILD}/manifest.json`)) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  cloud = await startFakeCloud();
  ff = await launchFirefoxExtension({ cloud, extensionDir: FIREFOX_BUILD });
}, 90_000);

afterAll(async () => {
  await ff?.stop();
  await cloud?.stop();
});

/** Polls `fn(arg)` in `page` until it returns something truthy; errors (a page between documents) count as not yet. */
async function poll<T>(page: Page, what: string, fn: (arg: string[]) => T, arg: string[] = [], timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    last = await page.evaluate(fn, arg).catch((error: Error) => ({ error: error.message }));
    if (last && !(typeof last === 'object' && 'error' in last)) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

/** The overlay's rendered text (its stylesheet left out), once it matches `pattern`. */
function overlayText(page: Page, pattern: RegExp): Promise<string> {
  return poll(page, `the overlay to say ${pattern}`, ([source, flags]) => {
    const root = document.querySelector('provisioning-lens')?.shadowRoot;
    const text = root ? [...root.children].filter((el) => el.localName !== 'style').map((el) => (el as HTMLElement).innerText).join(' ') : '';
    return new RegExp(source!, flags).test(text) ? text : '';
  }, [pattern.source, pattern.flags]);
}

describe('Firefox build in Firefox ESR', () => {
  it('shows the overlay on a provisioning page (content script and overlay module), asking to be set up', async () => {
    portal = await ff.browser.newPage();
    await portal.goto(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')), { waitUntil: 'load' });
    expect(await overlayText(portal, /not set up yet/)).toContain('Open settings');
    expect(cloud.graphRequests()).toEqual([]);
  });

  it('takes the settings on its options page, then says "not signed in"', async () => {
    const opened = new Promise<Page | null>((resolve) => ff.browser.once('targetcreated', (target) => resolve(target.page())));
    await portal.locator('provisioning-lens >>> button::-p-text(Open settings)').click();
    const options = (await opened)!;
    await poll(options, 'the options form', () => location.protocol === 'moz-extension:' && !!document.querySelector('#clientId'));
    expect(await options.evaluate(() => location.origin)).toBe(ff.extensionOrigin);
    expect(await options.$eval('#redirectUri', (el) => el.textContent)).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    await options.locator('#clientId').fill(DEMO_CLIENT_ID);
    await options.locator('#tenant').fill(cloud.tenant.id);
    // The opt-in to job actions (off by default), for the restart below.
    expect(await options.$eval('#allowJobActions', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await options.click('#allowJobActions');
    await options.click('button[type=submit]');
    await poll(options, '"Saved."', () => document.body.textContent!.includes('Saved.'));
    await options.close();

    await portal.reload({ waitUntil: 'load' });
    expect(await overlayText(portal, /not signed in/)).toContain('Sign in');
  });

  it('signs in through the background page (MSAL, launchWebAuthFlow) and shows the quarantined job from Graph', async () => {
    cloud.clearLog();
    await portal.locator('provisioning-lens >>> button::-p-text(Sign in)').click();
    const text = await overlayText(portal, /SalesforceInvalidCredentials/);
    expect(text).toContain('Quarantined');
    expect(cloud.tokenRequests().map((t) => t.grantType)).toEqual(['authorization_code']);
    const graph = cloud.graphRequests();
    expect(graph.map((r) => r.pathname)).toEqual([`/v1.0/servicePrincipals/${appByKey(cloud.tenant, 'salesforce-sandbox').objectId}/synchronization/jobs`]);
    expect(graph[0]!.headers.authorization).toMatch(/^Bearer fake-at-/);
    // Nothing but the fake cloud's hosts was reached (Firefox's own services are refused by the proxy).
    expect(cloud.log.filter((e) => e.service === 'unknown')).toEqual([]);
  });

  it('restarts the quarantined job: consent for the write permission, one POST with the exact body, the card shows Active', async () => {
    cloud.clearLog();
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    await portal.locator('provisioning-lens >>> button::-p-text(Restart…)').click();
    await overlayText(portal, /Restart provisioning job/);
    await portal.locator('provisioning-lens >>> button::-p-text(Restart job)').click();
    await overlayText(portal, /Restart accepted by Graph/);
    const posts = cloud.graphRequests().filter((e) => e.method === 'POST');
    expect(posts.map((p) => [p.pathname, p.body, p.status])).toEqual([
      [`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs/${app.jobs[0].id}/restart`, '{"criteria":{"resetScope":"QuarantineState"}}', 204],
    ]);
    const authorize = cloud.authorizeRequests();
    expect(authorize).toHaveLength(1);
    expect(new URL(authorize[0]!.path, 'https://x').searchParams.get('scope')).toContain('Synchronization.ReadWrite.All');
    await poll(portal, 'the card to show Active', () => {
      const pill = document.querySelector('provisioning-lens')?.shadowRoot?.querySelector('.pl-job .pl-pill');
      return pill?.textContent?.includes('Active') ?? false;
    });
  });

  it('reads one provisioning-logs digest: Show recent failures grants the logs scopes, then one request', async () => {
    await portal.goto(provisioningUrl(appByKey(cloud.tenant, 'fabrikam-learning')), { waitUntil: 'load' });
    await overlayText(portal, /AuditLog\.Read\.All and Directory\.Read\.All/);
    cloud.clearLog();
    await portal.locator('provisioning-lens >>> button::-p-text(Show recent failures)').click();
    const text = await overlayText(portal, /6 objects, 12 events/);
    expect(text).toContain('15 failed events in the last 7 days');
    const scope = new URL(cloud.authorizeRequests()[0]!.path, 'https://x').searchParams.get('scope');
    expect(scope).toContain('AuditLog.Read.All');
    expect(cloud.graphRequests().filter((e) => e.pathname === '/v1.0/auditLogs/provisioning')).toHaveLength(1);
  });
});
