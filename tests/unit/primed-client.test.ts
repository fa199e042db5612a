import { describe, expect, it, vi } from 'vitest';
import { primedClient, type LensClient } from '@/lib/client';
import type { AuthState, JobLookup, JobQuery } from '@/lib/protocol';

const SP = '1cb5ed7d-54c1-4f07-897b-1113324c771c';
const signedIn: AuthState = { configured: true, cloud: 'global', account: { username: 'a@b.example' } };
const early: JobLookup = { kind: 'jobs', servicePrincipalId: SP, jobs: [{ id: 'early' }], fetchedAt: '2026-12-02T05:00:00Z' };
const later: JobLookup = { kind: 'jobs', servicePrincipalId: SP, jobs: [{ id: 'later' }], fetchedAt: '2026-12-02T05:00:01Z' };

function base(): LensClient {
  return {
    getAuthState: vi.fn(async () => ({ ...signedIn, account: null })),
    lookupJobs: vi.fn(async () => later),
    signIn: vi.fn(),
    signOut: vi.fn(),
    openSettings: vi.fn(),
  } as unknown as LensClient;
}

describe('primedClient (the popup asks before its first render)', () => {
  const query: JobQuery = { cloud: 'global', servicePrincipalId: SP };

  it('hands each early answer out once, then asks the background', async () => {
    const b = base();
    const c = primedClient(b, Promise.resolve(signedIn), { query, answer: Promise.resolve(early) });
    expect(await c.getAuthState()).toBe(signedIn);
    expect(await c.lookupJobs({ ...query, fresh: false })).toBe(early);
    expect(b.getAuthState).not.toHaveBeenCalled();
    expect(b.lookupJobs).not.toHaveBeenCalled();
    expect((await c.getAuthState()).account).toBeNull();
    expect(await c.lookupJobs(query)).toBe(later);
  });

  it('never gives the early answer to a Refresh or to another query', async () => {
    for (const other of [{ ...query, fresh: true }, { ...query, jobId: 'scim.x' }, { cloud: 'global' as const, servicePrincipalId: SP.replace('1', '2') }, { cloud: 'usGov' as const, servicePrincipalId: SP }]) {
      const c = primedClient(base(), undefined, { query, answer: Promise.resolve(early) });
      expect(await c.lookupJobs(other as JobQuery)).toBe(later);
      // And it is gone after the first lookup, whichever it was: a later match asks the background too.
      expect(await c.lookupJobs(query)).toBe(later);
    }
  });
});
