/** The toolbar popup (opened as a page): active tab, typed ids, pasted URL, account, Copy JSON, narrow and zoomed windows. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { configure, jobRequests, tabIdOf, useExtension, type Harness } from './flows';

const env = useExtension(async (env) => {
  await configure(env.h, env.cloud);
});
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('toolbar popup', () => {
  it('offers the lookup form and Sign in when signed out, and shows who signed in', async () => {
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').waitFor();
    await popup.getByLabel('Job ID').waitFor();
    await popup.getByLabel('Portal URL').waitFor();
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.getByText(cloud.tenant.admin.upn).waitFor();
    await popup.getByRole('button', { name: 'Sign out' }).waitFor();
    // The tenant signed in to, in full (the settings name it by id, so the id).
    expect(await popup.locator('.pl-who-tenant').innerText()).toBe(cloud.tenant.id);
    expect(await popup.locator('header').getByTitle(cloud.tenant.admin.upn, { exact: false }).count()).toBe(1);
    await popup.close();
  });

  it('looks a job up by typed service principal and job ids', async () => {
    const app = appByKey(cloud.tenant, 'cloud-sync');
    const job = app.jobs[1];
    cloud.clearLog();
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByLabel('Job ID').fill(job.id);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText(job.id, { exact: true }).first().waitFor();
    const requests = cloud.graphRequests();
    expect(requests.map((r) => r.pathname)).toEqual([`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs/${job.id}`]);
    await popup.close();
  });

  it('looks a job up by a pasted portal URL, and says what is wrong with a bad one', async () => {
    const app = appByKey(cloud.tenant, 'fabrikam-learning');
    const popup = await h.page('popup.html');
    await popup.getByLabel('Portal URL').fill('https://portal.azure.com.evil.example/#view/x');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('alert').getByText('not an Azure portal').waitFor();
    await popup.getByLabel('Portal URL').fill(provisioningUrl(app, 'entra.microsoft.com'));
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor();
    await popup.close();
  });

  it('shows the job of the portal tab it was opened from', async () => {
    const app = appByKey(cloud.tenant, 'servicenow');
    const portal = await h.page(provisioningUrl(app));
    const tabId = await tabIdOf(h, portal);
    const popup = await h.page(`popup.html?tab=${tabId}`);
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor();
    expect(await popup.getByRole('region', { name: 'Quarantine' }).innerText()).toContain('deletion');
    await popup.close();
    await portal.close();
  });

  it('reopens inside the cache window without another Graph request', async () => {
    const app = appByKey(cloud.tenant, 'scim-healthy');
    cloud.clearLog();
    for (let i = 0; i < 3; i++) {
      const popup = await h.page('popup.html');
      await popup.getByLabel('Service principal object ID').fill(app.objectId);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.getByText('Active', { exact: true }).first().waitFor();
      await popup.close();
    }
    expect(jobRequests(cloud, app.objectId)).toHaveLength(1);
  });

  it('copies the job exactly as Graph returned it, with raw JSON one click away', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('button', { name: 'Show raw JSON' }).click();
    await popup.getByText(`"${app.jobs[0].templateId}"`).first().waitFor();
    await popup.getByRole('button', { name: 'Copy JSON' }).click();
    await popup.getByText('Copied', { exact: true }).first().waitFor();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(app.jobs[0], null, 2));
    await popup.close();
  });

  /** The popup's states an admin meets: the lookup form (with recent lookups), a job (two jobs, raw JSON open), an error. */
  async function eachState(popup: Page, check: (state: string) => Promise<void>) {
    await popup.getByLabel('Service principal object ID').waitFor();
    await check('lookup form');
    const app = appByKey(cloud.tenant, 'cloud-sync');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('button', { name: 'Show raw JSON' }).click();
    await popup.getByRole('button', { name: 'Hide raw JSON' }).waitFor();
    await check('job shown');
    await popup.getByRole('button', { name: 'Look up another job' }).click();
    await popup.getByLabel('Service principal object ID').fill('00000000-0000-4000-8000-00000000dead');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('region', { name: 'Error' }).waitFor();
    await check('error');
    await popup.getByRole('button', { name: 'Look up another job' }).click();
    await popup.getByRole('heading', { name: 'Recent lookups' }).waitFor();
    await check('lookup form with recent lookups');
  }

  const horizontalOverflow = (popup: Page) =>
    popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('fits a 320 px wide window without sideways scrolling', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 320, height: 600 });
    await popup.goto(`${h.extensionOrigin}/popup.html`);
    await eachState(popup, async (state) => {
      expect(await horizontalOverflow(popup), state).toBeLessThanOrEqual(0);
    });
    await popup.close();
  });

  it('at 200 % zoom, scrolls to every control, none cut off by a clipping ancestor', async () => {
    // A 400 × 600 window at the browser's 200 % zoom (per tab, so other tests keep 100 %): 200 CSS px wide.
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`${h.extensionOrigin}/popup.html`);
    const tabId = await tabIdOf(h, popup);
    await h.serviceWorker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { setZoomSettings(id: number, s: object): Promise<void>; setZoom(id: number, f: number): Promise<void> } } };
      await chrome.tabs.setZoomSettings(id, { scope: 'per-tab' });
      await chrome.tabs.setZoom(id, 2);
    }, tabId);
    await popup.waitForFunction(() => innerWidth <= 200);

    await eachState(popup, async (state) => {
      const problems = await popup.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')].filter((el) => el.getClientRects().length > 0);
        const found: string[] = [];
        for (const el of controls) {
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const r = el.getBoundingClientRect();
          const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent?.trim() || el.id).slice(0, 40)}"`;
          if (r.width < 1 || r.height < 1) found.push(`${name} has no size`);
          if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) found.push(`${name} not within the viewport after scrolling: ${JSON.stringify(r)}`);
          for (let a = el.parentElement; a; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const c = a.getBoundingClientRect();
            if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5)
              found.push(`${name} clipped by ${a.tagName.toLowerCase()}.${a.className} (overflow ${style.overflowX}/${style.overflowY})`);
          }
          // A link that wraps has one box per line: test the middle of its first one.
          const box = el.getClientRects()[0]!;
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (!hit || !(hit === el || el.contains(hit) || (el as HTMLInputElement).labels?.[0]?.contains(hit))) found.push(`${name} is covered by ${hit?.tagName}`);
        }
        return { count: controls.length, found };
      });
      expect(problems.count, state).toBeGreaterThan(3);
      expect(problems.found, state).toEqual([]);
      expect(await horizontalOverflow(popup), state).toBeLessThanOrEqual(0);
    });
    await popup.close();
  });

  it('signs out: the cache is cleared and the next lookup uses no token', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).first().waitFor();
    cloud.clearLog();
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText("You're not signed in").first().waitFor();
    expect(cloud.graphRequests()).toHaveLength(0);
    expect(cloud.tokenRequests()).toHaveLength(0);
    await popup.close();
  });
});
