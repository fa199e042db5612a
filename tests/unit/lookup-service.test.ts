import { describe, expect, it, vi } from 'vitest';
import { AuthNeededError, type AuthBroker } from '@/lib/auth/broker';
import { createLookupService } from '@/lib/lookup-service';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const APP = '00000000-1111-4222-8333-444444444444';
const CONFIGURED: Settings = { ...DEFAULT_SETTINGS, clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', tenant: 'organizations' };

function setup(options: { settings?: Settings; token?: () => Promise<string>; account?: boolean; responses?: Response[] } = {}) {
  let clock = 1_000_000;
  const urls: string[] = [];
  const scopes: string[][] = [];
  const responses = options.responses ?? [];
  const fetch = vi.fn(async (url: string) => {
    urls.push(url);
    return responses.shift() ?? Response.json({ value: [{ id: 'scim.1', status: { code: 'Active' } }] }, { headers: { 'request-id': 'r1' } });
  }) as unknown as typeof globalThis.fetch;
  const auth: AuthBroker = {
    signIn: vi.fn(),
    token: vi.fn(async (_config, s, _force) => {
      scopes.push([...s]);
      return (options.token ?? (async () => 'tok'))();
    }),
    account: vi.fn(async () => (options.account ? { username: 'admin@contoso.com' } : null)),
    signOut: vi.fn(),
  };
  const service = createLookupService({
    getSettings: async () => options.settings ?? CONFIGURED,
    auth,
    redirectUri: 'https://ext.chromiumapp.org/',
    fetch,
    now: () => clock,
    sleep: async () => {},
  });
  return { service, urls, scopes, advance: (ms: number) => (clock += ms) };
}

describe('lookup service', () => {
  it('says when the extension is not set up yet, without any request', async () => {
    const { service, urls } = setup({ settings: DEFAULT_SETTINGS });
    expect(await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })).toEqual({ kind: 'notConfigured' });
    expect(urls).toEqual([]);
  });

  it('lists the jobs of a service principal in one request', async () => {
    const { service, urls } = setup();
    const answer = await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP.toUpperCase() });
    expect(answer).toMatchObject({ kind: 'jobs', servicePrincipalId: SP, jobs: [{ id: 'scim.1' }] });
    expect(urls).toEqual([`https://graph.microsoft.com/v1.0/servicePrincipals/${SP}/synchronization/jobs`]);
  });

  it('reuses an answer inside the cache window, refetches after it or when asked fresh', async () => {
    const { service, urls, advance } = setup();
    await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP });
    await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP });
    expect(urls).toHaveLength(1);
    await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP, fresh: true });
    expect(urls).toHaveLength(2);
    advance(61_000);
    await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP });
    expect(urls).toHaveLength(3);
  });

  it('folds identical requests in flight into one', async () => {
    const { service, urls } = setup();
    const answers = await Promise.all([1, 2, 3].map(() => service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })));
    expect(urls).toHaveLength(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('does not cache failures', async () => {
    const { service, urls } = setup({ responses: [Response.json({ error: { code: 'UnknownError', message: '' } }, { status: 401 })] });
    expect(await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })).toMatchObject({ kind: 'error', error: { status: 401 } });
    expect(await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })).toMatchObject({ kind: 'jobs' });
    expect(urls).toHaveLength(2);
  });

  it('resolves an application id first, asking for Application.Read.All only then', async () => {
    const { service, urls, scopes } = setup({
      responses: [Response.json({ id: SP, appId: APP, displayName: 'Contoso SCIM' })],
    });
    const answer = await service.lookupJobs({ cloud: 'global', appId: APP });
    expect(answer).toMatchObject({ kind: 'jobs', servicePrincipalId: SP, displayName: 'Contoso SCIM' });
    expect(urls[0]).toContain(`/servicePrincipals(appId='${APP}')`);
    expect(scopes).toEqual([['Application.Read.All'], ['Synchronization.Read.All']]);
  });

  it('names the app of a later lookup by service principal from what a lookup by application id learned, without a request for it', async () => {
    const { service, urls } = setup({
      responses: [Response.json({ id: SP.toUpperCase(), appId: APP, displayName: 'Contoso SCIM' })],
    });
    const before = await service.lookupJobs({ cloud: 'global', appId: APP });
    expect(before).toMatchObject({ kind: 'jobs', displayName: 'Contoso SCIM' });
    const after = await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP });
    expect(after).toMatchObject({ kind: 'jobs', servicePrincipalId: SP, displayName: 'Contoso SCIM' });
    expect(urls.filter((url) => url.includes('$select'))).toHaveLength(1);
    expect(urls).toHaveLength(3); // the name, and the jobs once per lookup: nothing asked for the name again
    service.clear();
    const cleared = await service.lookupJobs({ cloud: 'global', servicePrincipalId: SP, fresh: true });
    expect(cleared).toMatchObject({ kind: 'jobs', displayName: undefined });
  });

  it('qualifies scopes with the Graph resource outside the global cloud', async () => {
    const { service, scopes, urls } = setup({ settings: { ...CONFIGURED, cloud: 'usgovdod' } });
    await service.lookupJobs({ cloud: 'usgov', servicePrincipalId: SP });
    expect(scopes).toEqual([['https://dod-graph.microsoft.us/Synchronization.Read.All']]);
    expect(urls[0]).toMatch(/^https:\/\/dod-graph\.microsoft\.us\/v1\.0\//);
  });

  it('refuses a page of another cloud than the settings', async () => {
    const { service, urls } = setup();
    expect(await service.lookupJobs({ cloud: 'china', servicePrincipalId: SP })).toMatchObject({ kind: 'error', error: { kind: 'config' } });
    expect(urls).toEqual([]);
  });

  it.each([
    [{ servicePrincipalId: '../me' }],
    [{ servicePrincipalId: SP, jobId: 'scim/../../x' }],
    [{ appId: 'nope' }],
    [{}],
  ])('answers an invalid query %o with an input error and no request', async (ids) => {
    const { service, urls } = setup();
    expect(await service.lookupJobs({ cloud: 'global', ...ids })).toMatchObject({ kind: 'error', error: { kind: 'input' } });
    expect(urls).toEqual([]);
  });

  it('says signed out when there is no account, and expired when there is one', async () => {
    const noToken = async () => {
      throw new AuthNeededError({ ok: false, reason: 'signInRequired', errorCode: 'invalid_grant' });
    };
    expect(await setup({ token: noToken }).service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })).toEqual({ kind: 'signedOut', expired: false });
    const expired = setup({ token: noToken, account: true });
    expect(await expired.service.lookupJobs({ cloud: 'global', servicePrincipalId: SP })).toEqual({ kind: 'signedOut', expired: true });
    expect(expired.urls).toEqual([]);
  });

  it('asks for Application.Read.All at sign-in when a lookup by application id lacks it', async () => {
    const noConsent = async () => {
      throw new AuthNeededError({ ok: false, reason: 'signInRequired', errorCode: 'consent_required' });
    };
    const { service } = setup({ token: noConsent, account: true });
    expect(await service.lookupJobs({ cloud: 'global', appId: APP })).toEqual({ kind: 'signedOut', expired: true, needsAppRead: true });
  });
});
