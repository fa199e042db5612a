import { describe, expect, it } from 'vitest';
import { applyPolicy, readPolicy, sanitizePolicy } from '@/lib/policy';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const APP = '0d6c3d4e-0000-4000-8000-000000000abc';
const TENANT = '0efcc5ce-d806-4c95-8b16-a4a486432729';

describe('settings set by policy', () => {
  it('keeps each key the options page would accept, and nothing else', () => {
    expect(
      sanitizePolicy({
        clientId: APP.toUpperCase(),
        tenant: 'contoso.onmicrosoft.com',
        cloud: 'usgov',
        graphVersion: 'beta',
        allowJobActions: false,
        watchIntervalMinutes: 30,
        extra: 'ignored',
      }),
    ).toEqual({ clientId: APP, tenant: 'contoso.onmicrosoft.com', cloud: 'usgov', graphVersion: 'beta', allowJobActions: false, watchIntervalMinutes: 30 });
  });

  it.each([
    [{ clientId: 'not-a-guid' }],
    [{ tenant: 'con toso' }],
    [{ cloud: 'mars' }],
    [{ graphVersion: 'v2' }],
    [{ allowJobActions: 'true' }],
    [{ watchIntervalMinutes: 1 }],
    [{ watchIntervalMinutes: '15' }],
    [null],
    ['policy'],
  ])('drops what does not fit: %j', (raw) => {
    expect(sanitizePolicy(raw)).toEqual({});
  });

  it("wins over the local settings key by key; the rest stay the admin's", () => {
    const local = { ...DEFAULT_SETTINGS, clientId: '11111111-2222-4333-8444-555555555555', times: 'utc' as const };
    expect(applyPolicy(local, { clientId: APP, tenant: TENANT, watchIntervalMinutes: 30 })).toEqual({ ...local, clientId: APP, tenant: TENANT });
    expect(applyPolicy(local, {})).toEqual(local);
  });

  it('reads nothing, without error, where there is no policy (Firefox rejects; some browsers have no managed area)', async () => {
    expect(await readPolicy({ get: () => Promise.reject(new Error('Managed storage manifest not found')) })).toEqual({});
    expect(await readPolicy(undefined)).toEqual({});
    expect(await readPolicy({ get: async () => ({ tenant: TENANT }) })).toEqual({ tenant: TENANT });
  });
});
