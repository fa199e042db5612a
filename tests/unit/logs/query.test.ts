import { describe, expect, it, vi } from 'vitest';
import { InvalidIdError } from '@/lib/graph-paths';
import { createGraphClient } from '@/lib/graph-client';
import { fetchFailureRecords, isSameEndpoint, type LogPage } from '@/lib/logs/fetch-records';
import { failuresFilter, failuresPath, odataString, sinceIso } from '@/lib/logs/query';
import type { GraphResult } from '@/lib/graph-client';

const JOB = 'scim.5f4eb598671f406688307ec82393defd.e3f2184f-6b8c-4d2d-a5b1-2f1d6a9f0c11';
const SINCE = '2026-11-25T06:00:00Z';
const BASE = 'https://graph.microsoft.com/v1.0';

describe('failures query', () => {
  it('builds the documented job-specific failure query, percent-encoded', () => {
    expect(failuresFilter(JOB, SINCE, 'full')).toBe(`jobId eq '${JOB}' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt ${SINCE}`);
    const path = failuresPath(JOB, SINCE, 'full');
    expect(path.startsWith('/auditLogs/provisioning?$filter=jobId%20eq%20')).toBe(true);
    const params = new URL(`https://x${path}`).searchParams;
    expect(params.get('$filter')).toBe(failuresFilter(JOB, SINCE, 'full'));
    expect(params.get('$orderby')).toBe('activityDateTime desc');
    expect(params.get('$top')).toBe('1000');
    expect(path).not.toContain('+');
  });

  it('has simpler forms for a 400', () => {
    expect(failuresFilter(JOB, SINCE, 'jobAndStatus')).toBe(`jobId eq '${JOB}' and provisioningStatusInfo/status eq 'failure'`);
    expect(failuresFilter(JOB, SINCE, 'job')).toBe(`jobId eq '${JOB}'`);
    expect(failuresPath(JOB, SINCE, 'job')).not.toContain('orderby');
    expect(failuresPath(JOB, SINCE, 'job')).toContain('$top=500');
  });

  it('refuses anything that is not a job id, and doubles quotes as a second lock', () => {
    for (const bad of ["x' or 1 eq 1", 'a b', '', '../x', 'x&$top=1'])
      expect(() => failuresFilter(bad, SINCE, 'full')).toThrow(InvalidIdError);
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });

  it('looks 7 days back, in whole seconds', () => {
    expect(sinceIso(Date.parse('2026-12-02T06:00:00.123Z'))).toBe('2026-11-25T06:00:00Z');
  });
});

const page = (value: unknown[], nextLink?: string): GraphResult<LogPage> => ({ ok: true, data: { value, ...(nextLink ? { nextLink } : {}) }, clientRequestId: 'c', attempts: 1 });
const failure = (status: number): GraphResult<LogPage> => ({ ok: false, error: { kind: 'http', status, clientRequestId: 'c', attempts: 1 } });
const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));

describe('fetchFailureRecords', () => {
  it('follows nextLink on the same endpoint, at most 3 pages', async () => {
    const get = vi.fn(async (url: string) => page(records(100), `${BASE}/auditLogs/provisioning?$skiptoken=${get.mock.calls.length}`));
    const result = await fetchFailureRecords(get, BASE, JOB, SINCE);
    expect(get).toHaveBeenCalledTimes(3);
    expect(result.ok && result.data).toMatchObject({ pages: 3, truncated: true, form: 'full' });
    expect(result.ok && result.data.records).toHaveLength(300);
  });

  it('stops at 1,000 records', async () => {
    const get = vi.fn(async () => page(records(600), `${BASE}/auditLogs/provisioning?$skiptoken=x`));
    const result = await fetchFailureRecords(get, BASE, JOB, SINCE);
    expect(get).toHaveBeenCalledTimes(2);
    expect(result.ok && result.data.records).toHaveLength(1000);
    expect(result.ok && result.data.truncated).toBe(true);
  });

  it('never follows a nextLink to another host or endpoint', async () => {
    for (const link of ['https://evil.example/v1.0/auditLogs/provisioning?x', `${BASE}/me/messages`, 'http://graph.microsoft.com/v1.0/auditLogs/provisioning', 'https://user:pw@graph.microsoft.com/v1.0/auditLogs/provisioning', 'not a url'])
      expect(isSameEndpoint(link, BASE)).toBe(false);
    const get = vi.fn(async () => page(records(2), 'https://evil.example/v1.0/auditLogs/provisioning?$skiptoken=1'));
    const result = await fetchFailureRecords(get, BASE, JOB, SINCE);
    expect(get).toHaveBeenCalledTimes(1);
    expect(result.ok && result.data).toMatchObject({ pages: 1, truncated: true });
  });

  it('steps down to a simpler filter form on 400, and no further than the simplest', async () => {
    const urls: string[] = [];
    const get = vi.fn(async (url: string) => (urls.push(url), urls.length < 3 ? failure(400) : page(records(1))));
    const result = await fetchFailureRecords(get, BASE, JOB, SINCE);
    expect(result.ok && result.data.form).toBe('job');
    expect(urls.map((u) => new URL(u).searchParams.get('$filter'))).toEqual([failuresFilter(JOB, SINCE, 'full'), failuresFilter(JOB, SINCE, 'jobAndStatus'), failuresFilter(JOB, SINCE, 'job')]);
    const always400 = vi.fn(async () => failure(400));
    expect((await fetchFailureRecords(always400, BASE, JOB, SINCE)).ok).toBe(false);
    expect(always400).toHaveBeenCalledTimes(3);
  });

  it('keeps the first pages when a later one fails; passes a first-page failure on', async () => {
    const get = vi.fn(async () => (get.mock.calls.length === 1 ? page(records(5), `${BASE}/auditLogs/provisioning?$skiptoken=1`) : failure(429)));
    const result = await fetchFailureRecords(get, BASE, JOB, SINCE);
    expect(result.ok && result.data).toMatchObject({ pages: 1, truncated: true });
    const forbidden = await fetchFailureRecords(async () => failure(403), BASE, JOB, SINCE);
    expect(forbidden.ok).toBe(false);
  });
});

describe('graph client: listProvisioningFailures', () => {
  it('asks for the two logs scopes, honours Retry-After once, and rejects a bad job id before any request', async () => {
    const scopes: (readonly string[])[] = [];
    const waits: number[] = [];
    const replies = [
      new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }),
      new Response(JSON.stringify({ value: [{ id: 1 }] }), { status: 200, headers: { 'request-id': 'r-2' } }),
    ];
    const fetch = vi.fn(async () => replies.shift()!);
    const graph = createGraphClient({ cloud: 'global', getToken: async (s) => (scopes.push(s), 'token'), fetch: fetch as unknown as typeof globalThis.fetch, sleep: async (ms) => void waits.push(ms) });
    const result = await graph.listProvisioningFailures(JOB, SINCE);
    expect(result.ok && result.data.records).toEqual([{ id: 1 }]);
    expect(result.ok && result.requestId).toBe('r-2');
    expect(scopes[0]).toEqual(['AuditLog.Read.All', 'Directory.Read.All']);
    expect(waits).toEqual([2000]);
    expect(fetch).toHaveBeenCalledTimes(2);
    await expect(graph.listProvisioningFailures("x' or 1 eq 1", SINCE)).rejects.toThrow(InvalidIdError);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
