/**
 * The toolbar icon of a portal tab says how that page's job is doing (issue 8's optional point, issue
 * 10's badge): set on each lookup, kept across the portal's hash navigation, cleared when the tab
 * leaves provisioning pages, with the state in words in the title.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { eventually, overlay, tabIdOf, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

async function toolbarOf(page: Page) {
  const tabId = await tabIdOf(h, page);
  return h.serviceWorker.evaluate(async (tabId) => {
    const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> } } }).chrome.action;
    return {
      text: await action.getBadgeText({ tabId }),
      title: await action.getTitle({ tabId }),
      color: await action.getBadgeBackgroundColor({ tabId }),
    };
  }, tabId);
}

describe('toolbar badge per portal tab', () => {
  it('says "!" on red for a quarantined app, nothing for a healthy one, each tab its own; follows hash navigation and clears off provisioning pages', async () => {
    const quarantined = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(quarantined).getByRole('region', { name: 'Quarantine' }).waitFor();
    const healthy = await h.page(provisioningUrl(appByKey(cloud.tenant, 'scim-healthy')));
    await overlay(healthy).getByText('Active', { exact: true }).first().waitFor();

    await eventually('quarantined badge', async () => (await toolbarOf(quarantined)).text === '!');
    expect(await toolbarOf(quarantined)).toEqual({ text: '!', title: 'Provisioning Lens — Quarantined: SfSandboxOutDelta', color: [164, 38, 44, 255] });
    await eventually('healthy title', async () => (await toolbarOf(healthy)).title.includes('Healthy'));
    expect(await toolbarOf(healthy)).toMatchObject({ text: '', title: 'Provisioning Lens — Healthy: scim' });

    // The healthy tab moves to the quarantined Cloud Sync app by hash: the badge follows.
    await healthy.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(appByKey(cloud.tenant, 'cloud-sync'))).hash);
    await eventually('badge follows the hash', async () => (await toolbarOf(healthy)).text === '!');
    expect((await toolbarOf(healthy)).title).toBe('Provisioning Lens — Quarantined: AD2AADProvisioning');

    // Off provisioning pages: cleared.
    await healthy.evaluate(() => (location.hash = '#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview'));
    await eventually('badge cleared', async () => (await toolbarOf(healthy)).text === '');
    expect((await toolbarOf(healthy)).title).toBe('Provisioning Lens');
    expect((await toolbarOf(quarantined)).text).toBe('!');
    await quarantined.close();
    await healthy.close();
  });
});
