import { describe, expect, it, vi } from 'vitest';
import { accountView, tenantDomainOf } from '@/lib/account-view';
import type { AuthBroker } from '@/lib/auth/broker';
import { authState, type BackgroundDeps } from '@/lib/background-handlers';
import type { LookupService } from '@/lib/lookup-service';
import type { AuthState } from '@/lib/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const TENANT_ID = '0efcc5ce-d806-4c95-8b16-a4a486432729';
const account = { username: 'adele.vance@contoso.onmicrosoft.com', name: 'Adele Vance', tenantId: TENANT_ID };
const signedIn = (extra: Partial<AuthState> = {}): AuthState => ({ configured: true, cloud: 'global', account, ...extra });

describe('tenantDomainOf', () => {
  it.each([
    ['Contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
    [' fabrikam.com ', 'fabrikam.com'],
    [TENANT_ID, undefined],
    [TENANT_ID.toUpperCase(), undefined],
    ['organizations', undefined],
    ['Common', undefined],
    ['', undefined],
  ])('%j → %j', (configured, domain) => {
    expect(tenantDomainOf(configured)).toBe(domain);
  });
});

describe('accountView', () => {
  it('names the account in full and the tenant by its id when no domain is known', () => {
    expect(accountView(signedIn())).toEqual({
      account: 'adele.vance@contoso.onmicrosoft.com',
      accountTitle: 'Signed in as Adele Vance (adele.vance@contoso.onmicrosoft.com)',
      tenant: TENANT_ID,
      tenantTitle: `Tenant ${TENANT_ID}`,
    });
  });

  it('names the tenant by its domain, with the id on hover', () => {
    expect(accountView(signedIn({ tenantDomain: 'contoso.onmicrosoft.com' }))).toMatchObject({
      tenant: 'contoso.onmicrosoft.com',
      tenantTitle: `Tenant contoso.onmicrosoft.com (ID ${TENANT_ID})`,
    });
  });

  it('leaves the tenant out when the account carries none, and the name out when it is the username', () => {
    const view = accountView(signedIn({ account: { username: 'a@b.example', name: 'a@b.example' } }));
    expect(view).toEqual({ account: 'a@b.example', accountTitle: 'Signed in as a@b.example' });
  });

  it.each([
    ['no state yet', null],
    ['signed out', signedIn({ account: null })],
    ['a session that needs a new sign-in', signedIn({ needsSignIn: true })],
  ])('is null for %s', (_name, auth) => {
    expect(accountView(auth)).toBeNull();
  });
});

describe('authState', () => {
  function deps(settings: Partial<Settings>, tokenWorks = true): BackgroundDeps {
    const auth: Partial<AuthBroker> = {
      account: vi.fn(async () => account),
      token: vi.fn(async () => (tokenWorks ? 'at' : Promise.reject(new Error('no')))),
    };
    return {
      auth: auth as AuthBroker,
      lookup: {} as LookupService,
      getSettings: async () => ({ ...DEFAULT_SETTINGS, clientId: '11111111-2222-4333-8444-555555555555', ...settings }),
      redirectUri: 'https://x.chromiumapp.org/',
      extensionId: 'x',
      extensionOrigin: 'chrome-extension://x',
      openSettings: async () => {},
    };
  }

  it('tells the tenant domain when the settings name the tenant by one', async () => {
    expect(await authState(deps({ tenant: 'Contoso.onmicrosoft.com' }))).toEqual({
      configured: true, cloud: 'global', account, needsSignIn: false, tenantDomain: 'contoso.onmicrosoft.com',
    });
  });

  it('carries no tenant domain for a tenant id or "organizations" (the account has the id)', async () => {
    for (const tenant of [TENANT_ID, 'organizations']) {
      const state = await authState(deps({ tenant }));
      expect(state).not.toHaveProperty('tenantDomain');
      expect(state.account?.tenantId).toBe(TENANT_ID);
    }
  });

  it('carries names and ids only: nothing that looks like a token', async () => {
    const state = await authState(deps({ tenant: 'contoso.onmicrosoft.com' }));
    expect(JSON.stringify(state)).not.toMatch(/"at"|token/i);
  });

  it('answers from the session the worker knows without asking MSAL, the same state as MSAL would give', async () => {
    const viaMsal = await authState(deps({ tenant: 'Contoso.onmicrosoft.com' }));
    const d = deps({ tenant: 'Contoso.onmicrosoft.com' });
    d.auth.knownSession = vi.fn(() => account);
    expect(await authState(d)).toEqual(viaMsal);
    expect(d.auth.account).not.toHaveBeenCalled();
    expect(d.auth.token).not.toHaveBeenCalled();
    // The scopes every lookup's token is asked for: the kept token they share is the proof.
    const viaToken = deps({ tenant: 'Contoso.onmicrosoft.com' });
    await authState(viaToken);
    expect(d.auth.knownSession).toHaveBeenCalledWith(expect.objectContaining({ tenant: 'Contoso.onmicrosoft.com' }), vi.mocked(viaToken.auth.token).mock.calls[0]![1]);
  });

  it('asks MSAL when the worker knows no session (a refused token shows "sign in again")', async () => {
    const d = deps({ tenant: TENANT_ID }, false);
    d.auth.knownSession = vi.fn(() => null);
    expect(await authState(d)).toMatchObject({ account, needsSignIn: true });
    expect(d.auth.account).toHaveBeenCalled();
  });
});
