/**
 * The Graph client and the batching layer (lib/tenant/batch.ts) against the fake cloud's own list and
 * $batch, from Node: answers shuffled, inner 429s with fractional Retry-After, 401s, 404s and
 * malformed inner bodies, and the 20-request limit, as the fake serves them to the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '@/lib/graph-client';
import { fetchJobsBatch } from '@/lib/tenant/batch';
import { addGeneratedApps, startFakeCloud, throttleShare, type FakeCloud } from './harness';

let cloud: FakeCloud;
let generated: ReturnType<typeof addGeneratedApps>;

beforeAll(async () => {
  cloud = await startFakeCloud();
  generated = addGeneratedApps(cloud.tenant, { count: 2492, withJobs: 40, quarantined: 4, managedIdentities: 7 });
});
afterAll(() => cloud?.stop());

/** fetch over the fake's Node client (it trusts the fake's CA). */
const fetchViaFake = (async (url: string, init: RequestInit = {}) => {
  const answer = await cloud.fetch(url, { method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | undefined });
  const headers = new Headers();
  for (const [key, value] of Object.entries(answer.headers)) if (typeof value === 'string') headers.set(key, value);
  return new Response(answer.text, { status: answer.status, headers });
}) as unknown as typeof fetch;

function graph() {
  const token = cloud.idp.issueTokens({ scope: 'https://graph.microsoft.com/Application.Read.All https://graph.microsoft.com/Synchronization.Read.All' }).access_token;
  return createGraphClient({ cloud: 'global', getToken: async () => token, fetch: fetchViaFake });
}

describe('batching against the fake cloud', () => {
  it('lists every service principal in pages of 999, following nextLink', async () => {
    const client = graph();
    const ids: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await client.listServicePrincipals(next);
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      pages += 1;
      ids.push(...page.data.value.map((sp) => (sp as { id: string }).id));
      next = page.data.nextLink;
    } while (next);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(2507);
    expect(new Set(ids).size).toBe(2507);
  });

  it('reads 20 apps per batch, through shuffled answers, inner 429s (fractional Retry-After), 401s, 404s and malformed bodies', async () => {
    const throttled = throttleShare({ share: 0.3, retryAfter: '0.25' });
    const broken = generated.withJobs[1]!;
    const refused = generated.withJobs[2]!;
    cloud.graph.batch.inner = (r) => (r.servicePrincipalId === broken ? 'malformed'
      : r.servicePrincipalId === refused ? { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'no' } } } : throttled(r));
    const missing = '00000000-0000-4000-8000-00000000dead';
    const ids = [...generated.withJobs.slice(0, 18), generated.managedIdentities[0]!, missing];
    const started = Date.now();
    const report = await fetchJobsBatch(ids, (requests) => graph().batch(requests));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(report.throttled).toBeGreaterThan(0);
    expect(report.outcomes.get(generated.withJobs[0]!)).toMatchObject({ ok: true, jobs: [{ templateId: 'SfSandboxOutDelta' }] });
    expect(report.outcomes.get(broken)).toMatchObject({ ok: false, status: 200, code: 'invalidResponse' });
    expect(report.outcomes.get(refused)).toMatchObject({ ok: false, status: 401, code: 'InvalidAuthenticationToken' });
    expect(report.outcomes.get(missing)).toMatchObject({ ok: false, status: 404, code: 'Request_ResourceNotFound' });
    expect(report.outcomes.get(generated.managedIdentities[0]!)).toEqual({ ok: true, jobs: [] });
    const found = [...report.outcomes.values()].filter((o) => o.ok && o.jobs.length === 1);
    expect(found).toHaveLength(16);
    const batches = cloud.graphRequests().filter((e) => e.pathname.endsWith('/$batch'));
    expect(batches[0]!.inner).toHaveLength(20);
    expect(batches.slice(1).every((b) => (b.inner?.length ?? 0) < 20)).toBe(true);
    cloud.graph.batch.inner = null;
  });

  it('the fake refuses more than 20 requests, as Graph does', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET' as const, url: `/servicePrincipals/${generated.withJobs[0]}/synchronization/jobs` }));
    const answer = await graph().batch(requests);
    expect(answer).toMatchObject({ ok: false, error: { status: 400, message: 'The number of batch requests exceeds the limit of 20.' } });
  });
});
