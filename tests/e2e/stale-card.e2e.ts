/**
 * Issue 8, defect 2: with Graph slow, the card never shows one app's job under another app's page.
 * Moving to another service principal shows the skeleton at once; only a Refresh of the same job
 * keeps its content, marked as refreshing. The overlay and the popup follow the same rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { eventually, overlay, overlayText, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

const SLOW_GRAPH_MS = 5_000;

describe('no stale card while Graph is slow', () => {
  it("overlay: going to another app's Provisioning page drops the first app's job at once", async () => {
    const first = appByKey(cloud.tenant, 'salesforce-sandbox');
    const second = appByKey(cloud.tenant, 'fabrikam-learning');
    const page = await h.page(provisioningUrl(first));
    await overlay(page).getByText('SalesforceInvalidCredentials').first().waitFor();

    cloud.graph.delayMs = SLOW_GRAPH_MS;
    try {
      const navigatedAt = Date.now();
      await page.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(second)).hash);
      await overlay(page).getByText('Loading the provisioning job…').waitFor();
      // Well inside the slow answer: the first app's diagnosis is gone, and stays gone.
      expect(Date.now() - navigatedAt).toBeLessThan(SLOW_GRAPH_MS);
      for (let i = 0; i < 5; i++) {
        const text = await overlayText(page);
        expect(text).not.toContain('SalesforceInvalidCredentials');
        expect(text).not.toContain('SfSandboxOutDelta');
        expect(text).not.toContain('Refreshing');
        await page.waitForTimeout(200);
      }
      expect(Date.now() - navigatedAt).toBeLessThan(SLOW_GRAPH_MS);
      await overlay(page).getByText('more than 40 %', { exact: false }).waitFor({ timeout: SLOW_GRAPH_MS + 5_000 });
    } finally {
      cloud.graph.delayMs = 0;
    }
    await page.close();
  });

  it('overlay: a Refresh of the same job keeps it on screen, marked "Refreshing…"', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText('SalesforceInvalidCredentials').first().waitFor();
    cloud.graph.delayMs = 2_000;
    try {
      await overlay(page).getByRole('button', { name: 'Refresh' }).click();
      await overlay(page).getByText('Refreshing…').waitFor();
      expect(await overlayText(page)).toContain('SalesforceInvalidCredentials');
      await eventually('refresh done', async () => !(await overlayText(page)).includes('Refreshing'), 10_000);
      expect(await overlayText(page)).toContain('SalesforceInvalidCredentials');
    } finally {
      cloud.graph.delayMs = 0;
    }
    await page.close();
  });

  it("popup: looking up another job shows the skeleton, not the previous job", async () => {
    const first = appByKey(cloud.tenant, 'salesforce-sandbox');
    const second = appByKey(cloud.tenant, 'servicenow');
    const popup = await h.page('popup.html');
    await popup.getByLabel('Portal URL').fill(provisioningUrl(first));
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText('SalesforceInvalidCredentials').first().waitFor();

    cloud.graph.delayMs = SLOW_GRAPH_MS;
    try {
      await popup.getByRole('button', { name: 'Look up another job' }).click();
      await popup.getByLabel('Portal URL').fill(provisioningUrl(second));
      const askedAt = Date.now();
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.getByText('Loading the provisioning job…').waitFor();
      const text = await popup.locator('body').innerText();
      expect(text).not.toContain('SalesforceInvalidCredentials');
      expect(text).not.toContain('Refreshing');
      expect(Date.now() - askedAt).toBeLessThan(SLOW_GRAPH_MS);
      await popup.getByRole('region', { name: 'Quarantine' }).waitFor({ timeout: SLOW_GRAPH_MS + 5_000 });
      expect(await popup.locator('body').innerText()).not.toContain('SalesforceInvalidCredentials');
    } finally {
      cloud.graph.delayMs = 0;
    }
    await popup.close();
  });
});
