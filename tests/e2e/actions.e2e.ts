/**
 * Job actions (opt-in) end to end in Chromium: absent while the option is off; the consent asked on
 * first use; restart with each scope sends exactly one POST with the exact body (also under a double
 * click, a second tab and a worker stopped mid-request); pause and start; error states; the card's
 * new state after 204; the history on the options page.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type DemoApp, type FakeCloud } from './harness';
import { eventually, overlay, type Harness, useSignedInExtension } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

/** A copy of a demo app under new ids: its job changes with each action, and no cache serves it. */
function freshApp(fromKey: string): DemoApp {
  const source = appByKey(cloud.tenant, fromKey);
  const objectId = randomUUID();
  const appId = randomUUID();
  const app: DemoApp = { ...source, key: `${fromKey}-${objectId.slice(0, 8)}`, objectId, appId,
    servicePrincipal: { ...source.servicePrincipal, id: objectId, appId }, jobs: structuredClone(source.jobs) };
  cloud.tenant.apps.push(app);
  return app;
}

/** The POSTs Graph received for one app's jobs. */
const posts = (app: DemoApp) => cloud.graphRequests().filter((e) => e.method === 'POST' && e.pathname.includes(`/servicePrincipals/${app.objectId}/`));

async function setActions(on: boolean): Promise<void> {
  const options = await h.page('options.html');
  const box = options.getByLabel('Allow job actions');
  await box.waitFor();
  if ((await box.isChecked()) !== on) await box.click();
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  await options.close();
}

/** The overlay of an app's Provisioning page, once its job is on screen. */
async function openApp(app: DemoApp): Promise<Page> {
  const page = await h.page(provisioningUrl(app));
  await overlay(page).locator('.pl-job .pl-pill').waitFor();
  return page;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe violations in `context` (a11y.e2e.ts audits the rest of the UI), light and dark. */
async function axeBlocking(page: Page, context: unknown): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await page.evaluate((ctx) => (window as unknown as { axe: { run(c: unknown): Promise<AxeResults> } }).axe.run(ctx ?? document), context);
    expect(results.passes.length).toBeGreaterThan(0);
    found.push(...results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

const pill = (page: Page) => overlay(page).locator('.pl-job .pl-pill');
const dialog = (page: Page) => overlay(page).getByRole('dialog');
const button = (page: Page, name: string) => overlay(page).getByRole('button', { name, exact: true });

describe('job actions are off by default', () => {
  it('shows no action while the option is off, and the background refuses one', async () => {
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    expect(await pill(page).innerText()).toContain('Quarantined');
    expect(await overlay(page).getByRole('region', { name: 'Job actions' }).count()).toBe(0);
    expect(await button(page, 'Restart…').count()).toBe(0);
    const options = await h.page('options.html');
    expect(await options.getByLabel('Allow job actions').isChecked()).toBe(false);
    await options.getByText('Synchronization.ReadWrite.All', { exact: false }).first().waitFor();
    // Even the extension's own page gets no token while the option is off.
    const ticket = await options.evaluate(async (spId) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: { ok: boolean; error?: { title: string } } }> } } };
      return (await chrome.runtime.sendMessage({ lens: 1, type: 'prepareJobAction', data: { servicePrincipalId: spId, jobId: 'scim.0a', kind: 'restart' } })).res;
    }, app.objectId);
    expect(ticket).toMatchObject({ ok: false, error: { title: 'Job actions are turned off.' } });
    expect(posts(app)).toEqual([]);
    await Promise.all([page.close(), options.close()]);
  });
});

describe('with "Allow job actions" on', () => {
  beforeAll(() => setActions(true));

  it('first restart asks consent for Synchronization.ReadWrite.All, then sends one POST; the card shows the new state', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    expect(await overlay(page).getByRole('region', { name: 'Job actions' }).innerText()).not.toContain('Pause job');
    await button(page, 'Restart…').click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('aria-modal')).toBe('true');
    expect(await overlay(page).getByRole('dialog', { name: 'Restart provisioning job' }).count()).toBe(1);
    const text = await d.innerText();
    expect(text).toContain(app.displayName);
    expect(text.replace(/\s/g, '')).toContain(app.jobs[0].id);
    expect(text).toContain('Clear the quarantine and retry');
    expect(text).toContain('Restart as the portal does: clear quarantine, retries and watermark');
    expect(text).toContain('can take hours');
    expect(text).not.toContain('Let the held deletions through');
    // The first choice has the focus; Tab stays inside the dialog.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await d.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement))).toBe(true);

    await d.getByRole('radio', { name: 'Clear the quarantine and retry' }).check();
    await d.getByRole('button', { name: 'Restart job' }).click();
    await overlay(page).getByText('Restart accepted by Graph', { exact: false }).waitFor({ timeout: 20_000 });
    // Consent: an interactive sign-in asked for the write permission, once.
    const authorize = cloud.authorizeRequests();
    expect(authorize).toHaveLength(1);
    expect(new URL(authorize[0]!.path, 'https://x').searchParams.get('scope')).toContain('Synchronization.ReadWrite.All');
    // Before it, the silent try for the write scope was refused for want of consent (AADSTS65001): nothing was sent then.
    expect(cloud.tokenRequests().some((t) => t.grantType === 'refresh_token' && t.status === 400)).toBe(true);
    const sent = posts(app);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.pathname).toBe(`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs/${app.jobs[0].id}/restart`);
    expect(sent[0]!.body).toBe('{"criteria":{"resetScope":"QuarantineState"}}');
    expect(sent[0]!.headers['content-type']).toBe('application/json');
    expect(sent[0]!.status).toBe(204);
    // Fetched again bypassing the cache: the card shows the job as Graph has it now.
    await eventually('the card shows Active', async () => (await pill(page).innerText()).includes('Active'));
    expect(await dialog(page).count()).toBe(0);
    // Lookups keep the read scope alone.
    const lastGet = cloud.graphRequests().filter((e) => e.method === 'GET').at(-1)!;
    expect(lastGet.status).toBe(200);
    await page.close();
  });

  it('the portal-like restart under a double click sends one POST with the exact body', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('radio', { name: /Restart as the portal does/ }).check();
    await dialog(page).getByRole('button', { name: 'Restart job' }).dblclick();
    await overlay(page).getByText('Restart accepted by Graph', { exact: false }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(posts(app).map((p) => p.body)).toEqual(['{"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}}']);
    expect(cloud.authorizeRequests()).toHaveLength(0); // consent is remembered
    await page.close();
  });

  it('held deletions: offered for TooManyDeletes only, with a second confirmation, as ForceDeletes', async () => {
    cloud.reset();
    const app = freshApp('servicenow');
    const page = await openApp(app);
    await button(page, 'Restart…').click();
    const d = dialog(page);
    await d.getByRole('radio', { name: /Let the held deletions through/ }).check();
    expect(await d.innerText()).toContain('threshold (500 per cycle)');
    const confirm = d.getByRole('button', { name: 'Restart job' });
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await confirm.click({ force: true }); // Playwright waits for an aria-disabled button; the admin's click does nothing
    expect(posts(app)).toEqual([]);
    await d.getByRole('checkbox', { name: /I have checked the pending deletions/ }).check();
    await confirm.click();
    await overlay(page).getByText('Restart accepted by Graph', { exact: false }).waitFor();
    expect(posts(app).map((p) => p.body)).toEqual(['{"criteria":{"resetScope":"ForceDeletes"}}']);
    await eventually('the card shows Active', async () => (await pill(page).innerText()).includes('Active'));
    await page.close();
  });

  it('pause (confirmed) and start: one POST each, no body; the buttons follow the state', async () => {
    cloud.reset();
    const app = freshApp('scim-healthy');
    const page = await openApp(app);
    expect(await button(page, 'Start').count()).toBe(0);
    await button(page, 'Pause…').click();
    await overlay(page).getByRole('dialog', { name: 'Pause provisioning job' }).waitFor();
    // Escape closes it without sending anything.
    await page.keyboard.press('Escape');
    expect(await dialog(page).count()).toBe(0);
    expect(await pill(page).count()).toBe(1); // the overlay did not collapse
    await button(page, 'Pause…').click();
    await dialog(page).getByRole('button', { name: 'Pause job' }).click();
    await eventually('the card shows Paused', async () => (await pill(page).innerText()).includes('Paused'));
    expect(await button(page, 'Pause…').count()).toBe(0);
    await button(page, 'Start').click();
    await eventually('the card shows Active', async () => (await pill(page).innerText()).includes('Active'));
    const sent = posts(app);
    expect(sent.map((p) => [p.pathname.split('/').at(-1), p.body])).toEqual([['pause', ''], ['start', '']]);
    await page.close();
  });

  it('the popup offers the same actions on the same card: pause there, one POST', async () => {
    cloud.reset();
    const app = freshApp('scim-healthy');
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('button', { name: 'Pause…', exact: true }).click();
    await popup.getByRole('dialog', { name: 'Pause provisioning job' }).getByRole('button', { name: 'Pause job' }).click();
    await eventually('the popup shows Paused', async () => (await popup.locator('.pl-job .pl-pill').innerText()).includes('Paused'));
    expect(posts(app).map((p) => p.pathname.split('/').at(-1))).toEqual(['pause']);
    await popup.close();
  });

  it('a page script cannot press the action buttons', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    await page.evaluate(() => {
      const root = document.querySelector('provisioning-lens')!.shadowRoot!;
      for (const b of root.querySelectorAll('button')) b.click();
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await dialog(page).count()).toBe(0);
    expect(posts(app)).toEqual([]);
    await page.close();
  });
});

describe('failures', () => {
  it('401 UnknownError says which role and permission; no spinner stays; the error stays on the card', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    cloud.graph.failNext('/restart', { status: 401, body: { error: { code: 'UnknownError', message: '' } } });
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('button', { name: 'Restart job' }).click();
    const error = dialog(page).getByRole('region', { name: 'Error' });
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('a role or permission is missing');
    expect(text).toContain('Application Administrator or Cloud Application Administrator — Hybrid Identity Administrator for Cloud Sync');
    expect(text).toContain('Synchronization.ReadWrite.All');
    expect(text.replace(/\s/g, '')).toContain(posts(app)[0]!.responseRequestId!);
    expect(await dialog(page).getByRole('button', { name: 'Restarting…' }).count()).toBe(0);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    expect(await overlay(page).getByText('a role or permission is missing', { exact: false }).count()).toBe(1);
    expect(await overlay(page).getByText('accepted by Graph', { exact: false }).count()).toBe(0);
    expect(posts(app)).toHaveLength(1);
    await page.close();
  });

  it('503: told it may have been carried out, never sent again; 429 with Retry-After: retried once', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    cloud.graph.failNext('/restart', { status: 503 });
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('button', { name: 'Restart job' }).click();
    await dialog(page).getByText('may or may not have been carried out', { exact: false }).waitFor();
    expect(posts(app)).toHaveLength(1);
    await dialog(page).getByRole('button', { name: 'Close' }).click();

    cloud.clearLog();
    cloud.graph.failNext('/restart', { status: 429, headers: { 'Retry-After': '1' } });
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('button', { name: 'Restart job' }).click();
    await overlay(page).getByText('Restart accepted by Graph', { exact: false }).waitFor();
    expect(posts(app).map((p) => p.status)).toEqual([429, 204]);
    // A new action clears the old failure: no stale error beside the new answer.
    expect(await overlay(page).getByText('may or may not have been carried out', { exact: false }).count()).toBe(0);
    await page.close();
  });

  it('404 says the job is gone', async () => {
    cloud.reset();
    const app = freshApp('scim-healthy');
    const page = await openApp(app);
    cloud.graph.failNext('/pause', { status: 404 });
    await button(page, 'Pause…').click();
    await dialog(page).getByRole('button', { name: 'Pause job' }).click();
    await dialog(page).getByText('The job is gone (404)', { exact: false }).waitFor();
    await page.close();
  });
});

describe('exactly one POST per confirmation', () => {
  it('the worker stopped mid-request: the resent confirmation sends nothing and says it may have reached Graph', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const page = await openApp(app);
    cloud.graph.failNext('/restart', { delayMs: 3_000 });
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('button', { name: 'Restart job' }).click();
    await eventually('the POST is in flight', () => posts(app).length === 1);
    await h.stopServiceWorker();
    await dialog(page).getByText('may or may not have reached Graph', { exact: false }).waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 3_500));
    expect(posts(app)).toHaveLength(1);
    await page.close();
  });

  it('a second tab confirming the same job after the first sends nothing', async () => {
    cloud.reset();
    const app = freshApp('salesforce-sandbox');
    const [a, b] = [await openApp(app), await openApp(app)];
    await button(a, 'Restart…').click();
    await button(b, 'Restart…').click();
    await dialog(a).getByRole('button', { name: 'Restart job' }).click();
    await overlay(a).getByText('Restart accepted by Graph', { exact: false }).waitFor();
    await dialog(b).getByRole('button', { name: 'Restart job' }).click();
    await dialog(b).getByText('Another action on this job was sent after you opened this one', { exact: false }).waitFor();
    expect(posts(app)).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('accessibility (axe-core)', () => {
  it('the restart dialog with every choice, and the history table: no serious or critical violation', async () => {
    const app = freshApp('servicenow');
    const page = await openApp(app);
    await button(page, 'Restart…').click();
    await dialog(page).getByRole('radio', { name: /Let the held deletions through/ }).check();
    expect(await axeBlocking(page, { include: [{ fromShadowDom: ['provisioning-lens', '.pl-dialog'] }] })).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
    const options = await h.page('options.html');
    await options.getByRole('table').waitFor();
    expect(await axeBlocking(options, null)).toEqual([]);
    await options.close();
  });
});

describe('history', () => {
  it('the options page lists each action with its scope, result and request id, and clears it', async () => {
    const options = await h.page('options.html');
    const table = options.getByRole('table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    // Every POST above: 2 restarts + ForceDeletes + pause + start + 401 + 503 + 429→204 + 404 + interrupted + second tab's first.
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    const newest = await rows.first().innerText();
    expect(newest).toContain('Restart');
    expect(newest).toContain('QuarantineState');
    expect(newest).toContain('Accepted');
    const all = await table.innerText();
    expect(all).toContain('Unknown: may have reached Graph');
    expect(all).toContain('Refused');
    expect(all).toContain('ForceDeletes');
    expect(all).toContain('Pause');
    await options.getByRole('button', { name: 'Clear history' }).click();
    await options.getByText('No actions yet.').waitFor();
    await options.close();
  });
});
