/** What the admin sees when Graph or the session fails, and how many requests each case costs. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { type Harness, jobRequests, overlay, overlayText, useSignedInExtension } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));
beforeEach(() => cloud.reset());

/** Opens an app's Provisioning page with the next jobs request answered by `faults`. */
async function openWithFaults(key: string, faults: Parameters<FakeCloud['graph']['failNext']>[1]) {
  const app = appByKey(cloud.tenant, key);
  cloud.graph.failNext(`/servicePrincipals/${app.objectId}/synchronization/jobs`, faults);
  const page = await h.page(provisioningUrl(app));
  return { app, page, lens: overlay(page) };
}

describe('Graph failures in the overlay', () => {
  it('401 UnknownError: explains missing consent or role, with the request id', async () => {
    const { app, page, lens } = await openWithFaults('scim-healthy', { status: 401, body: { error: { code: 'UnknownError', message: '' } } });
    await lens.getByText('consent or a directory role is probably missing', { exact: false }).first().waitFor();
    const text = await overlayText(page);
    expect(text).toContain('Synchronization.Read.All');
    const [request] = jobRequests(cloud, app.objectId);
    expect(request).toBeDefined();
    expect(text).toContain(request!.headers['client-request-id']!);
    expect(jobRequests(cloud, app.objectId)).toHaveLength(1);
    await page.close();
  });

  it('404: the service principal is gone', async () => {
    const { page, lens } = await openWithFaults('slack', { status: 404 });
    await lens.getByText('was not found (404)', { exact: false }).first().waitFor();
    expect(await overlayText(page)).toContain('Request_ResourceNotFound');
    await page.close();
  });

  it('429 with Retry-After, then success: waits, retries once and shows the job', async () => {
    const { app, page, lens } = await openWithFaults('fabrikam-learning', [{ status: 429, headers: { 'Retry-After': '1' } }]);
    await lens.getByRole('region', { name: 'Quarantine' }).waitFor();
    const requests = jobRequests(cloud, app.objectId);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    expect(new Set(requests.map((r) => r.headers['client-request-id'])).size).toBe(1);
    await page.close();
  });

  it('Refresh after a failure asks again and recovers', async () => {
    const { app, page, lens } = await openWithFaults('box', { status: 503, headers: { 'Retry-After': '120' } });
    await lens.getByText('Microsoft Graph had a problem (503)', { exact: false }).first().waitFor();
    await lens.getByRole('button', { name: 'Refresh' }).click();
    await lens.getByText('Throttled', { exact: true }).first().waitFor();
    expect(jobRequests(cloud, app.objectId).map((r) => r.status)).toEqual([503, 200]);
    await page.close();
  });

  it('a token Graph no longer accepts is renewed silently with the refresh token', async () => {
    cloud.idp.expireAccessTokens();
    const app = appByKey(cloud.tenant, 'northwind-scim');
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    expect(cloud.tokenRequests().map((t) => t.grantType)).toEqual(['refresh_token']);
    expect(jobRequests(cloud, app.objectId).map((r) => r.status)).toEqual([401, 200]);
    expect(cloud.authorizeRequests()).toHaveLength(0);
    await page.close();
  });
});
