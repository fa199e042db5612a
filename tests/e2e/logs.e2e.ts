/**
 * Recent failures (provisioning logs) in real Chromium against the fake cloud: the incremental consent
 * path, the digest of a quarantined job, the empty-but-quarantined case, each refusal the logs have,
 * and the request budget (one logs request per view, none on reopen within the cache window).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_FAULTS, manyRecords } from '../fake-cloud/provisioning-logs.mjs';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { overlay, tabIdOf, useSignedInExtension, type Harness } from './flows';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

const logRequests = () => cloud.graphRequests().filter((e) => e.pathname === '/v1.0/auditLogs/provisioning');
const section = (page: Page) => overlay(page).getByRole('region', { name: 'Recent failures' });
const open = (key: string) => h.page(provisioningUrl(appByKey(cloud.tenant, key)));
/** Up to 25 s: this file asks for logs faster than Graph's 5 per 10 s, so the extension's own throttle makes some wait. */
async function sectionSays(page: Page, text: string | RegExp): Promise<string> {
  await section(page).getByText(text).first().waitFor({ timeout: 25_000 });
  return section(page).innerText();
}

describe('recent failures', () => {
  it('asks for nothing before the admin chooses: the button, no logs request, no token request', async () => {
    cloud.clearLog();
    const page = await open('fabrikam-learning');
    await sectionSays(page, 'AuditLog.Read.All and Directory.Read.All');
    await overlay(page).getByText('more than 40 %', { exact: false }).waitFor();
    expect(logRequests()).toHaveLength(0);
    expect(cloud.tokenRequests().filter((t) => t.grantType === 'refresh_token')).toHaveLength(0);
    await page.close();
  });

  it('Show recent failures: the consent asks for the two logs scopes, then one request shows the digest', async () => {
    const page = await open('fabrikam-learning');
    cloud.clearLog();
    await section(page).getByRole('button', { name: 'Show recent failures' }).click();
    const text = await sectionSays(page, /failed events in the last 7 days/);

    const authorize = cloud.authorizeRequests();
    expect(authorize).toHaveLength(1);
    const scope = new URL(authorize[0]!.path, 'https://x').searchParams.get('scope')!;
    expect(scope).toContain('AuditLog.Read.All');
    expect(scope).toContain('Directory.Read.All');
    expect(scope).toContain('Synchronization.Read.All');

    const logs = logRequests();
    expect(logs).toHaveLength(1);
    const params = new URL(logs[0]!.path, 'https://x').searchParams;
    const job = appByKey(cloud.tenant, 'fabrikam-learning').jobs[0].id;
    expect(params.get('$filter')).toMatch(new RegExp(`^jobId eq '${job.replace(/\./g, '\\.')}' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`));
    expect(params.get('$orderby')).toBe('activityDateTime desc');
    expect(params.get('$top')).toBe('1000');

    // Biggest group first, with counts, step, who refused, reason, and examples with change ids.
    expect(text).toContain('15 failed events in the last 7 days');
    expect(text.indexOf('BadResponse')).toBeLessThan(text.indexOf('DuplicateTargetEntries'));
    expect(text).toContain('6 objects, 12 events');
    expect(text).toContain('The target app refused the change');
    expect(text).toContain('The provisioning service failed');
    expect(text).toMatch(/Failing step\s+matching/);
    expect(text).toContain('Check the attribute mappings');
    // Skipped records never come back: the query asks for failures only.
    expect(text).not.toContain('skipped');
    expect(text).not.toContain('OldFailureOutsideTheWindow');
    expect(await section(page).getByRole('button', { name: 'Copy change ID' }).count()).toBe(3 + 2 + 1);
    const logsLink = section(page).getByRole('link', { name: 'Open the provisioning logs' });
    expect(await logsLink.getAttribute('href')).toMatch(/^https:\/\/portal\.azure\.com\//);
    await page.close();
  });

  it('reopening within the cache window asks Graph nothing; another quarantined job loads by itself with one request', async () => {
    cloud.clearLog();
    const again = await open('fabrikam-learning');
    await sectionSays(again, '6 objects, 12 events');
    expect(logRequests()).toHaveLength(0);
    await again.close();

    const page = await open('servicenow');
    const text = await sectionSays(page, 'RedundantExport');
    expect(text).toContain('stagedDelete');
    expect(logRequests()).toHaveLength(1);
    await page.close();
  });

  it('says what an empty result on a quarantined job means', async () => {
    const page = await open('salesforce-sandbox');
    await sectionSays(page, 'No failed objects in the last 7 days — the service could not reach the app at all (credentials, URL or agent).');
    await page.close();
  });

  it('a job that is fine waits for the click, then says there is nothing (skipped records are no failures)', async () => {
    cloud.clearLog();
    const page = await open('scim-healthy');
    await section(page).getByRole('button', { name: 'Show recent failures' }).waitFor();
    expect(logRequests()).toHaveLength(0);
    await section(page).getByRole('button', { name: 'Show recent failures' }).click();
    // Its logs hold skipped and successful records only: none is a failure.
    await sectionSays(page, 'No failed objects in the last 7 days.');
    expect(logRequests()).toHaveLength(1);
    await page.close();
  });

  it.each([
    ['nonPremium', /Entra ID P1 or P2/],
    ['unknownError', /Reports Reader, Security Reader, Global Reader, Application Administrator or Cloud Application Administrator/],
    ['throttled', /5 log queries per 10 s per tenant\. Wait about 30 s/],
  ] as const)('tells %s apart, with the request id', async (fault, words) => {
    cloud.clearLog();
    cloud.graph.failNext('auditLogs/provisioning', LOG_FAULTS[fault]);
    const page = await open('northwind-scim');
    const text = await sectionSays(page, words);
    const logs = logRequests();
    expect(logs).toHaveLength(1);
    expect(text).toContain(logs[0]!.responseRequestId!);
    await page.close();
  });

  it('a missing consent (403 Authentication_MSGraphPermissionMissing) offers Grant access, which signs in and loads', async () => {
    cloud.graph.failNext('auditLogs/provisioning', LOG_FAULTS.permissionMissing);
    const page = await open('northwind-scim');
    await sectionSays(page, 'needs permissions that have not been granted (403)');
    cloud.clearLog();
    await section(page).getByRole('button', { name: 'Grant access' }).click();
    const text = await sectionSays(page, /failed event in the last 7 days/);
    expect(cloud.authorizeRequests()).toHaveLength(1);
    // Hostile names and reasons stay text.
    expect(text).toContain('<img src=x onerror=alert(1)> Mallory');
    expect(await section(page).locator('img, script, b').count()).toBe(0);
    await page.close();
  });

  it('a log query that never answers is told as a timeout, with a way to try again', async () => {
    cloud.graph.failNext('auditLogs/provisioning', { hang: true });
    const page = await open('box');
    // Box is failing (not quarantined): it loads by itself now that the permissions work.
    await section(page).getByText('did not answer in time').waitFor({ timeout: 25_000 });
    await section(page).getByRole('button', { name: 'Try again' }).click();
    await sectionSays(page, 'BoxRateLimited');
    await page.close();
  }, 45_000);

  it('the popup shows the same section for the portal tab, from the cache, with no serious axe finding', async () => {
    const page = await open('fabrikam-learning');
    await sectionSays(page, '6 objects, 12 events');
    const tabId = await tabIdOf(h, page);
    cloud.clearLog();
    const popup = await h.page(`popup.html?tab=${tabId}`);
    const region = popup.getByRole('region', { name: 'Recent failures' });
    await region.getByText('6 objects, 12 events').waitFor();
    expect(logRequests()).toHaveLength(0);
    await popup.evaluate(AXE_SOURCE);
    const result = await popup.evaluate(() =>
      (window as unknown as { axe: { run(c: unknown, o: object): Promise<AxeResults> } }).axe.run('section.pl-failures', { resultTypes: ['violations'] }),
    );
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(`[axe] popup recent failures: ${result.violations.length} violations, ${serious.length} serious or critical`);
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a filter form Graph refuses (400) steps down to a simpler one; a big log is read in pages, at most 1,000 records', async () => {
    const jobId = appByKey(cloud.tenant, 'box').jobs[0].id;
    // 1,500 more failures for Box: more than one page of the simpler form ($top=500) and than the 1,000-record cap.
    const extra = manyRecords({ jobId, now: Date.now(), count: 2000 }).filter((r) => r.provisioningStatusInfo.status === 'failure');
    cloud.tenant.provisioningLogs.push(...extra);
    const page = await open('box');
    const refresh = section(page).getByRole('button', { name: 'Refresh failures' });
    // Run alone, nothing has granted the logs permissions yet: the first click does.
    const show = section(page).getByRole('button', { name: 'Show recent failures' });
    await refresh.or(show).first().waitFor();
    if (await show.count()) await show.click();
    await refresh.waitFor({ timeout: 25_000 });
    cloud.clearLog();
    cloud.graph.failNext('auditLogs/provisioning', LOG_FAULTS.badFilter);
    await refresh.click();
    const text = await sectionSays(page, '1,000 records read; there are more');
    const asked = logRequests().map((e) => new URL(e.path, 'https://x').searchParams);
    expect(asked.map((p) => [p.get('$filter')!.includes('activityDateTime'), p.get('$top'), p.get('$skiptoken')])).toEqual([
      [true, '1000', null],
      [false, '500', null],
      [false, '500', '500'],
    ]);
    expect(logRequests().map((e) => e.status)).toEqual([400, 200, 200]);
    expect(text).toContain('1,000 failed events');
    cloud.tenant.provisioningLogs = cloud.tenant.provisioningLogs.filter((r) => !extra.includes(r));
    await page.close();
  });

  // Last: it moves the extension to another cloud.
  it('China (21Vianet): the section says the logs are not offered there, and nothing is asked', async () => {
    // Signed out first: MSAL refuses a cached Global account under the China authority (authority_mismatch).
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).first().waitFor();
    await popup.close();
    const options = await h.page('options.html');
    await options.getByLabel('Cloud').selectOption('china');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox'), 'portal.azure.cn'));
    const signInButton = overlay(page).getByRole('button', { name: 'Sign in' });
    await signInButton.waitFor();
    cloud.clearLog();
    await signInButton.click();
    await overlay(page).getByText('SalesforceInvalidCredentials').first().waitFor();
    await sectionSays(page, 'no provisioning logs in the China (21Vianet) cloud');
    expect(cloud.graphRequests().map((e) => e.host)).toEqual(['microsoftgraph.chinacloudapi.cn']);
    expect(cloud.graphRequests().filter((e) => e.pathname.toLowerCase().includes('auditlogs'))).toHaveLength(0);
    await page.close();
  });
});
