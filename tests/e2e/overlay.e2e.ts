/**
 * The admin's main path, in real Chromium against the fake cloud: set up, sign in through MSAL,
 * and read a quarantined job on the portal's Provisioning page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { configure, eventually, expectBearer, jobRequests, overlay, tabIdOf, useExtension, type Harness } from './flows';

const env = useExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('overlay on the portal', () => {
  it('asks to be set up before anything else, without a request', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByText('Provisioning Lens is not set up yet').first().waitFor();
    expect(cloud.graphRequests()).toHaveLength(0);
    await page.close();
  });

  it('says "not signed in" and signs in through the real MSAL path', async () => {
    await configure(h, cloud);
    cloud.clearLog();
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText("You're not signed in").first().waitFor();
    expect(cloud.graphRequests()).toHaveLength(0);

    await overlay(page).getByRole('button', { name: 'Sign in' }).click();
    await overlay(page).getByText('Quarantined', { exact: true }).first().waitFor();

    const authorize = cloud.authorizeRequests();
    expect(authorize).toHaveLength(1);
    const query = new URL(authorize[0]!.path, 'https://x').searchParams;
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('redirect_uri')).toBe(`https://${h.extensionId}.chromiumapp.org/`);
    expect(query.get('scope')).toContain('Synchronization.Read.All');
    expect(query.get('scope')).not.toContain('Application.Read.All');
    const tokens = cloud.tokenRequests();
    expect(tokens.map((t) => t.grantType)).toEqual(['authorization_code']);
    expect(tokens[0]!.headers.origin).toBe(`chrome-extension://${h.extensionId}`);
    const graph = jobRequests(cloud, app.objectId);
    expect(graph).toHaveLength(1);
    expect(graph[0]!.status).toBe(200);
    expectBearer(graph);
    await page.close();
  });

  it('shows reason, what to do, code, message and next attempt of a quarantined job', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    const lens = overlay(page);
    await lens.getByRole('region', { name: 'Quarantine' }).waitFor();
    const text = await lens.getByRole('region', { name: 'Quarantine' }).innerText();
    expect(text).toContain('admin credentials');
    expect(text).toContain('Test Connection');
    expect(text).toContain('SalesforceInvalidCredentials');
    expect(text).toContain('Your Salesforce.com credentials are invalid.');
    expect(text).toMatch(/Next attempt\s+in 5 h/);
    expect(text).toMatch(/Fixable by you\s+Yes/);
    // The overlay sits on the Provisioning page: it never offers a link back to it.
    expect(await lens.getByRole('link', { name: 'Open Provisioning in the portal' }).count()).toBe(0);
    await page.close();
  });

  it('follows hash navigation: another app updates it, a non-provisioning page removes it', async () => {
    const first = appByKey(cloud.tenant, 'salesforce-sandbox');
    const second = appByKey(cloud.tenant, 'fabrikam-learning');
    const page = await h.page(provisioningUrl(first));
    await overlay(page).getByText('SalesforceInvalidCredentials').first().waitFor();
    await page.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(second)).hash);
    await overlay(page).getByText('more than 40 %', { exact: false }).waitFor();
    expect(await overlay(page).getByText('SalesforceInvalidCredentials').count()).toBe(0);
    await page.evaluate((id) => (location.hash = `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${id}`), second.objectId);
    await eventually('overlay removed', async () => (await overlay(page).count()) === 0 || !(await overlay(page).isVisible()));
    await page.close();
  });

  it('offers a picker when a service principal has several jobs, defaulting to the one that needs attention', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'cloud-sync')));
    const picker = overlay(page).getByRole('combobox', { name: 'Job' });
    await picker.waitFor();
    expect(await picker.locator('option').count()).toBe(2);
    await overlay(page).getByText('HybridIdentityServiceNoActiveAgents').first().waitFor();
    // Cloud Sync connects through its on-premises agent: the advice says so, never "Admin Credentials".
    const advice = await overlay(page).getByRole('region', { name: 'Quarantine' }).innerText();
    expect(advice).toContain('provisioning agent');
    expect(advice).not.toMatch(/Admin Credentials|Test Connection/);
    // The keyboard, as an admin would: the overlay ignores synthetic input (selectOption's events are untrusted).
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    expect(await picker.evaluate((select: HTMLSelectElement) => select.selectedIndex)).toBe(1);
    await overlay(page).getByText('AD2AADPasswordHash', { exact: true }).waitFor();
    expect(await overlay(page).getByRole('region', { name: 'Quarantine' }).count()).toBe(0);
    await page.close();
  });

  it('renders markup from a SCIM server as text and never runs it', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'northwind-scim')));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const text = await overlay(page).getByRole('region', { name: 'Quarantine' }).innerText();
    expect(text).toContain('<img');
    expect(await overlay(page).locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('asks Graph once per page view and not again inside the cache window', async () => {
    const app = appByKey(cloud.tenant, 'servicenow');
    cloud.clearLog();
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    await page.reload();
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const requests = cloud.graphRequests();
    expect(requests.map((r) => r.pathname)).toEqual([`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs`]);
    expectBearer(requests);
    expect(cloud.tokenRequests()).toHaveLength(0);
    await page.close();
  });

  it('copies the job exactly as Graph returned it', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByRole('button', { name: 'Copy JSON' }).click();
    await overlay(page).getByText('Copied', { exact: true }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(JSON.stringify(app.jobs[0], null, 2));
    await page.close();
  });

  it('collapses to a pill that keeps the state, and remembers it', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('button', { name: 'Collapse' }).click();
    await overlay(page).getByText('Quarantined · SfSandboxOutDelta').first().waitFor();
    await page.reload();
    await overlay(page).getByRole('button', { name: 'Expand' }).waitFor();
    await overlay(page).getByRole('button', { name: 'Expand' }).click();
    await overlay(page).getByRole('button', { name: 'Collapse' }).waitFor();
    await page.close();
  });
});

describe('a page that names only the application id', () => {
  it('resolves the service principal first (Application.Read.All), then lists its jobs', async () => {
    const app = appByKey(cloud.tenant, 'fabrikam-learning');
    cloud.clearLog();
    const page = await h.page(`https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${app.appId}`);
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    expect(cloud.graphRequests().map((r) => decodeURIComponent(r.path))).toEqual([
      `/v1.0/servicePrincipals(appId='${app.appId}')?$select=id,appId,displayName`,
      `/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs`,
    ]);
    const scopes = cloud.tokenRequests().map((t) => t.form?.scope ?? '');
    expect(scopes.some((s) => s.includes('Application.Read.All'))).toBe(true);
    await page.close();
  });
});

describe('keyboard and screen readers', () => {
  /** The element focused inside the overlay's shadow root, if the focus is there at all. */
  const focusedInOverlay = (page: Page) =>
    page.evaluate(() => {
      const host = document.activeElement;
      if (host?.localName !== 'provisioning-lens') return null;
      const inner = host.shadowRoot?.activeElement;
      return inner ? { tag: inner.tagName, text: inner.textContent, label: inner.getAttribute('aria-label') } : null;
    });

  it('collapses to a pill in the state\'s colour, with its icon, its word and room before the button', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('button', { name: 'Collapse' }).click();
    const pill = overlay(page).locator('.pl-collapsed');
    await pill.waitFor();
    const look = await pill.evaluate((el) => {
      const style = getComputedStyle(el);
      const text = el.querySelector('.pl-collapsed-state')!.getBoundingClientRect();
      const button = el.querySelector('button')!.getBoundingClientRect();
      const icon = el.querySelector('svg');
      return { tone: el.className, background: style.backgroundColor, border: style.borderTopColor, color: style.color,
        icon: icon ? icon.getBoundingClientRect().width : 0, gap: button.left - text.right, status: el.querySelector('[role="status"]')?.textContent };
    });
    expect(look.tone).toContain('pl-tone-error');
    expect(look.background).toBe('rgb(253, 231, 233)'); // Fluent error tint
    expect(look.border).toBe('rgb(209, 52, 56)'); // Fluent error
    expect(look.color).toBe('rgb(164, 38, 44)');
    expect(look.icon).toBeGreaterThan(0);
    expect(look.gap).toBeGreaterThanOrEqual(6);
    expect(look.status).toBe('Provisioning Lens: Quarantined · SfSandboxOutDelta');
    await overlay(page).getByRole('button', { name: 'Expand' }).click();
    await page.close();
  });

  it('moves by the keyboard from its handle, with a focus ring, remembered like a drag; Home docks it again', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    const card = overlay(page).locator('.pl-overlay');
    const handle = overlay(page).getByRole('button', { name: 'Move' });
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    const at = () => card.evaluate((el: HTMLElement) => [el.style.right, el.style.bottom]);
    await eventually('moved by 16 left and 64 up', async () => (await at()).join() === '32px,80px');
    expect(await handle.evaluate((el) => [el.matches(':focus-visible'), getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])).toEqual([true, 'solid', '2px']);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.reload();
    await overlay(page).getByRole('button', { name: 'Move' }).waitFor();
    expect(await at()).toEqual(['32px', '80px']);
    await overlay(page).getByRole('button', { name: 'Move' }).focus();
    await page.keyboard.press('Home');
    await eventually('docked again', async () => (await at()).join() === '16px,16px');
    await page.reload();
    await overlay(page).getByRole('button', { name: 'Move' }).waitFor();
    expect(await at()).toEqual(['16px', '16px']);
    await page.close();
  });

  it('takes the focus on the keyboard shortcut (the background\'s command), expanded; Tab goes on inside it; Escape collapses it', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('button', { name: 'Collapse' }).click();
    await overlay(page).getByRole('button', { name: 'Expand' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    expect(await focusedInOverlay(page)).toBeNull();

    const tabId = await tabIdOf(h, page);
    // Headless Chromium cannot press a global shortcut: dispatch the command to the worker's own listener.
    await h.serviceWorker.evaluate((id) => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string, tab?: object): void } } } };
      chrome.commands.onCommand.dispatch('focus-overlay', { id });
    }, tabId);
    await eventually('focus in the overlay', async () => (await focusedInOverlay(page))?.tag === 'H2');
    expect(await focusedInOverlay(page)).toMatchObject({ text: 'Provisioning Lens' });
    await overlay(page).getByRole('button', { name: 'Collapse' }).waitFor();
    expect(await overlay(page).getByRole('heading', { name: 'Provisioning Lens' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');

    await page.keyboard.press('Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ tag: 'BUTTON', label: 'Collapse' });
    await page.keyboard.press('Escape');
    await eventually('focus on Expand', async () => (await focusedInOverlay(page))?.label === 'Expand');

    // Without a tab from the browser, the background asks for the active one.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await h.serviceWorker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string): void } } } };
      chrome.commands.onCommand.dispatch('focus-overlay');
    });
    await eventually('focus in the overlay again', async () => (await focusedInOverlay(page))?.tag === 'H2');
    await page.close();
  });

  it('refuses the focus message from anyone but the background', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('button', { name: 'Collapse' }).click();
    await overlay(page).getByRole('button', { name: 'Expand' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const tabId = await tabIdOf(h, page);
    const popup = await h.page('popup.html');
    const reply = await popup.evaluate((id) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } };
      return chrome.tabs.sendMessage(id, { lens: 1, type: 'focusOverlay' });
    }, tabId);
    expect(reply).toEqual({ err: 'Refused: unexpected sender' });
    await popup.close();
    expect(await focusedInOverlay(page)).toBeNull();
    expect(await overlay(page).getByRole('button', { name: 'Expand' }).count()).toBe(1);
    await overlay(page).getByRole('button', { name: 'Expand' }).click();
    await page.close();
  });
});
