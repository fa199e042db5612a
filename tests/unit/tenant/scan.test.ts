import { describe, expect, it } from 'vitest';
import { createScanController, type ScanProgress, type ScanSource } from '@/lib/tenant/scan';
import type { JobsCheck, ScanApp, ScannedApp, ServicePrincipalPage } from '@/lib/tenant/types';

const sp = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const app = (n: number): ScanApp => ({ id: sp(n), appId: sp(n + 100000), displayName: `App ${n}` });
const QUARANTINED = { id: 'scim.q', templateId: 'scim', status: { code: 'Quarantine', quarantine: { reason: 'EncounteredQuarantineException' } } };
const ACTIVE = { id: 'scim.a', templateId: 'scim', status: { code: 'Active' } };

/**
 * A tenant of `count` apps in pages of `pageSize`; every 10th app has a job (every 30th quarantined).
 */
function fakeTenant(count: number, pageSize = 50) {
  const calls = { pages: 0, batches: [] as string[][], maxInFlight: 0 };
  let inFlight = 0;
  const source: ScanSource = {
    async listServicePrincipals(cursor) {
      calls.pages += 1;
      const start = cursor ? Number(cursor) : 0;
      const apps = Array.from({ length: Math.min(pageSize, count - start) }, (_, i) => app(start + i));
      const next = start + pageSize < count ? String(start + pageSize) : undefined;
      return { kind: 'page', apps, skipped: 1, ...(next ? { next } : {}) } satisfies ServicePrincipalPage;
    },
    async checkJobs(ids) {
      inFlight += 1;
      calls.maxInFlight = Math.max(calls.maxInFlight, inFlight);
      calls.batches.push(ids);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
      return {
        kind: 'checked', fetchedAt: '2026-12-01T00:00:00.000Z', requests: 1, throttled: 0,
        results: ids.map((id) => {
          const n = Number(id.slice(-12));
          return { servicePrincipalId: id, outcome: { ok: true as const, jobs: n % 30 === 0 ? [QUARANTINED] : n % 10 === 0 ? [ACTIVE] : [] } };
        }),
      } satisfies JobsCheck;
    },
  };
  return { source, calls };
}

describe('scan controller', () => {
  it('lists every page, checks every app in batches of 20 with bounded concurrency, streams results and progress', async () => {
    const tenant = fakeTenant(245);
    const found: ScannedApp[] = [];
    const progress: ScanProgress[] = [];
    const scan = createScanController({ source: tenant.source, concurrency: 3, onApps: (apps) => found.push(...apps), onProgress: (p) => progress.push(p) });
    const end = await scan.run();
    expect(end).toMatchObject({ phase: 'done', listed: true, apps: 245, skipped: 5, checked: 245, appsWithJobs: 25, jobs: 25, quarantined: 9, pages: 5, batches: 13, failed: 0, etaMs: 0 });
    expect(tenant.calls.batches.every((b) => b.length <= 20)).toBe(true);
    expect(new Set(tenant.calls.batches.flat()).size).toBe(245);
    expect(tenant.calls.maxInFlight).toBeLessThanOrEqual(3);
    expect(found.map((a) => a.id).sort()).toEqual(Array.from({ length: 25 }, (_, i) => sp(i * 10)).sort());
    // Counts only grow, and results arrived before the end.
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.checked).toBeGreaterThanOrEqual(progress[i - 1]!.checked);
    expect(progress.some((p) => p.phase === 'running' && p.appsWithJobs > 0)).toBe(true);
  });

  it('cancel stops asking, keeps what was answered, and resume finishes without asking twice', async () => {
    const tenant = fakeTenant(400, 100);
    const found: ScannedApp[] = [];
    let cancelled = false;
    const scan2 = createScanController({
      source: tenant.source, concurrency: 2, onApps: (apps) => found.push(...apps),
      onProgress: (p) => {
        if (p.checked >= 40 && !cancelled) {
          cancelled = true;
          scan2.cancel();
        }
      },
    });
    const first = await scan2.run();
    expect(first.phase).toBe('cancelled');
    expect(first.checked).toBeGreaterThanOrEqual(40);
    expect(first.checked).toBeLessThan(400);
    const asked = tenant.calls.batches.flat().length;
    expect(first.checked).toBe(asked);
    const second = await scan2.run();
    expect(second).toMatchObject({ phase: 'done', checked: 400, apps: 400, appsWithJobs: 40 });
    const all = tenant.calls.batches.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(found.map((a) => a.id)).size).toBe(40);
  });

  it('stops for the Application.Read.All consent and goes on from the same page after it', async () => {
    const tenant = fakeTenant(60, 20);
    let consented = false;
    const source: ScanSource = {
      listServicePrincipals: (cursor) => (consented ? tenant.source.listServicePrincipals(cursor) : Promise.resolve({ kind: 'signedOut', needsAppRead: true })),
      checkJobs: (ids) => tenant.source.checkJobs(ids),
    };
    const scan = createScanController({ source });
    expect(await scan.run()).toMatchObject({ phase: 'needsSignIn', signIn: { needsAppRead: true }, checked: 0 });
    consented = true;
    expect(await scan.run()).toMatchObject({ phase: 'done', checked: 60, apps: 60 });
  });

  it('a failed batch puts its apps back in line; resume checks them', async () => {
    const tenant = fakeTenant(40, 40);
    let fail = true;
    const source: ScanSource = {
      listServicePrincipals: (c) => tenant.source.listServicePrincipals(c),
      checkJobs: (ids) => (fail ? Promise.resolve({ kind: 'error', error: { kind: 'network', title: 'offline', action: 'retry' } }) : tenant.source.checkJobs(ids)),
    };
    const scan = createScanController({ source, concurrency: 1 });
    expect(await scan.run()).toMatchObject({ phase: 'failed', checked: 0, error: { title: 'offline' } });
    fail = false;
    expect(await scan.run()).toMatchObject({ phase: 'done', checked: 40, appsWithJobs: 4 });
  });

  it('Refresh known jobs: given targets, asks no list page, only batches of those apps', async () => {
    const tenant = fakeTenant(1000);
    const targets = [0, 10, 20, 30].map(app);
    const scan = createScanController({ source: tenant.source, targets });
    expect(await scan.run()).toMatchObject({ phase: 'done', checked: 4, appsWithJobs: 4, quarantined: 2 });
    expect(tenant.calls.pages).toBe(0);
    expect(tenant.calls.batches).toEqual([targets.map((t) => t.id)]);
  });

  it('records per-app failures and counts rate and time left', async () => {
    let t = 0;
    const source: ScanSource = {
      listServicePrincipals: async () => ({ kind: 'page', apps: [app(1), app(2)], skipped: 0 }),
      checkJobs: async (ids) => {
        t += 1000;
        return { kind: 'checked', fetchedAt: '2026-12-01T00:00:00.000Z', requests: 2, throttled: 1, results: ids.map((id, i) => ({ servicePrincipalId: id, outcome: i === 0 ? { ok: false as const, status: 404, code: 'Request_ResourceNotFound' } : { ok: true as const, jobs: [] } })) };
      },
    };
    const failures: unknown[] = [];
    const scan = createScanController({ source, now: () => t, onFailures: (f) => failures.push(...f) });
    expect(await scan.run()).toMatchObject({ phase: 'done', checked: 2, failed: 1, batches: 2, throttled: 1, elapsedMs: 1000, rate: 2 });
    expect(failures).toEqual([{ servicePrincipalId: sp(1), displayName: 'App 1', status: 404, code: 'Request_ResourceNotFound' }]);
  });

  it('puts throttled apps back in line after their Retry-After, in later batches with others, a bounded number of times', async () => {
    const asked: string[][] = [];
    const times = new Map<string, number>();
    const askedAt = new Map<string, number[]>();
    const source: ScanSource = {
      listServicePrincipals: async () => ({ kind: 'page', apps: Array.from({ length: 45 }, (_, i) => app(i)), skipped: 0 }),
      checkJobs: async (ids) => {
        asked.push(ids);
        return {
          kind: 'checked', fetchedAt: '2026-12-01T00:00:00.000Z', requests: 1, throttled: 0,
          results: ids.map((id) => {
            const n = (times.get(id) ?? 0) + 1;
            times.set(id, n);
            askedAt.set(id, [...(askedAt.get(id) ?? []), Date.now()]);
            // App 3 is throttled once; app 4 always.
            const throttled = (id === sp(3) && n === 1) || id === sp(4);
            return { servicePrincipalId: id, outcome: throttled ? { ok: false as const, status: 429, retryAfterMs: 30 } : { ok: true as const, jobs: id === sp(3) ? [ACTIVE] : [] } };
          }),
        };
      },
    };
    const failures: unknown[] = [];
    const scan = createScanController({ source, concurrency: 1, onFailures: (f) => failures.push(...f) });
    const end = await scan.run();
    expect(end).toMatchObject({ phase: 'done', checked: 45, appsWithJobs: 1, failed: 1 });
    expect(times.get(sp(3))).toBe(2);
    expect(times.get(sp(4))).toBe(5);
    const waits = askedAt.get(sp(4))!.slice(1).map((t, i) => t - askedAt.get(sp(4))![i]!);
    expect(waits.every((ms) => ms >= 25)).toBe(true);
    expect(failures).toEqual([{ servicePrincipalId: sp(4), displayName: 'App 4', status: 429 }]);
  });
});
