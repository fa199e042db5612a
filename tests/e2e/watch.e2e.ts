/**
 * Watched jobs (issue 10): a Watch toggle on the job view, the list in the popup, and the background
 * check that notices a change — triggered from the test through the real alarm, never a 15-minute wait.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { eventually, overlay, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

type Chrome = {
  alarms: { create(name: string, info: object): Promise<void>; get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};
const worker = <T>(fn: (chrome: Chrome) => Promise<T>) =>
  h.serviceWorker.evaluate(`(${fn.toString()})(globalThis.chrome)`) as Promise<T>;

/** Fires the watch alarm now, through the listener the background registered at start. */
const runCheck = () => worker((chrome) => chrome.alarms.create('watch-jobs', { when: Date.now() + 50 }));
const watched = () =>
  worker(async (chrome) => ((await chrome.storage.local.get('watchedJobs')).watchedJobs ?? []) as { jobId: string; last?: { health: string; checkedAt: string } }[]);
const toolbar = () => worker(async (chrome) => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

describe('watched jobs', () => {
  it('watches a job from the overlay, lists it in the popup, and the background check notices it going into quarantine', async () => {
    const app = appByKey(cloud.tenant, 'scim-healthy');
    const page = await h.page(provisioningUrl(app));
    const watch = overlay(page).getByRole('button', { name: 'Watch' });
    await watch.click();
    await overlay(page).getByRole('button', { name: 'Watching' }).waitFor();
    expect(await overlay(page).getByRole('button', { name: 'Watching' }).getAttribute('aria-pressed')).toBe('true');
    expect(await worker((chrome) => chrome.alarms.get('watch-jobs'))).toMatchObject({ periodInMinutes: 15 });

    const popup = await h.page('popup.html');
    const list = popup.getByRole('region', { name: 'Watched jobs' });
    await list.getByText('Not checked yet').waitFor();
    expect(await list.innerText()).toContain('Custom SCIM app (scim)');
    await popup.close();

    // First check: the baseline.
    cloud.clearLog();
    await runCheck();
    await eventually('first check', async () => (await watched())[0]?.last?.health === 'healthy');
    expect(cloud.graphRequests().map((r) => r.pathname)).toEqual([`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs`]);
    expect(await toolbar()).toEqual({ text: '', title: 'Provisioning Lens' });

    // The service quarantines the job; the next check notices, and (notifications off) the toolbar counts it.
    const quarantined = appByKey(cloud.tenant, 'salesforce-sandbox').jobs[0]!;
    const original = app.jobs[0]!.status;
    app.jobs[0]!.status = structuredClone(quarantined.status);
    try {
      await runCheck();
      await eventually('quarantine noticed', async () => (await watched())[0]?.last?.health === 'quarantined');
      await eventually('toolbar count', async () => (await toolbar()).text === '1');
      expect((await toolbar()).title).toBe('Provisioning Lens — 1 watched job needs attention');
      // The periodic alarm is back after the one-off trigger.
      expect(await worker((chrome) => chrome.alarms.get('watch-jobs'))).toMatchObject({ periodInMinutes: 15 });
    } finally {
      app.jobs[0]!.status = original;
    }

    const again = await h.page('popup.html');
    await again.getByRole('region', { name: 'Watched jobs' }).getByText(/Quarantined · checked/).waitFor();
    await again.close();
    await page.close();
  });

  it('checks several watched apps in one JSON batch, not one request each', async () => {
    const box = appByKey(cloud.tenant, 'box');
    const page = await h.page(provisioningUrl(box));
    await overlay(page).getByRole('button', { name: 'Watch' }).click();
    await overlay(page).getByRole('button', { name: 'Watching' }).waitFor();
    cloud.clearLog();
    await runCheck();
    await eventually('both checked', async () => (await watched()).every((job) => job.last && Date.parse(job.last.checkedAt) > Date.now() - 5_000));
    const requests = cloud.graphRequests().map((r) => `${r.method} ${r.pathname}`);
    expect(requests).toEqual(['POST /v1.0/$batch']);
    await page.close();
  });

  it('a stopped worker is woken by the alarm and checks; the periodic alarm is there again after', async () => {
    await worker((chrome) => chrome.alarms.create('watch-jobs', { when: Date.now() + 1_500 }));
    await h.stopServiceWorker();
    cloud.clearLog();
    const stoppedAt = Date.now();
    await eventually('the alarm woke the worker and it checked', () => cloud.graphRequests().some((r) => r.pathname === '/v1.0/$batch'), 15_000);
    expect(Date.now() - stoppedAt).toBeGreaterThan(500);
    if (h.serviceWorkerStatus() !== 'running') await h.startServiceWorker();
    await eventually('periodic alarm back', async () => (await worker((chrome) => chrome.alarms.get('watch-jobs')))?.periodInMinutes === 15);
  });

  it('when the session has ended, says so on the toolbar and never opens a sign-in window', async () => {
    cloud.idp.revokeRefreshTokens();
    cloud.idp.expireAccessTokens();
    const authorizeBefore = cloud.authorizeRequests().length;
    await runCheck();
    await eventually('session ended', async () => (await toolbar()).text === '?');
    expect((await toolbar()).title).toBe('Provisioning Lens — sign in again to keep checking watched jobs');
    expect(cloud.authorizeRequests()).toHaveLength(authorizeBefore);
    expect(h.context.pages().some((p) => p.url().includes('/oauth2/'))).toBe(false);
  });
});
