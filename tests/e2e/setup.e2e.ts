/**
 * A newcomer's first minutes (issue 11): from a portal tab that is not set up, Open settings lands on
 * the options page with the tab's tenant and cloud filled in; the set-up script carries this
 * browser's redirect URI; its last line, pasted back, fills the ids; signing in then works, and
 * Test sign-in says which features are ready and which need consent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, DEMO_CLIENT_ID, type FakeCloud } from './harness';
import { overlay, signIn, useExtension, type Harness } from './flows';

const env = useExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('set-up from a portal tab', () => {
  it('opens the options page prefilled from the tab, offers the script, takes its output, and signs in', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const portal = await h.page(`https://portal.azure.com/#@${cloud.tenant.domain}/view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${app.appId}/objectId/${app.objectId}`);
    await overlay(portal).getByText('Provisioning Lens is not set up yet').first().waitFor();
    const opened = h.context.waitForEvent('page');
    await overlay(portal).getByRole('button', { name: 'Open settings' }).click();
    const options = await opened;
    await options.getByRole('heading', { name: 'First, register the app in Entra ID' }).waitFor();
    expect(new URL(options.url()).searchParams.get('tenant')).toBe(cloud.tenant.domain);
    expect(await options.getByLabel('Directory (tenant) ID').inputValue()).toBe(cloud.tenant.domain);
    expect(await options.getByLabel('Cloud').inputValue()).toBe('global');
    expect(await options.getByLabel('Application (client) ID').inputValue()).toBe('');

    const script = await options.getByLabel('Azure CLI script').innerText();
    expect(script).toContain(`"redirectUris":["https://${h.extensionId}.chromiumapp.org/"]`);
    await options.getByLabel("Paste the script's last line").fill(`Granted.\nPROVISIONING_LENS clientId=${DEMO_CLIENT_ID} tenant=${cloud.tenant.id}`);
    await options.getByRole('button', { name: 'Use these IDs' }).click();
    await expect.poll(() => options.getByLabel('Application (client) ID').inputValue()).toBe(DEMO_CLIENT_ID);
    expect(await options.getByLabel('Directory (tenant) ID').inputValue()).toBe(cloud.tenant.id);

    await signIn(h, cloud.tenant.admin.upn);
    await portal.reload();
    await overlay(portal).getByRole('region', { name: 'Quarantine' }).waitFor();

    // Test sign-in: per feature, without asking for anything new (no sign-in window opens).
    const authorizeBefore = cloud.authorizeRequests().length;
    await options.getByRole('button', { name: 'Test sign-in' }).click();
    const features = options.getByRole('list', { name: 'Features' });
    await features.waitFor();
    const text = await features.innerText();
    expect(text).toContain('Read provisioning jobs: Ready');
    expect(text).toContain('Lookups by application ID, tenant overview: Ready'); // consented in the demo tenant
    expect(text).toContain('Recent failures (provisioning logs): Needs consent');
    expect(text).toContain('Job actions (restart, start, pause): Needs consent');
    expect(await features.getByRole('link', { name: 'admin consent' }).first().getAttribute('href')).toBe(
      `https://login.microsoftonline.com/${cloud.tenant.id}/adminconsent?client_id=${DEMO_CLIENT_ID}`,
    );
    expect(cloud.authorizeRequests()).toHaveLength(authorizeBefore);
    await options.close();
    await portal.close();
  });
});
