/**
 * The tenant overview in Chromium against a 250-app fake tenant (the 8 demo apps and 242 generated,
 * plus managed identities): a scan finds exactly the jobs there are, quarantined first, through a
 * few throttled inner requests; cancel and resume; the CSV matches the table; reopening shows the
 * last scan without asking Graph; Refresh known jobs asks only batches of the apps that had jobs.
 * The tests run in order and build on the first one's scan (one browser per file, as everywhere).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHealth } from '@/lib/job/health';
import { addGeneratedApps, throttleShare, type FakeCloud } from './harness';
import { eventually, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
let expected: { apps: number; jobs: number; quarantined: number; withJobs: string[] };

beforeAll(() => {
  ({ cloud, h } = env);
  addGeneratedApps(cloud.tenant, { count: 250 - cloud.tenant.apps.length, withJobs: 12, quarantined: 3, managedIdentities: 5 });
  const listed = cloud.tenant.apps.filter((a) => a.servicePrincipal.servicePrincipalType !== 'ManagedIdentity');
  const jobs = listed.flatMap((a) => a.jobs);
  expected = {
    apps: listed.length,
    jobs: jobs.length,
    quarantined: jobs.filter((job) => jobHealth(job) === 'quarantined').length,
    withJobs: listed.filter((a) => a.jobs.length > 0).map((a) => a.objectId),
  };
});

const count = async (page: Page, name: string) => Number((await page.locator(`[data-count="${name}"]`).innerText()).replace(/[^\d]/g, ''));
const tableRows = (page: Page) => page.locator('.pl-tenant-table tbody tr');
const scanDone = (page: Page) => page.getByTestId('scan-meta').waitFor({ timeout: 30_000 });
const batchRequests = () => cloud.graphRequests().filter((e) => e.pathname.endsWith('/$batch'));
const listRequests = () => cloud.graphRequests().filter((e) => /\/servicePrincipals$/i.test(e.pathname));

/** A minimal RFC 4180 reader, enough for what rowsToCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('tenant overview', () => {
  it('is opened from the popup, asks for Application.Read.All on the first scan, and finds exactly the jobs there are, quarantined first', async () => {
    cloud.idp.consented.delete('Application.Read.All');
    cloud.graph.batch.inner = throttleShare({ share: 0.05, retryAfter: '0.3' });
    cloud.clearLog();
    const popup = await h.page('popup.html');
    const opened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Tenant overview' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(await page.title()).toBe('Tenant overview');
    const authorizeBefore = cloud.authorizeRequests().length;

    await page.getByRole('button', { name: 'Scan tenant' }).click();
    await scanDone(page);
    expect(cloud.authorizeRequests().length).toBeGreaterThan(authorizeBefore);
    expect(cloud.idp.consented.has('Application.Read.All')).toBe(true);

    expect(await count(page, 'apps')).toBe(expected.apps);
    expect(await count(page, 'checked')).toBe(expected.apps);
    expect(await count(page, 'jobs')).toBe(expected.jobs);
    expect(await count(page, 'quarantined')).toBe(expected.quarantined);
    expect(await tableRows(page).count()).toBe(expected.jobs);
    const states = await tableRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.slice(0, expected.quarantined).every((s) => s === 'quarantined')).toBe(true);
    expect(states.slice(expected.quarantined)).not.toContain('quarantined');

    // Some inner requests were throttled and asked again; every batch held at most 20; no keyCredentials.
    expect(cloud.graph.batch.counts[429] ?? 0).toBeGreaterThan(0);
    expect(batchRequests().every((e) => (e.inner?.length ?? 0) <= 20 && e.method === 'POST')).toBe(true);
    expect(new Set(batchRequests().flatMap((e) => e.inner ?? [])).size).toBe(expected.apps);
    expect(listRequests().every((e) => !/keyCredentials/i.test(e.path))).toBe(true);
    expect(cloud.graphRequests().length).toBe(batchRequests().length + listRequests().length);
    await popup.close().catch(() => {});
    await page.close();
  });

  it('a row opens the same job view, and links to the Provisioning page in the portal', async () => {
    const page = await h.page('tenant.html');
    const first = tableRows(page).first();
    const link = await first.getByRole('link').getAttribute('href');
    expect(link).toMatch(/^https:\/\/portal\.azure\.com\/#view\/Microsoft_AAD_IAM\/ManagedAppMenuBlade\/~\/ProvisioningManagement\/appId\/[0-9a-f-]{36}\/objectId\/[0-9a-f-]{36}$/);
    await first.getByRole('button').click();
    const job = page.getByRole('region', { name: await first.getByRole('button').innerText() });
    await job.getByRole('region', { name: 'Quarantine' }).waitFor();
    await expect(job.getByRole('button', { name: 'Copy JSON' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core), light and dark, with a job open', async () => {
    const page = await h.page('tenant.html');
    await tableRows(page).first().getByRole('button').click();
    await page.getByRole('region', { name: 'Quarantine' }).waitFor();
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const results = await page.evaluate(() => (window as unknown as { axe: { run(c: unknown): Promise<AxeResults> } }).axe.run(document));
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(`[axe] tenant overview ${scheme}: ${results.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`).join(', ') || 'none'}`);
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`)).toEqual([]);
    }
    await page.close();
  });

  it('Export CSV holds what the table shows, in its order, filtered too', async () => {
    const page = await h.page('tenant.html');
    await page.getByLabel('Filter').fill('Generated');
    await eventually('filtered', async () => (await tableRows(page).count()) === 12);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    // Read through Playwright's stream: the test reads nothing from the file system outside the repository.
    const chunks: Buffer[] = [];
    for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
    const csv = parseCsv(Buffer.concat(chunks).toString('utf8'));
    const table = await tableRows(page).evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('[data-state]')!.textContent]));
    expect(csv[0]!.slice(0, 3)).toEqual(['App', 'Template', 'State']);
    expect(csv.slice(1).map((r) => [r[0], r[2]])).toEqual(table);
    await page.close();
  });

  it('reopening shows the last scan at once, without asking Graph', async () => {
    cloud.clearLog();
    const page = await h.page('tenant.html');
    await scanDone(page);
    expect(await tableRows(page).count()).toBe(expected.jobs);
    expect(await page.getByTestId('scan-meta').innerText()).toContain(`${expected.apps} apps`);
    expect(cloud.graphRequests()).toHaveLength(0);
    await page.close();
  });

  it('Refresh known jobs asks only batches of the apps that had jobs', async () => {
    const page = await h.page('tenant.html');
    await scanDone(page);
    cloud.clearLog();
    await page.getByRole('button', { name: 'Refresh known jobs' }).click();
    await eventually('refresh done', async () => (await page.getByTestId('scan-meta').count()) === 1 && batchRequests().length > 0, 20_000);
    expect(listRequests()).toHaveLength(0);
    expect(cloud.graphRequests().every((e) => e.method === 'POST' && e.pathname.endsWith('/$batch'))).toBe(true);
    expect(batchRequests()).toHaveLength(Math.ceil(expected.withJobs.length / 20));
    expect(batchRequests().flatMap((e) => e.inner ?? []).map((u) => u.split('/')[2]).sort()).toEqual([...expected.withJobs].sort());
    expect(await tableRows(page).count()).toBe(expected.jobs);
    await page.close();
  });

  it('Cancel stops the scan mid-way (no more requests); Resume finishes it', async () => {
    cloud.graph.batch.inner = null;
    cloud.graph.delayMs = 250;
    const page = await h.page('tenant.html');
    cloud.clearLog();
    await page.getByRole('button', { name: 'Scan tenant' }).click();
    await eventually('some apps checked', async () => (await page.locator('[data-count="checked"]').count()) === 1 && (await count(page, 'checked')) >= 40, 20_000);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Resume scan' }).waitFor();
    const checked = await count(page, 'checked');
    expect(checked).toBeLessThan(expected.apps);
    const asked = cloud.graphRequests().length;
    await new Promise((r) => setTimeout(r, 800));
    expect(cloud.graphRequests().length).toBe(asked);
    await page.getByRole('button', { name: 'Resume scan' }).click();
    await scanDone(page);
    expect(await count(page, 'checked')).toBe(expected.apps);
    expect(await tableRows(page).count()).toBe(expected.jobs);
    // Each app asked once across cancel and resume.
    const inner = batchRequests().flatMap((e) => e.inner ?? []);
    expect(new Set(inner).size).toBe(inner.length);
    cloud.graph.delayMs = 0;
    await page.close();
  });
});
