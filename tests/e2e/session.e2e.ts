/** Setting up and the life of a session: settings, a closed sign-in window, a revoked session. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { CLIENT_ID, overlay, useExtension, type Harness } from './flows';

const env = useExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('settings and session', () => {
  it('validates the settings, shows the redirect URI to register and copies it', async () => {
    const options = await h.page('options.html');
    await options.getByRole('heading', { name: 'First, register the app in Entra ID' }).waitFor();
    // The registration steps come first: the form needs what they produce.
    const stepsBeforeForm = await options.evaluate(() => {
      const steps = document.querySelector('ol.pl-steps');
      const form = document.querySelector('form');
      return !!steps && !!form && (steps.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(stepsBeforeForm).toBe(true);
    await options.getByRole('heading', { name: 'First, register the app in Entra ID' }).waitFor();
    await options.getByLabel('Application (client) ID').fill('not-a-guid');
    await options.getByLabel('Directory (tenant) ID').fill('contoso');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('a GUID like', { exact: false }).waitFor();
    await options.getByText('verified domain such as', { exact: false }).first().waitFor();
    expect(await options.getByLabel('Application (client) ID').getAttribute('aria-invalid')).toBe('true');

    const redirectUri = `https://${h.extensionId}.chromiumapp.org/`;
    expect(await options.locator('#redirectUri').innerText()).toBe(redirectUri);
    await options.getByRole('button', { name: 'Copy redirect URI' }).click();
    expect(await options.evaluate(() => navigator.clipboard.readText())).toBe(redirectUri);

    await options.getByLabel('Application (client) ID').fill(CLIENT_ID);
    await options.getByLabel('Directory (tenant) ID').fill(cloud.tenant.id);
    await options.getByLabel('Cloud').selectOption('global');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();
  });

  it('a closed sign-in window leaves nothing stuck: the next sign-in works', async () => {
    cloud.idp.interactive = true;
    const popup = await h.page('popup.html');
    const signInWindow = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in' }).first().click();
    await (await signInWindow).close();
    await popup.getByText('The sign-in window closed before signing in finished.').waitFor();

    cloud.idp.interactive = false;
    await popup.getByRole('button', { name: 'Sign in' }).first().click();
    await popup.getByText(cloud.tenant.admin.upn).waitFor();
    expect(cloud.tokenRequests().map((t) => t.grantType)).toEqual(['authorization_code']);
    await popup.close();
  });

  it('a revoked session says "sign in again" and recovers after signing in', async () => {
    const app = appByKey(cloud.tenant, 'scim-healthy');
    cloud.idp.revokeRefreshTokens();
    cloud.idp.expireAccessTokens();
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText('Your session has expired: sign in again').first().waitFor();
    expect(cloud.tokenRequests().at(-1)).toMatchObject({ grantType: 'refresh_token', status: 400 });

    await overlay(page).getByRole('button', { name: 'Sign in' }).click();
    await overlay(page).getByText('Active', { exact: true }).first().waitFor();
    await page.close();
  });

  it('shows times in UTC when the settings ask for it, in the overlay and the popup', async () => {
    const app = appByKey(cloud.tenant, 'scim-healthy');
    const options = await h.page('options.html');
    await options.getByLabel('Times').selectOption('utc');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByText('times in UTC', { exact: false }).waitFor();
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText('times in UTC', { exact: false }).waitFor();

    await options.getByLabel('Times').selectOption('local');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await page.reload();
    await overlay(page).getByText('Active', { exact: true }).first().waitFor();
    expect(await overlay(page).getByText('times in UTC', { exact: false }).count()).toBe(0);
    await Promise.all([options.close(), page.close(), popup.close()]);
  });
});
