import { describe, expect, it } from 'vitest';
import { AuthNeededError, type AuthBroker } from '@/lib/auth/broker';
import { isExtensionPage } from '@/lib/background-handlers';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { createTenantService, toScanApp } from '@/lib/tenant/service';

const sp = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const settings = { ...DEFAULT_SETTINGS, clientId: sp(99), tenant: 'contoso.onmicrosoft.com' };

function broker(tokenFails = false): AuthBroker & { scopes: string[][] } {
  const scopes: string[][] = [];
  return {
    scopes,
    signIn: async () => ({ ok: false, reason: 'cancelled' }),
    token: async (_config, asked) => {
      scopes.push([...asked]);
      if (tokenFails) throw new AuthNeededError({ ok: false, reason: 'signInRequired', errorCode: 'consent_required' });
      return 'token';
    },
    account: async () => ({ username: 'adele@contoso.onmicrosoft.com' }),
    signOut: async () => {},
  } as AuthBroker & { scopes: string[][] };
}

describe('tenant service (background)', () => {
  it('lists a page with Application.Read.All, skips managed identities, keeps only known fields', async () => {
    const auth = broker();
    const fetch = (async () => new Response(JSON.stringify({
      value: [
        { id: sp(1).toUpperCase(), appId: sp(11), displayName: 'Salesforce', applicationTemplateId: sp(21), keyCredentials: [{ key: 'secret' }] },
        { id: sp(2), appId: sp(12), displayName: 'mi', servicePrincipalType: 'ManagedIdentity' },
        { id: 'not-a-guid', displayName: 'broken' },
      ],
      '@odata.nextLink': 'https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x',
    }), { status: 200 })) as unknown as typeof globalThis.fetch;
    const service = createTenantService({ getSettings: async () => settings, auth, redirectUri: 'https://x.chromiumapp.org/', fetch });
    expect(await service.listServicePrincipals()).toEqual({
      kind: 'page', skipped: 1, next: 'https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x',
      apps: [{ id: sp(1), appId: sp(11), displayName: 'Salesforce', applicationTemplateId: sp(21) }],
    });
    expect(auth.scopes[0]).toEqual(['Application.Read.All']);
  });

  it('says the Application.Read.All consent is needed when the token cannot be had silently', async () => {
    const service = createTenantService({ getSettings: async () => settings, auth: broker(true), redirectUri: 'https://x.chromiumapp.org/' });
    expect(await service.listServicePrincipals()).toEqual({ kind: 'signedOut', expired: true, needsAppRead: true });
    expect(await service.checkJobs([sp(1)])).toEqual({ kind: 'signedOut', expired: true });
  });

  it('checks jobs through one $batch with the synchronization scope; not configured says so', async () => {
    const auth = broker();
    const bodies: unknown[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ responses: [{ id: '1', status: 200, body: { value: [{ id: 'scim.1' }] } }] }), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const service = createTenantService({ getSettings: async () => settings, auth, redirectUri: 'https://x.chromiumapp.org/', fetch, now: () => Date.parse('2026-12-01T00:00:00Z') });
    expect(await service.checkJobs([sp(1)])).toEqual({
      kind: 'checked', fetchedAt: '2026-12-01T00:00:00.000Z', requests: 1, throttled: 0,
      results: [{ servicePrincipalId: sp(1), outcome: { ok: true, jobs: [{ id: 'scim.1' }] } }],
    });
    expect(bodies).toEqual([{ requests: [{ id: '1', method: 'GET', url: `/servicePrincipals/${sp(1)}/synchronization/jobs` }] }]);
    expect(auth.scopes[0]).toEqual(['Synchronization.Read.All']);
    const unset = createTenantService({ getSettings: async () => DEFAULT_SETTINGS, auth, redirectUri: 'x' });
    expect(await unset.checkJobs([sp(1)])).toEqual({ kind: 'notConfigured' });
  });

  it('toScanApp drops anything without a GUID id', () => {
    expect(toScanApp({ id: 'x' })).toBeNull();
    expect(toScanApp(null)).toBeNull();
    expect(toScanApp({ id: sp(1), appId: 'nope', displayName: { html: 1 } })).toEqual({ id: sp(1), appId: '', displayName: '' });
  });

  it('only extension pages may scan: a portal tab\'s content script may not', () => {
    const origin = 'chrome-extension://mofanfafdanblddiihokhplkbibmpdnm';
    expect(isExtensionPage({ url: `${origin}/tenant.html` }, origin)).toBe(true);
    expect(isExtensionPage({ url: 'https://portal.azure.com/#view/x', tab: { id: 3 } }, origin)).toBe(false);
    expect(isExtensionPage({ url: `${origin}.evil.example/tenant.html` }, origin)).toBe(false);
    expect(isExtensionPage({}, origin)).toBe(false);
  });
});
