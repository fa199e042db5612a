/**
 * Sign-in errors in plain words, end to end: the fake IdP sends the sign-in window back with each
 * Entra error, and the popup says what it means and what to do (issue 11).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeCloud } from './harness';
import { configure, useExtension, type Harness } from './flows';

const env = useExtension(async (env) => configure(env.h, env.cloud));
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('sign-in errors, from the fake IdP to the popup', () => {
  it.each([
    ['access_denied', 53003, 'Access has been blocked by Conditional Access policies.', 'Conditional Access blocks sign-in from this browser or device.'],
    ['interaction_required', 50076, 'Due to a configuration change made by your administrator, you must use multi-factor authentication.', 'Your organization requires multifactor authentication for this sign-in.'],
    ['invalid_client', 65001, 'The user or administrator has not consented to use the application.', 'The app registration needs consent for the permissions it asks for.'],
    ['invalid_request', 50020, 'User account from identity provider does not exist in tenant.', 'That account is not in the tenant of this app registration.'],
    ['invalid_request', 90094, 'Admin consent is required for the permissions requested by this application.', 'The app registration needs consent for the permissions it asks for.'],
    ['invalid_request', 90095, 'Admin consent is required: the request was sent to an admin for approval.', 'The app registration needs consent for the permissions it asks for.'],
    ['access_denied', 65004, 'User declined to consent to access the app.', 'The permission request was declined.'],
    ['invalid_request', 50194, 'Application is not configured as a multi-tenant application.', 'That account is not in the tenant of this app registration.'],
    ['interaction_required', 50079, 'Due to a configuration change made by your administrator, you must enroll in multi-factor authentication.', 'Your organization requires you to register for multifactor authentication.'],
    ['access_denied', 530003, 'Your device is required to be managed to access this resource.', 'Conditional Access blocks sign-in from this browser or device.'],
    ['invalid_grant', 700084, 'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00.', 'Your sign-in for this extension expired (they last 24 hours).'],
    ['invalid_request', 50011, 'The redirect URI specified in the request does not match the redirect URIs configured for the application.', 'The redirect URI is not registered for this app.'],
    ['invalid_request', 9002326, 'Cross-origin token redemption is permitted only for the Single-Page Application client-type.', 'The redirect URI is registered under the wrong platform.'],
    ['invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 'The redirect URI is registered under the wrong platform.'],
    ['unauthorized_client', 700016, "Application with identifier was not found in the directory.", 'Entra does not know this Application (client) ID in that tenant.'],
    ['server_error', 7000112, 'Application is disabled.', 'Sign-in failed (AADSTS7000112).'],
  ])('Entra sends %s AADSTS%i ("%s"): the admin reads what it means', async (error, code, text, title) => {
    cloud.idp.failAuthorize = { error, code, text };
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign in' }).first().click();
    const notice = popup.getByRole('region', { name: 'Error' });
    await notice.getByText(title).waitFor();
    const shown = await notice.innerText();
    expect(shown).toContain(`AADSTS${code}`); // the code, for support
    expect(shown).toContain(text); // Entra's own words, as text
    expect(cloud.tokenRequests()).toHaveLength(0); // nothing was redeemed
    await popup.close();
  });

  it('signs in normally afterwards: a refused sign-in leaves nothing stuck', async () => {
    const popup = await h.page('popup.html');
    await popup.getByRole('button', { name: 'Sign in' }).first().click();
    await popup.getByText(cloud.tenant.admin.upn).waitFor();
    await popup.close();
  });
});
