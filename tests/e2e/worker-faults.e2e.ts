/**
 * Faults of the extension's own machinery and of the session: the service worker stopped in the
 * middle of a lookup, an expired token, a revoked refresh token, a lookup after sign-out, two portal
 * tabs at once, and a popup opened and closed during a slow fetch. Prints the measured times.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type DemoApp, type FakeCloud } from './harness';
import { CLIENT_ID, eventually, type Harness, jobRequests, overlay, tabIdOf, useSignedInExtension } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

const figures: [string, string][] = [];
afterAll(() => {
  if (figures.length) console.log(['[worker-faults] figures', ...figures.map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
});

/** A copy of a demo app under new ids, so no cached answer of another test can serve it. */
function freshApp(fromKey = 'salesforce-sandbox'): DemoApp {
  const source = appByKey(cloud.tenant, fromKey);
  const objectId = randomUUID();
  const appId = randomUUID();
  const app: DemoApp = { ...source, key: `${fromKey}-${objectId.slice(0, 8)}`, objectId, appId,
    servicePrincipal: { ...source.servicePrincipal, id: objectId, appId }, jobs: structuredClone(source.jobs) };
  cloud.tenant.apps.push(app);
  return app;
}

const quarantine = (page: Page) => overlay(page).getByRole('region', { name: 'Quarantine' });

describe('the service worker stops in the middle of a lookup', () => {
  it('overlay: recovers on its own (the client asks once more), without a new sign-in', async () => {
    cloud.reset();
    const app = freshApp();
    cloud.graph.failNext(`/servicePrincipals/${app.objectId}/`, { delayMs: 3_000 });
    const started = Date.now();
    const page = await h.page(provisioningUrl(app));
    await eventually('the first Graph request is in flight', () => jobRequests(cloud, app.objectId).length === 1);
    await h.stopServiceWorker();
    const stoppedAt = Date.now();
    await quarantine(page).waitFor({ timeout: 20_000 });
    figures.push(['overlay: worker stopped mid-request → job shown', `${Date.now() - stoppedAt} ms after the stop (${Date.now() - started} ms from page open)`]);
    expect(await overlay(page).locator('.pl-skeleton').count()).toBe(0);
    // The first (late) request died with the worker; the retry asked again and got the job.
    const requests = jobRequests(cloud, app.objectId);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.at(-1)!.status).toBe(200);
    // The offscreen document (MSAL) outlived the worker: no sign-in window, no new code redemption.
    expect(cloud.authorizeRequests()).toHaveLength(0);
    expect(cloud.tokenRequests().filter((t) => t.grantType === 'authorization_code')).toHaveLength(0);
    await page.close();
  });

  it('popup: recovers on its own', async () => {
    cloud.reset();
    const app = freshApp('fabrikam-learning');
    cloud.graph.failNext(`/servicePrincipals/${app.objectId}/`, { delayMs: 3_000 });
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await eventually('the first Graph request is in flight', () => jobRequests(cloud, app.objectId).length === 1);
    await h.stopServiceWorker();
    const stoppedAt = Date.now();
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor({ timeout: 20_000 });
    figures.push(['popup: worker stopped mid-request → job shown', `${Date.now() - stoppedAt} ms after the stop`]);
    expect(await popup.locator('.pl-skeleton').count()).toBe(0);
    expect(jobRequests(cloud, app.objectId).at(-1)!.status).toBe(200);
    expect(cloud.authorizeRequests()).toHaveLength(0);
    await popup.close();
  });
});

describe('the session', () => {
  it('an access token MSAL holds as expired is renewed silently: one refresh, no prompt', async () => {
    cloud.reset();
    // Tokens issued from now on live 60 s: below MSAL's 5 min margin they count as expired at once.
    cloud.idp.accessTokenLifetime = 60;
    cloud.idp.expireAccessTokens();
    const first = freshApp();
    const page1 = await h.page(provisioningUrl(first));
    await quarantine(page1).waitFor();
    await page1.close();
    cloud.clearLog();

    const app = freshApp('servicenow');
    const started = Date.now();
    const page = await h.page(provisioningUrl(app));
    await quarantine(page).waitFor();
    figures.push(['expired access token → job shown', `${Date.now() - started} ms`]);
    expect(cloud.tokenRequests().map((t) => [t.grantType, t.status])).toEqual([['refresh_token', 200]]);
    expect(cloud.authorizeRequests()).toHaveLength(0);
    // MSAL renewed before asking Graph: the one Graph request carried a valid token.
    expect(jobRequests(cloud, app.objectId).map((r) => r.status)).toEqual([200]);
    expect(await overlay(page).getByText('sign in again', { exact: false }).count()).toBe(0);
    cloud.idp.accessTokenLifetime = 3600;
    await page.close();
  });

  it('a revoked refresh token says "sign in again"; settings stay, and after Sign in the job shows', async () => {
    cloud.reset();
    cloud.idp.accessTokenLifetime = 3600;
    const app = freshApp('fabrikam-learning');
    cloud.idp.revokeRefreshTokens();
    cloud.idp.expireAccessTokens();
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText('Your session has expired: sign in again').first().waitFor();
    expect(cloud.tokenRequests().at(-1)).toMatchObject({ grantType: 'refresh_token', status: 400 });
    expect(cloud.authorizeRequests()).toHaveLength(0); // no window opened on its own
    expect(jobRequests(cloud, app.objectId).filter((r) => r.status === 200)).toHaveLength(0);

    // Nothing else lost: the settings are as the admin saved them.
    const options = await h.page('options.html');
    expect(await options.getByLabel('Application (client) ID').inputValue()).toBe(CLIENT_ID);
    expect(await options.getByLabel('Directory (tenant) ID').inputValue()).toBe(cloud.tenant.id);
    await options.close();
    // The popup says the same, and offers Sign in.
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign in' }).first().waitFor();
    await popup.close();

    await overlay(page).getByRole('button', { name: 'Sign in' }).click();
    await quarantine(page).waitFor();
    expect(cloud.authorizeRequests()).toHaveLength(1);
    expect(jobRequests(cloud, app.objectId).at(-1)!.status).toBe(200);
    await page.close();
  });

  it('after sign-out a lookup uses no token: no token request, no Graph request', async () => {
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).first().waitFor();
    await popup.close();
    cloud.reset();
    const app = freshApp();
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText("You're not signed in").first().waitFor();
    // An app seen before sign-out is not served from a cache either.
    const seen = appByKey(cloud.tenant, 'salesforce-sandbox');
    await page.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(seen)).hash);
    await overlay(page).getByText("You're not signed in").first().waitFor();
    expect(cloud.graphRequests()).toHaveLength(0);
    expect(cloud.tokenRequests()).toHaveLength(0);
    expect(cloud.authorizeRequests()).toHaveLength(0);

    // Sign back in for the tests that follow.
    await overlay(page).getByRole('button', { name: 'Sign in' }).click();
    await overlay(page).getByText('SalesforceInvalidCredentials').first().waitFor();
    await page.close();
  });
});

describe('several views at once', () => {
  it('two portal tabs on different apps, loading at the same time, each show their own job', async () => {
    cloud.reset();
    cloud.graph.delayMs = 800;
    const a = freshApp('salesforce-sandbox');
    const b = freshApp('fabrikam-learning');
    const started = Date.now();
    const [pageA, pageB] = await Promise.all([h.page(provisioningUrl(a)), h.page(provisioningUrl(b, 'entra.microsoft.com'))]);
    await Promise.all([quarantine(pageA).waitFor(), quarantine(pageB).waitFor()]);
    figures.push(['two tabs, Graph 800 ms late → both shown', `${Date.now() - started} ms`]);
    const textA = await quarantine(pageA).innerText();
    const textB = await quarantine(pageB).innerText();
    expect(textA).toContain('SalesforceInvalidCredentials');
    expect(textA).not.toMatch(/more than 40 %/i);
    expect(textB).toMatch(/more than 40 %/i);
    expect(textB).not.toContain('SalesforceInvalidCredentials');
    expect(jobRequests(cloud, a.objectId)).toHaveLength(1);
    expect(jobRequests(cloud, b.objectId)).toHaveLength(1);
    cloud.graph.delayMs = 0;
    await pageA.close();
    await pageB.close();
  });

  it('a popup opened and closed again and again during a slow fetch leaves nothing stuck', async () => {
    cloud.reset();
    cloud.graph.delayMs = 2_000;
    const app = freshApp('servicenow');
    const portal = await h.page(provisioningUrl(app, 'portal.azure.com').replace('/ProvisioningManagement/', '/Overview/'));
    const tabId = await tabIdOf(h, portal);
    const openings = 6;
    const started = Date.now();
    for (let i = 0; i < openings; i++) {
      const popup = await h.page(`popup.html?tab=${tabId}`, { waitUntil: 'commit' });
      await popup.waitForTimeout(150 + 50 * i);
      await popup.close();
    }
    const popup = await h.page(`popup.html?tab=${tabId}`);
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor({ timeout: 20_000 });
    expect(await popup.getByRole('region', { name: 'Quarantine' }).innerText()).toContain('deletion');
    expect(await popup.locator('.pl-skeleton').count()).toBe(0);
    const requests = jobRequests(cloud, app.objectId);
    figures.push([`popup opened/closed ${openings}× during a 2 s fetch, then reopened`, `${Date.now() - started} ms to the job; ${requests.length} Graph request(s)`]);
    // Closed popups do not cancel the worker's lookup; identical lookups in flight share one request.
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThanOrEqual(2);
    cloud.graph.delayMs = 0;
    await popup.close();
    await portal.close();
  });
});
