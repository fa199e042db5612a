import { describe, expect, it, vi } from 'vitest';
import { actionsFor, deletionThresholdOf, restartChoicesFor } from '@/lib/actions/fit';
import { ForbiddenScopeError, resetScopeOf, restartBody } from '@/lib/actions/body';
import { RESTART_SCOPES, type RestartChoice } from '@/lib/actions/types';
import { InvalidIdError, jobActionPath } from '@/lib/graph-paths';
import { createGraphClient } from '@/lib/graph-client';
import type { JobStateKey } from '@/lib/job-view';

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const JOB = 'scim.5f4eb598671f406688307ec82393defd';

describe('which actions fit which state', () => {
  it.each<[JobStateKey, string[]]>([
    ['quarantined', ['restart', 'start', 'pause']],
    ['active', ['restart', 'pause']],
    ['paused', ['restart', 'start']],
    ['notRun', ['restart']],
    ['unknown', ['restart']],
    ['notConfigured', []],
  ])('%s → %j', (state, fits) => {
    expect(actionsFor(state)).toEqual(fits);
  });

  it('offers the held deletions only for TooManyDeletes or staged deletes', () => {
    expect(restartChoicesFor({ quarantineReason: 'EncounteredQuarantineException' })).toEqual(['quarantine', 'portal']);
    expect(restartChoicesFor({})).toEqual(['quarantine', 'portal']);
    expect(restartChoicesFor({ quarantineReason: 'TooManyDeletes' })).toEqual(['quarantine', 'portal', 'forceDeletes']);
    expect(restartChoicesFor({ stagedDeletes: 3 })).toEqual(['quarantine', 'portal', 'forceDeletes']);
    expect(restartChoicesFor({ stagedDeletes: 0 })).toEqual(['quarantine', 'portal']);
  });

  it('reads the deletion threshold from the job settings, when it is a positive integer', () => {
    const job = (value: unknown) => ({ synchronizationJobSettings: [{ name: 'Other', value: '7' }, { name: 'QuarantineTooManyDeletesThreshold', value }] });
    expect(deletionThresholdOf(job('500'))).toBe(500);
    expect(deletionThresholdOf(job('-1'))).toBeNull();
    expect(deletionThresholdOf(job('<b>'))).toBeNull();
    expect(deletionThresholdOf({})).toBeNull();
    expect(deletionThresholdOf(null)).toBeNull();
  });
});

describe('the restart body', () => {
  it.each<[RestartChoice, string]>([
    ['quarantine', '{"criteria":{"resetScope":"QuarantineState"}}'],
    ['portal', '{"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}}'],
    ['forceDeletes', '{"criteria":{"resetScope":"ForceDeletes"}}'],
  ])('%s → %s', (choice, body) => {
    expect(restartBody(choice)).toBe(body);
  });

  it.each(['Full', 'full', 'ConnectorDataStore', 'None', '__proto__', 'toString', 'constructor', '', 'QuarantineState'])('refuses %j', (choice) => {
    expect(() => restartBody(choice as RestartChoice)).toThrow(ForbiddenScopeError);
  });

  it('never offers a forbidden flag among its named scopes', () => {
    for (const scope of Object.values(RESTART_SCOPES)) expect(scope).not.toMatch(/Full|ConnectorDataStore|None/);
    for (const choice of Object.keys(RESTART_SCOPES) as RestartChoice[]) expect(resetScopeOf(choice)).toBe(RESTART_SCOPES[choice]);
  });
});

describe('the action path', () => {
  it('builds the documented path from validated ids', () => {
    expect(jobActionPath(SP, JOB, 'restart')).toBe(`/servicePrincipals/${SP}/synchronization/jobs/${JOB}/restart`);
    expect(jobActionPath(SP.toUpperCase(), JOB, 'pause')).toBe(`/servicePrincipals/${SP}/synchronization/jobs/${JOB}/pause`);
  });
  it.each([
    [SP, JOB, 'provisionOnDemand'],
    [SP, JOB, '../restart'],
    [SP, '../jobs', 'restart'],
    ['not-a-guid', JOB, 'start'],
  ])('refuses %s %s %s', (sp, job, action) => {
    expect(() => jobActionPath(sp, job, action as 'restart')).toThrow(InvalidIdError);
  });
});

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error | 'hang';

function graph(replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    const reply = replies.shift() ?? { status: 500 };
    if (reply === 'hang')
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    if (reply instanceof Error) throw reply;
    const body = reply.status === 204 ? null : JSON.stringify(reply.body ?? {});
    return new Response(body, { status: reply.status, headers: { 'request-id': `req-${calls.length}`, ...reply.headers } });
  });
  const getToken = vi.fn(async (_scopes: readonly string[], force?: boolean) => (force ? 'renewed' : 'write-token'));
  const sleeps: number[] = [];
  const client = createGraphClient({ cloud: 'global', getToken, fetch: fetch as unknown as typeof globalThis.fetch, sleep: async (ms) => void sleeps.push(ms), timeoutMs: 20 });
  return { client, calls, getToken, sleeps };
}

describe('Graph client: job actions (POST)', () => {
  it('POSTs the body as JSON with the confirmation as client-request-id, asking for the write scope', async () => {
    const g = graph([{ status: 204 }]);
    const result = await g.client.runJobAction(SP, JOB, { kind: 'restart', scope: 'portal' }, 'c0ffee00-0000-4000-8000-000000000001');
    expect(result).toMatchObject({ ok: true, data: null, requestId: 'req-1', clientRequestId: 'c0ffee00-0000-4000-8000-000000000001', attempts: 1 });
    expect(g.calls).toHaveLength(1);
    expect(g.calls[0]!.url).toBe(`https://graph.microsoft.com/v1.0/servicePrincipals/${SP}/synchronization/jobs/${JOB}/restart`);
    expect(g.calls[0]!.init.method).toBe('POST');
    expect(g.calls[0]!.init.body).toBe('{"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}}');
    expect(g.calls[0]!.init.headers).toMatchObject({ 'Content-Type': 'application/json', 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
    expect(g.getToken).toHaveBeenCalledWith(['Synchronization.ReadWrite.All']);
  });

  it('start and pause carry no body', async () => {
    const g = graph([{ status: 204 }, { status: 204 }]);
    await g.client.runJobAction(SP, JOB, { kind: 'start' });
    await g.client.runJobAction(SP, JOB, { kind: 'pause' });
    expect(g.calls.map((c) => [c.url.split('/').at(-1), c.init.body, (c.init.headers as Record<string, string>)['Content-Type']])).toEqual([
      ['start', undefined, undefined],
      ['pause', undefined, undefined],
    ]);
  });

  it.each<[string, Reply]>([
    ['503', { status: 503 }],
    ['504', { status: 504 }],
    ['500', { status: 500 }],
    ['a dropped connection', new TypeError('Failed to fetch')],
    ['a timeout', 'hang'],
  ])('never sends again after %s (it may have reached Graph)', async (_, reply) => {
    const g = graph([reply, { status: 204 }]);
    const result = await g.client.runJobAction(SP, JOB, { kind: 'restart', scope: 'quarantine' });
    expect(result.ok).toBe(false);
    expect(g.calls).toHaveLength(1);
  });

  it('retries a 429 after Retry-After (Graph refused it), and a rejected token once renewed', async () => {
    const g = graph([{ status: 429, headers: { 'Retry-After': '2' } }, { status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } }, { status: 204 }]);
    const result = await g.client.runJobAction(SP, JOB, { kind: 'start' });
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(g.sleeps).toEqual([2000]);
    expect(g.calls.map((c) => (c.init.headers as Record<string, string>).Authorization)).toEqual(['Bearer write-token', 'Bearer write-token', 'Bearer renewed']);
  });

  it('does not retry a 401 UnknownError (a missing role or scope)', async () => {
    const g = graph([{ status: 401, body: { error: { code: 'UnknownError', message: '' } } }, { status: 204 }]);
    const result = await g.client.runJobAction(SP, JOB, { kind: 'pause' });
    expect(result).toMatchObject({ ok: false, error: { status: 401, code: 'UnknownError' } });
    expect(g.calls).toHaveLength(1);
  });

  it('refuses a forbidden scope or a bad id before any token or request', async () => {
    const g = graph([{ status: 204 }]);
    await expect(g.client.runJobAction(SP, JOB, { kind: 'restart', scope: 'Full' as RestartChoice })).rejects.toThrow(ForbiddenScopeError);
    await expect(g.client.runJobAction('x', JOB, { kind: 'start' })).rejects.toThrow(InvalidIdError);
    expect(g.getToken).not.toHaveBeenCalled();
    expect(g.calls).toEqual([]);
  });
});
