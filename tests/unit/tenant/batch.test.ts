import { describe, expect, it } from 'vitest';
import { createGraphClient, type BatchRequest, type GraphResult } from '@/lib/graph-client';
import { fetchJobsBatch, innerRetryAfterMs } from '@/lib/tenant/batch';
import { servicePrincipalsNextLink } from '@/lib/graph-paths';

const sp = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const JOB = { id: 'scim.1', templateId: 'scim', status: { code: 'Active' } };

type Inner = { status: number; headers?: Record<string, string | undefined>; body?: unknown } | 'omit' | 'malformed';

/**
 * A fake $batch: answers each inner request from `script(spId, attempt)` and returns the responses
 * reversed (Graph answers in any order). Records every batch it was sent.
 */
function fakeBatch(script: (spId: string, attempt: number) => Inner) {
  const sent: BatchRequest[][] = [];
  const attempts = new Map<string, number>();
  const send = async (requests: readonly BatchRequest[]): Promise<GraphResult<unknown[]>> => {
    sent.push([...requests]);
    const responses = requests.flatMap((r) => {
      const spId = /servicePrincipals\/([^/]+)\//.exec(r.url)![1]!;
      const attempt = (attempts.get(spId) ?? 0) + 1;
      attempts.set(spId, attempt);
      const inner = script(spId, attempt);
      if (inner === 'omit') return [];
      if (inner === 'malformed') return [{ id: r.id, status: 200, body: '<html>not json</html>' }];
      return [{ id: r.id, ...inner }];
    });
    return { ok: true, data: responses.reverse(), clientRequestId: 'c', attempts: 1 };
  };
  return { send, sent };
}

const ok = (jobs: unknown[] = []) => ({ status: 200, body: { value: jobs } });

describe('fetchJobsBatch', () => {
  it('matches inner responses by id whatever their order', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => sp(i));
    const { send, sent } = fakeBatch((id) => (id === sp(3) ? ok([JOB]) : ok()));
    const report = await fetchJobsBatch(ids, send, { sleep: async () => {} });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((r) => r.url)).toEqual(ids.map((id) => `/servicePrincipals/${id}/synchronization/jobs`));
    expect(new Set(sent[0]!.map((r) => r.id)).size).toBe(20);
    expect(report.outcomes.get(sp(3))).toEqual({ ok: true, jobs: [JOB] });
    expect([...report.outcomes.keys()]).toEqual(ids);
    expect([...report.outcomes.values()].filter((o) => o.ok && o.jobs.length === 0)).toHaveLength(19);
  });

  it('retries only the throttled inner requests, after the longest fractional Retry-After', async () => {
    const sleeps: number[] = [];
    const { send, sent } = fakeBatch((id, attempt): Inner =>
      id === sp(1) && attempt === 1 ? { status: 429, headers: { 'Retry-After': '2.128' } }
        : id === sp(2) && attempt === 1 ? { status: 429, headers: { 'retry-after': '0.5' } } : ok([JOB]));
    const report = await fetchJobsBatch([sp(0), sp(1), sp(2), sp(3)], send, { sleep: async (ms) => void sleeps.push(ms) });
    expect(sleeps).toEqual([2128]);
    expect(sent.map((b) => b.length)).toEqual([4, 2]);
    expect(sent[1]!.map((r) => r.url)).toEqual([sp(1), sp(2)].map((id) => `/servicePrincipals/${id}/synchronization/jobs`));
    expect(report.throttled).toBe(2);
    expect(report.requests).toBe(2);
    expect([...report.outcomes.values()].every((o) => o.ok)).toBe(true);
  });

  it('deferThrottled: hands throttled apps back with their Retry-After instead of waiting', async () => {
    const sleeps: number[] = [];
    const { send, sent } = fakeBatch((id): Inner => (id === sp(1) ? { status: 429, headers: { 'Retry-After': '1.5' } } : ok()));
    const report = await fetchJobsBatch([sp(0), sp(1)], send, { sleep: async (ms) => void sleeps.push(ms), deferThrottled: true });
    expect(sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(report.outcomes.get(sp(1))).toMatchObject({ ok: false, status: 429, retryAfterMs: 1500 });
    expect(report.throttled).toBe(1);
  });

  it('records inner 401, 403 and 404 per app and goes on', async () => {
    const errors: Record<string, Inner> = {
      [sp(1)]: { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'no' } } },
      [sp(2)]: { status: 403, body: { error: { code: 'Authorization_RequestDenied' } } },
      [sp(3)]: { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } },
    };
    const { send, sent } = fakeBatch((id) => errors[id] ?? ok([JOB]));
    const report = await fetchJobsBatch([sp(0), sp(1), sp(2), sp(3)], send, { sleep: async () => {} });
    expect(sent).toHaveLength(1);
    expect(report.outcomes.get(sp(0))).toMatchObject({ ok: true });
    expect(report.outcomes.get(sp(1))).toEqual({ ok: false, status: 401, code: 'InvalidAuthenticationToken', message: 'no' });
    expect(report.outcomes.get(sp(2))).toMatchObject({ ok: false, status: 403 });
    expect(report.outcomes.get(sp(3))).toMatchObject({ ok: false, status: 404, code: 'Request_ResourceNotFound' });
  });

  it('tolerates malformed inner bodies and responses without a status', async () => {
    const { send } = fakeBatch((id, attempt) => (id === sp(1) ? 'malformed' : id === sp(2) && attempt === 1 ? { status: NaN as unknown as number } : ok()));
    const sleeps: number[] = [];
    const report = await fetchJobsBatch([sp(0), sp(1), sp(2)], send, { sleep: async (ms) => void sleeps.push(ms) });
    expect(report.outcomes.get(sp(1))).toMatchObject({ ok: false, status: 200, code: 'invalidResponse' });
    expect(report.outcomes.get(sp(2))).toEqual({ ok: true, jobs: [] });
    expect(sleeps).toEqual([1000]);
  });

  it('asks again for an inner response Graph left out, after a wait, a bounded number of times', async () => {
    const sleeps: number[] = [];
    const { send, sent } = fakeBatch((id) => (id === sp(1) ? 'omit' : ok()));
    const report = await fetchJobsBatch([sp(0), sp(1)], send, { sleep: async (ms) => void sleeps.push(ms), maxInnerRetries: 2 });
    expect(sent.map((b) => b.length)).toEqual([2, 1, 1]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(report.outcomes.get(sp(1))).toMatchObject({ ok: false, status: 429 });
  });

  it('gives up on an app that stays throttled, and never waits out an absurd Retry-After', async () => {
    const sleeps: number[] = [];
    const { send, sent } = fakeBatch((id) => (id === sp(1) ? { status: 429, headers: { 'Retry-After': '1' } } : id === sp(2) ? { status: 429, headers: { 'Retry-After': '86400' } } : ok()));
    const report = await fetchJobsBatch([sp(0), sp(1), sp(2)], send, { sleep: async (ms) => void sleeps.push(ms), maxInnerRetries: 3 });
    expect(sent.map((b) => b.length)).toEqual([3, 1, 1, 1]);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(report.outcomes.get(sp(1))).toMatchObject({ ok: false, status: 429 });
    expect(report.outcomes.get(sp(2))).toMatchObject({ ok: false, status: 429 });
  });

  it('retries a failed batch with backoff a bounded number of times, then records every app', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const send = async (): Promise<GraphResult<unknown[]>> => {
      calls += 1;
      return { ok: false, error: { kind: 'network', message: 'offline', clientRequestId: 'c', attempts: 1 } };
    };
    const report = await fetchJobsBatch([sp(0), sp(1)], send, { sleep: async (ms) => void sleeps.push(ms), maxBatchRetries: 3 });
    expect(calls).toBe(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(report.outcomes.get(sp(0))).toMatchObject({ ok: false, code: 'network' });
  });

  it('never sends a path built from a value that is not a GUID, and refuses more than 20', async () => {
    const { send, sent } = fakeBatch(() => ok());
    const report = await fetchJobsBatch(['../me', sp(1)], send, { sleep: async () => {} });
    expect(sent[0]!.map((r) => r.url)).toEqual([`/servicePrincipals/${sp(1)}/synchronization/jobs`]);
    expect(report.outcomes.get('../me')).toMatchObject({ ok: false, status: 400 });
    await expect(fetchJobsBatch(Array.from({ length: 21 }, (_, i) => sp(i)), send)).rejects.toThrow(RangeError);
  });

  it('reads Retry-After in any case, fractional, and backs off when it is missing', () => {
    expect(innerRetryAfterMs({ 'Retry-After': '2.128' }, 0)).toBe(2128);
    expect(innerRetryAfterMs({ 'retry-after': '1' }, 0)).toBe(1000);
    expect(innerRetryAfterMs({}, 2)).toBe(4000);
    expect(innerRetryAfterMs({ 'Retry-After': 'soon' }, 0)).toBe(1000);
  });
});

describe('Graph client: batch and service principal list', () => {
  it('POSTs the batch as JSON to /v1.0/$batch and follows a nextLink only on the same host and path', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const body = url.endsWith('$batch') ? { responses: [] } : { value: [{ id: sp(1) }], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=abc' };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const graph = createGraphClient({ cloud: 'global', getToken: async () => 't', fetch });
    expect(await graph.batch([{ id: '1', method: 'GET', url: '/x' }])).toMatchObject({ ok: true, data: [] });
    expect(calls[0]!.url).toBe('https://graph.microsoft.com/v1.0/$batch');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ requests: [{ id: '1', method: 'GET', url: '/x' }] });
    const first = await graph.listServicePrincipals();
    expect(calls[1]!.url).toBe('https://graph.microsoft.com/v1.0/servicePrincipals?$select=id,appId,displayName,applicationTemplateId,servicePrincipalType&$top=999');
    expect(calls[1]!.url).not.toContain('keyCredentials');
    expect(first).toMatchObject({ ok: true, data: { nextLink: 'https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=abc' } });
    await graph.listServicePrincipals('https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=abc');
    expect(calls[2]!.url).toBe('https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=abc');
    expect(await graph.listServicePrincipals('https://evil.example/v1.0/servicePrincipals?$skiptoken=abc')).toMatchObject({ ok: false });
    expect(calls).toHaveLength(3);
  });

  it('servicePrincipalsNextLink keeps host, version and collection', () => {
    const base = 'https://graph.microsoft.com/v1.0';
    expect(servicePrincipalsNextLink('https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x', base)).toBe('/servicePrincipals?$skiptoken=x');
    expect(servicePrincipalsNextLink('https://graph.microsoft.com/beta/servicePrincipals?$skiptoken=x', base)).toBeNull();
    expect(servicePrincipalsNextLink('https://graph.microsoft.com/v1.0/users?$skiptoken=x', base)).toBeNull();
    expect(servicePrincipalsNextLink('http://graph.microsoft.com/v1.0/servicePrincipals', base)).toBeNull();
    expect(servicePrincipalsNextLink('https://user@graph.microsoft.com/v1.0/servicePrincipals', base)).toBeNull();
    expect(servicePrincipalsNextLink('not a url', base)).toBeNull();
  });
});
