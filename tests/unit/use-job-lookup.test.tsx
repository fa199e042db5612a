import { act, renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { lookupKey, panelOf, useJobLookup, type LookupState } from '@/components/useJobLookup';
import type { LensClient } from '@/lib/client';
import type { JobLookup, JobQuery } from '@/lib/protocol';

const SP_A = '35aa7736-b3e5-439c-9e24-d3cb861fed45';
const SP_B = '8a6f2f6e-0a53-4a53-9d0b-6d4c3b0f2a11';
const queryA: JobQuery = { cloud: 'global', servicePrincipalId: SP_A };
const queryB: JobQuery = { cloud: 'global', servicePrincipalId: SP_B };
const jobsOf = (sp: string, template: string): JobLookup => ({
  kind: 'jobs',
  servicePrincipalId: sp,
  jobs: [{ id: `${template}.1`, templateId: template, status: { code: 'Quarantine' } }],
  fetchedAt: '2026-12-02T10:00:00Z',
});
const A = jobsOf(SP_A, 'scim');
const B = jobsOf(SP_B, 'AD2AADProvisioning');

describe('what the panel shows while a lookup runs', () => {
  const keyA = lookupKey(queryA);
  const keyB = lookupKey(queryB);
  it.each<[string, LookupState, string, { shown: unknown; refreshing: boolean }]>([
    ['nothing asked yet', { status: 'idle' }, keyA, { shown: { kind: 'loading' }, refreshing: false }],
    ['the answer for this app', { status: 'done', key: keyA, lookup: A }, keyA, { shown: A, refreshing: false }],
    ['another app is asked for: skeleton, not the old job', { status: 'loading', key: keyB }, keyB, { shown: { kind: 'loading' }, refreshing: false }],
    ["the old app's answer under the new app's key (one render before the effect)", { status: 'done', key: keyA, lookup: A }, keyB, { shown: { kind: 'loading' }, refreshing: false }],
    ['a refresh of the same app keeps its job, marked refreshing', { status: 'loading', key: keyA, previous: A }, keyA, { shown: A, refreshing: true }],
    ["a refresh kept under another key is not shown", { status: 'loading', key: keyA, previous: A }, keyB, { shown: { kind: 'loading' }, refreshing: false }],
  ])('%s', (_, state, key, expected) => {
    expect(panelOf(state, key)).toEqual(expected);
  });

  it('keys differ by cloud, service principal, app and job', () => {
    const keys = new Set([
      lookupKey(queryA),
      lookupKey(queryB),
      lookupKey({ ...queryA, cloud: 'usgov' }),
      lookupKey({ ...queryA, jobId: 'scim.1' }),
      lookupKey({ cloud: 'global', appId: SP_B }),
    ]);
    expect(keys.size).toBe(5);
    expect(lookupKey(null)).toBe('');
  });
});

describe('useJobLookup', () => {
  function slowClient() {
    const pending = new Map<string, (lookup: JobLookup) => void>();
    const lookupJobs = vi.fn(
      (query: JobQuery) => new Promise<JobLookup>((resolve) => pending.set(`${query.servicePrincipalId}${query.fresh ? ':fresh' : ''}`, resolve)),
    );
    const client = { lookupJobs, getAuthState: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), openSettings: vi.fn() } as unknown as LensClient;
    return { client, answer: (key: string, lookup: JobLookup) => act(() => pending.get(key)!(lookup)) };
  }

  it("drops the first app's job the moment the page names another app, until that app's answer comes", async () => {
    const { client, answer } = slowClient();
    const { result, rerender } = renderHook(({ query }) => useJobLookup(client, query), { initialProps: { query: queryA } });
    await answer(SP_A, A);
    await waitFor(() => expect(result.current.shown).toBe(A));

    rerender({ query: queryB });
    expect(result.current.shown).toEqual({ kind: 'loading' });
    expect(result.current.refreshing).toBe(false);

    await answer(SP_B, B);
    await waitFor(() => expect(result.current.shown).toBe(B));
  });

  it('a Refresh of the same app keeps its job on screen, marked refreshing, then shows the new answer', async () => {
    const { client, answer } = slowClient();
    const { result } = renderHook(() => useJobLookup(client, queryA));
    await answer(SP_A, A);
    await waitFor(() => expect(result.current.shown).toBe(A));

    act(() => void result.current.refresh());
    await waitFor(() => expect(result.current.refreshing).toBe(true));
    expect(result.current.shown).toBe(A);

    const refreshed = jobsOf(SP_A, 'scim');
    await answer(`${SP_A}:fresh`, refreshed);
    await waitFor(() => expect(result.current.shown).toBe(refreshed));
    expect(result.current.refreshing).toBe(false);
  });

  it("a late answer for the app the admin left is never shown", async () => {
    const { client, answer } = slowClient();
    const { result, rerender } = renderHook(({ query }) => useJobLookup(client, query), { initialProps: { query: queryA } });
    rerender({ query: queryB });
    await answer(SP_A, A);
    expect(result.current.shown).toEqual({ kind: 'loading' });
    await answer(SP_B, B);
    await waitFor(() => expect(result.current.shown).toBe(B));
  });
});
