import { describe, expect, it } from 'vitest';
import { aadstsOf, adminConsentUrl, authorizeErrorOf, explainSignInFailure, type SignInContext } from '@/lib/auth/sign-in-errors';
import type { AuthFailure } from '@/lib/auth/types';

const CTX: SignInContext = {
  clientId: '11111111-2222-4333-8444-555555555555',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  redirectUri: 'https://mofanfafdanblddiihokhplkbibmpdnm.chromiumapp.org/',
};
const failed = (code: string, text = 'Entra said so.'): AuthFailure => ({ ok: false, reason: 'failed', errorCode: 'invalid_request', description: `AADSTS${code}: ${text}` });

describe('sign-in errors in plain words', () => {
  it.each([
    ['50011', 'The redirect URI is not registered for this app.', `add exactly ${CTX.redirectUri}`],
    ['9002326', 'The redirect URI is registered under the wrong platform.', 'under "Single-page application"'],
    ['7000218', 'The redirect URI is registered under the wrong platform.', 'under "Single-page application"'],
    ['700016', 'Entra does not know this Application (client) ID in that tenant.', 'Application (client) ID and the Directory (tenant) ID'],
    ['65001', 'The app registration needs consent for the permissions it asks for.', adminConsentUrl(CTX)],
    ['90094', 'The app registration needs consent for the permissions it asks for.', '/adminconsent?client_id='],
    ['90095', 'The app registration needs consent for the permissions it asks for.', 'Grant admin consent'],
    ['65004', 'The permission request was declined.', 'ask an admin'],
    ['50020', 'That account is not in the tenant of this app registration.', 'Directory (tenant) ID'],
    ['50194', 'That account is not in the tenant of this app registration.', 'account of that tenant'],
    ['50076', 'Your organization requires multifactor authentication for this sign-in.', 'Select Sign in'],
    ['50079', 'Your organization requires you to register for multifactor authentication.', 'Select Sign in'],
    ['53003', 'Conditional Access blocks sign-in from this browser or device.', "sign-in logs"],
    ['530003', 'Conditional Access blocks sign-in from this browser or device.', 'compliant device'],
    ['700084', 'Your sign-in for this extension expired (they last 24 hours).', 'Select Sign in'],
  ])('AADSTS%s: "%s"', (code, title, action) => {
    const error = explainSignInFailure(failed(code), CTX);
    expect(error).toMatchObject({ kind: 'auth', title, code: `AADSTS${code}`, detail: `AADSTS${code}: Entra said so.` });
    expect(error.action).toContain(action);
  });

  it("any other code: its number, Entra's text as detail, and Entra's page about it in the admin's cloud", () => {
    expect(explainSignInFailure(failed('7000215', '<b>Invalid client secret</b>'), { ...CTX, cloud: 'usgov' })).toEqual({
      kind: 'auth',
      title: 'Sign-in failed (AADSTS7000215).',
      action: 'Entra explains this code at https://login.microsoftonline.us/error?code=7000215. Check the app registration and the settings, then sign in again.',
      code: 'AADSTS7000215',
      detail: 'AADSTS7000215: <b>Invalid client secret</b>',
    });
  });

  it('a closed window: a cancel, or one of the two set-up errors Entra shows on its own page — and how to tell', () => {
    const error = explainSignInFailure({ ok: false, reason: 'cancelled', description: 'The user did not approve access.' }, CTX);
    expect(error.title).toBe('The sign-in window closed before signing in finished.');
    expect(error.action).toContain('AADSTS50011');
    expect(error.action).toContain(CTX.redirectUri);
    expect(error.action).toContain('AADSTS700016');
  });

  it.each([
    [{ aadsts: '53003' }, '53003'],
    [{ errorCode: 'access_denied', description: 'AADSTS65004: User declined.' }, '65004'],
    [{ errorCode: 'AADSTS50076' }, '50076'],
    [{ aadsts: 'x<script>' , description: 'no number' }, undefined],
    [{}, undefined],
  ])('finds the AADSTS number in %j', (failure, code) => {
    expect(aadstsOf(failure)).toBe(code);
  });

  it.each([
    ['https://x.chromiumapp.org/#error=access_denied&error_description=AADSTS53003%3A+Blocked&error_codes=%5B53003%5D', { errorCode: 'access_denied', description: 'AADSTS53003: Blocked', aadsts: '53003' }],
    ['https://x.chromiumapp.org/?error=interaction_required&error_description=AADSTS50076%3A+MFA', { errorCode: 'interaction_required', description: 'AADSTS50076: MFA', aadsts: '50076' }],
    ['https://x.chromiumapp.org/#code=abc&state=s', null],
    ['not a url', null],
  ])('reads the error a sign-in window ended on: %s', (url, expected) => {
    expect(authorizeErrorOf(url)).toEqual(expected);
  });

  it('the admin-consent link is per cloud and escapes what it carries', () => {
    expect(adminConsentUrl({ ...CTX, cloud: 'china', tenant: 'a/b?c' })).toBe(
      `https://login.partner.microsoftonline.cn/a%2Fb%3Fc/adminconsent?client_id=${CTX.clientId}`,
    );
  });
});
