import { describe, expect, it } from 'vitest';
import { applyPrefill, prefillOf, prefillQuery, sanitizePrefill } from '@/lib/setup/prefill';
import { parsePortalUrl } from '@/lib/portal-url';
import { DEFAULT_SETTINGS } from '@/lib/settings';

describe('the options page prefilled from a portal tab', () => {
  it.each([
    ['https://portal.azure.com/#@contoso.onmicrosoft.com/view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/objectId/35aa7736-b3e5-439c-9e24-d3cb861fed45', '?tenant=contoso.onmicrosoft.com&cloud=global'],
    ['https://portal.azure.us/#@fabrikam.onmicrosoft.us/view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/objectId/35aa7736-b3e5-439c-9e24-d3cb861fed45', '?tenant=fabrikam.onmicrosoft.us&cloud=usgov'],
    ['https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/objectId/35aa7736-b3e5-439c-9e24-d3cb861fed45', '?cloud=global'],
  ])('%s → options.html%s', (url, query) => {
    const page = parsePortalUrl(url)!;
    expect(prefillQuery({ tenant: page.tenant ?? undefined, cloud: page.cloud })).toBe(query);
    expect(prefillOf(query)).toEqual(sanitizePrefill({ tenant: page.tenant, cloud: page.cloud }));
  });

  it.each([
    [{ tenant: 'evil"><script>', cloud: 'mars' }, {}],
    [{ tenant: 'organizations' }, {}],
    [{ tenant: '0EFCC5CE-D806-4C95-8B16-A4A486432729', cloud: 'china' }, { tenant: '0EFCC5CE-D806-4C95-8B16-A4A486432729', cloud: 'china' }],
    [null, {}],
  ])('keeps only a real tenant and cloud: %j', (raw, clean) => {
    expect(sanitizePrefill(raw)).toEqual(clean);
  });

  it('fills only what is not set yet, never a saved choice', () => {
    expect(applyPrefill(DEFAULT_SETTINGS, { tenant: 'contoso.onmicrosoft.com', cloud: 'usgov' })).toEqual({ ...DEFAULT_SETTINGS, tenant: 'contoso.onmicrosoft.com', cloud: 'usgov' });
    const saved = { ...DEFAULT_SETTINGS, clientId: '11111111-2222-4333-8444-555555555555', tenant: 'fabrikam.com' };
    expect(applyPrefill(saved, { tenant: 'contoso.onmicrosoft.com', cloud: 'usgov' })).toEqual(saved);
  });
});

describe('Test sign-in, per feature', () => {
  const ctx = { clientId: '11111111-2222-4333-8444-555555555555', tenant: 'contoso.onmicrosoft.com', cloud: 'global' as const, redirectUri: 'https://x.chromiumapp.org/' };
  it('ready when a silent token comes, needs consent (with the admin-consent link) when Entra asks for it, blocked with the reason otherwise', async () => {
    const { testFeatures } = await import('@/lib/setup/test-sign-in');
    const probe = async (scopes: readonly string[]) => {
      if (scopes.includes('AuditLog.Read.All')) return { ok: false as const, reason: 'signInRequired' as const, errorCode: 'consent_required' };
      if (scopes.includes('Synchronization.ReadWrite.All')) return { ok: false as const, reason: 'failed' as const, description: 'AADSTS53003: Blocked by Conditional Access.' };
      return null;
    };
    const features = await testFeatures(probe, ctx);
    expect(features.map((f) => [f.feature, f.status])).toEqual([['read', 'ready'], ['appRead', 'ready'], ['logs', 'needsConsent'], ['actions', 'blocked']]);
    expect(features[2]).toMatchObject({ consentUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=11111111-2222-4333-8444-555555555555' });
    expect(features[3]).toMatchObject({ error: { title: 'Conditional Access blocks sign-in from this browser or device.' } });
  });
});
