/** The toolbar popup (opened as a page): active tab, typed ids, pasted URL, account, Copy JSON. */
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
