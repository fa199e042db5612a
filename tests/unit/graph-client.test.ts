import { describe, expect, it, vi } from 'vitest';
import { createGraphClient, type GraphClientOptions } from '@/lib/graph-client';
import { describeGraphFailure } from '@/lib/errors';
import { InvalidIdError, jobPath, jobsPath, servicePrincipalByAppIdPath } from '@/lib/graph-paths';

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const APP = '00000000-1111-4222-8333-444444444444';
const JOB = 'scim.5f4eb598671f406688307ec82393defd.e3f2184f-6b8c-4d2d-a5b1-2f1d6a9f0c11';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error | 'hang';

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(replies: Reply[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> });
    const reply = replies.shift() ?? { status: 500 };
    if (reply === 'hang')
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    if (reply instanceof Error) throw reply;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    return new Response(body, { status: reply.status, headers: { 'request-id': 'req-1', ...reply.headers } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function client(replies: Reply[], extra: Partial<GraphClientOptions> = {}) {
  const scripted = scriptedFetch(replies);
  const sleeps: number[] = [];
  const getToken = vi.fn(async () => 'token-abc');
  const graph = createGraphClient({
    cloud: 'global',
    getToken,
    fetch: scripted.fetch,
    sleep: async (ms) => void sleeps.push(ms),
    newClientRequestId: () => 'crid-1',
    ...extra,
  });
  return { graph, sleeps, getToken, ...scripted };
}

const graphError = (code: string, message = '') => ({
  error: { code, message, innerError: { date: '2026-11-28T10:00:00', 'request-id': 'inner-req', 'client-request-id': 'crid-1' } },
});

describe('Graph paths', () => {
  it('builds the documented paths from validated ids', () => {
    expect(jobsPath(SP.toUpperCase())).toBe(`/servicePrincipals/${SP}/synchronization/jobs`);
    expect(jobPath(SP, JOB)).toBe(`/servicePrincipals/${SP}/synchronization/jobs/${JOB}`);
    expect(servicePrincipalByAppIdPath(APP)).toBe(`/servicePrincipals(appId='${APP}')?$select=id,appId,displayName`);
  });

  it.each([
    ['../../me', () => jobsPath('../../me')],
    ['a GUID with a suffix', () => jobsPath(`${SP}/x`)],
    ['a job id with a slash', () => jobPath(SP, 'scim/../../me')],
    ['a job id with ..', () => jobPath(SP, 'scim..x')],
    ['a job id with a query', () => jobPath(SP, 'scim?$expand=x')],
    ['an app id with a quote', () => servicePrincipalByAppIdPath(`${APP}')/x`)],
  ])('refuses %s', (_, build) => {
    expect(build).toThrow(InvalidIdError);
  });
});

describe('Graph client', () => {
  it('lists jobs with the bearer token and a client-request-id, on v1.0 by default', async () => {
    const { graph, calls, getToken } = client([{ status: 200, body: { value: [{ id: JOB }] } }]);
    const result = await graph.listJobs(SP);
    expect(result).toMatchObject({ ok: true, data: [{ id: JOB }], requestId: 'req-1', clientRequestId: 'crid-1', attempts: 1 });
    expect(calls[0]!.url).toBe(`https://graph.microsoft.com/v1.0/servicePrincipals/${SP}/synchronization/jobs`);
    expect(calls[0]!.headers).toMatchObject({ Authorization: 'Bearer token-abc', 'client-request-id': 'crid-1' });
    expect(getToken).toHaveBeenCalledWith(['Synchronization.Read.All']);
  });

  it('uses the beta endpoint and the cloud of the settings', async () => {
    const { graph, calls } = client([{ status: 200, body: { id: JOB } }], { cloud: 'usgovdod', version: 'beta' });
    await graph.getJob(SP, JOB);
    expect(calls[0]!.url).toBe(`https://dod-graph.microsoft.us/beta/servicePrincipals/${SP}/synchronization/jobs/${JOB}`);
  });

  it('asks for Application.Read.All only to resolve an app id', async () => {
    const { graph, getToken } = client([{ status: 200, body: { id: SP, appId: APP, displayName: 'Box' } }]);
    expect(await graph.getServicePrincipalByAppId(APP)).toMatchObject({ ok: true, data: { id: SP } });
    expect(getToken).toHaveBeenCalledWith(['Application.Read.All']);
  });

  it('honours Retry-After (integer and fractional) on 429 and 503, then succeeds', async () => {
    const { graph, sleeps, calls } = client([
      { status: 429, headers: { 'Retry-After': '2' }, body: graphError('TooManyRequests') },
      { status: 503, headers: { 'Retry-After': '0.5' } },
      { status: 200, body: { value: [] } },
    ]);
    expect(await graph.listJobs(SP)).toMatchObject({ ok: true, attempts: 3 });
    expect(sleeps).toEqual([2000, 500]);
    expect(calls.map((c) => c.headers['client-request-id'])).toEqual(['crid-1', 'crid-1', 'crid-1']);
  });

  it('backs off exponentially without Retry-After and stops after two retries', async () => {
    const { graph, sleeps, calls } = client([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 200 }]);
    const result = await graph.listJobs(SP);
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 429, attempts: 3 } });
    expect(sleeps).toEqual([1000, 2000]);
    expect(calls).toHaveLength(3);
  });

  it('gives up at once when Retry-After is longer than it is worth waiting', async () => {
    const { graph, calls } = client([{ status: 429, headers: { 'Retry-After': '120' } }]);
    const result = await graph.listJobs(SP);
    expect(result).toMatchObject({ ok: false, error: { status: 429, retryAfterSeconds: 120, attempts: 1 } });
    expect(calls).toHaveLength(1);
    if (!result.ok) expect(describeGraphFailure(result.error).action).toContain('120 s');
  });

  it('renews a token Graph no longer accepts, once', async () => {
    const { graph, getToken, calls } = client([
      { status: 401, body: graphError('InvalidAuthenticationToken', 'Lifetime validation failed') },
      { status: 401, body: graphError('InvalidAuthenticationToken', 'Lifetime validation failed') },
    ]);
    expect(await graph.listJobs(SP)).toMatchObject({ ok: false, error: { status: 401, code: 'InvalidAuthenticationToken', attempts: 2 } });
    expect(getToken.mock.calls).toEqual([[['Synchronization.Read.All']], [['Synchronization.Read.All'], true]]);
    expect(calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 500])('does not retry %i', async (status) => {
    const { graph, calls } = client([{ status, body: graphError('Whatever') }, { status: 200, body: { value: [] } }]);
    expect(await graph.listJobs(SP)).toMatchObject({ ok: false, error: { status, code: 'Whatever' } });
    expect(calls).toHaveLength(1);
  });

  it('reads the request id from innerError when the header is missing', async () => {
    const { graph } = client([{ status: 404, body: graphError('Request_ResourceNotFound', 'gone'), headers: { 'request-id': '' } }]);
    const result = await graph.listJobs(SP);
    expect(result).toMatchObject({ ok: false, error: { code: 'Request_ResourceNotFound', message: 'gone', requestId: 'inner-req' } });
  });

  it('explains 401 UnknownError as missing consent or role, with the request ids', async () => {
    const { graph } = client([{ status: 401, body: graphError('UnknownError') }]);
    const result = await graph.listJobs(SP);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lens = describeGraphFailure(result.error);
    expect(lens.title).toMatch(/consent or a directory role/);
    expect(lens.action).toContain('Synchronization.Read.All');
    expect(lens).toMatchObject({ status: 401, code: 'UnknownError', requestId: 'req-1', clientRequestId: 'crid-1' });
  });

  it('reports a network failure and a timeout as such', async () => {
    const offline = client([new TypeError('Failed to fetch')]);
    expect(await offline.graph.listJobs(SP)).toMatchObject({ ok: false, error: { kind: 'network', attempts: 1 } });
    const slow = client(['hang'], { timeoutMs: 20 });
    expect(await slow.graph.listJobs(SP)).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it.each([
    ['malformed JSON', '{"value": ['],
    ['an HTML page', '<html><body>Proxy error</body></html>'],
    ['the wrong shape', JSON.stringify({ value: 'nope' })],
  ])('turns %s on 200 into an invalid-response failure', async (_, body) => {
    const { graph } = client([{ status: 200, body }]);
    expect(await graph.listJobs(SP)).toMatchObject({ ok: false, error: { kind: 'invalidResponse', status: 200 } });
  });

  it('refuses an invalid id before any request or token', async () => {
    const { graph, calls, getToken } = client([]);
    await expect(graph.listJobs('not-a-guid')).rejects.toThrow(InvalidIdError);
    expect(calls).toHaveLength(0);
    expect(getToken).not.toHaveBeenCalled();
  });
});
