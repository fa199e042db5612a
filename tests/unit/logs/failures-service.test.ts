import { describe, expect, it, vi } from 'vitest';
import { AuthNeededError, type AuthBroker } from '@/lib/auth/broker';
import { createFailuresService } from '@/lib/logs/failures-service';
import { sanitizeFailuresQuery } from '@/lib/logs/sanitize';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { LOG_FAULTS, logRecord } from '../../fake-cloud/provisioning-logs.mjs';

const JOB = 'scim.5f4eb598671f406688307ec82393defd.e3f2184f-6b8c-4d2d-a5b1-2f1d6a9f0c11';
const CONFIGURED: Settings = { ...DEFAULT_SETTINGS, clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', tenant: 'organizations' };
const NOW = Date.parse('2026-12-02T06:00:00Z');

function setup(options: { settings?: Settings; token?: () => Promise<string>; responses?: (() => Response)[] } = {}) {
  let clock = NOW;
  const urls: string[] = [];
  const scopes: string[][] = [];
  const sleeps: number[] = [];
  const responses = options.responses ?? [];
  const fetch = vi.fn(async (url: string) => {
    urls.push(url);
    const next = responses.shift();
    return next ? next() : Response.json({ value: [logRecord({ jobId: JOB, at: NOW - 60_000, code: 'CodeA' })] }, { headers: { 'request-id': 'r1' } });
  }) as unknown as typeof globalThis.fetch;
  const auth: AuthBroker = {
    signIn: vi.fn(),
    token: vi.fn(async (_config, s) => {
      scopes.push([...s]);
      return (options.token ?? (async () => 'tok'))();
    }),
    account: vi.fn(async () => ({ username: 'admin@contoso.com' })),
    signOut: vi.fn(),
  };
  const service = createFailuresService({ getSettings: async () => options.settings ?? CONFIGURED, auth, redirectUri: 'https://x.chromiumapp.org/', fetch, now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
  return { service, urls, scopes, sleeps, advance: (ms: number) => (clock += ms) };
}

const graphError = (fault: { status: number; headers?: Record<string, string>; body: unknown }) => () =>
  Response.json(fault.body, { status: fault.status, headers: { 'request-id': 'req-err', ...fault.headers } });

describe('failures service', () => {
  it('one request per view, the digest in the answer, none on reopen within the cache window', async () => {
    const { service, urls, scopes, advance } = setup();
    const answer = await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(answer).toMatchObject({ kind: 'failures', days: 7, requestId: 'r1', truncated: false, digest: { failures: 1, groups: [{ code: 'CodeA' }] } });
    expect(urls).toHaveLength(1);
    expect(new URL(urls[0]!).pathname).toBe('/v1.0/auditLogs/provisioning');
    expect(scopes[0]).toEqual(['AuditLog.Read.All', 'Directory.Read.All']);
    advance(30_000);
    await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(urls).toHaveLength(1);
    await service.lookupFailures({ cloud: 'global', jobId: JOB, fresh: true });
    expect(urls).toHaveLength(2);
  });

  it('loads by itself (auto) only once the permissions worked, without touching the sign-in service before', async () => {
    const { service, urls, scopes } = setup();
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB, auto: true })).toEqual({ kind: 'notGranted' });
    expect(scopes).toEqual([]);
    expect(urls).toEqual([]);
    // The admin's click reads the logs; from then on the section loads by itself.
    await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB, auto: true, fresh: true })).toMatchObject({ kind: 'failures' });
    expect(urls).toHaveLength(2);
    await service.forget();
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB, auto: true })).toEqual({ kind: 'notGranted' });
    expect(urls).toHaveLength(2);
    // An interactive consent counts too (the popup that asked may have closed before its next step).
    await service.noteGranted();
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB, auto: true })).toMatchObject({ kind: 'failures' });
  });

  it('folds identical requests in flight into one', async () => {
    const { service, urls } = setup();
    await Promise.all([1, 2, 3].map(() => service.lookupFailures({ cloud: 'global', jobId: JOB })));
    expect(urls).toHaveLength(1);
  });

  it('keeps to the reports throttle: six jobs at once, the sixth request waits for a slot', async () => {
    const { service, urls, sleeps } = setup();
    const jobs = Array.from({ length: 6 }, (_, i) => `${JOB}${i}`);
    const answers = await Promise.all(jobs.map((jobId) => service.lookupFailures({ cloud: 'global', jobId })));
    expect(answers.every((a) => a.kind === 'failures')).toBe(true);
    expect(urls).toHaveLength(6);
    expect(sleeps).toEqual([10_000]);
  });

  it('qualifies scopes outside the global cloud', async () => {
    const { service, scopes, urls } = setup({ settings: { ...CONFIGURED, cloud: 'usgov' } });
    await service.lookupFailures({ cloud: 'usgov', jobId: JOB });
    expect(scopes[0]).toEqual(['https://graph.microsoft.us/AuditLog.Read.All', 'https://graph.microsoft.us/Directory.Read.All']);
    expect(urls[0]).toMatch(/^https:\/\/graph\.microsoft\.us\/v1\.0\/auditLogs\/provisioning\?/);
  });

  it('asks nothing in the China cloud', async () => {
    const { service, urls, scopes } = setup({ settings: { ...CONFIGURED, cloud: 'china' } });
    expect(await service.lookupFailures({ cloud: 'china', jobId: JOB })).toEqual({ kind: 'notOffered', cloud: 'china' });
    expect(urls).toEqual([]);
    expect(scopes).toEqual([]);
  });

  it('says "not granted" without a Graph request when no silent token exists, and remembers it', async () => {
    const token = vi.fn(async () => { throw new AuthNeededError({ ok: false, reason: 'signInRequired', errorCode: 'consent_required' } as never); });
    const { service, urls } = setup({ token });
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB })).toEqual({ kind: 'notGranted' });
    expect(await service.lookupFailures({ cloud: 'global', jobId: JOB })).toEqual({ kind: 'notGranted' });
    expect(token).toHaveBeenCalledTimes(1);
    expect(urls).toEqual([]);
    service.clear();
    await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(token).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['permissionMissing', 'consent', /AuditLog\.Read\.All and Directory\.Read\.All/],
    ['nonPremium', 'licence', /P1 or P2/],
    ['unknownError', 'role', /Reports Reader, Security Reader, Global Reader, Application Administrator or Cloud Application Administrator/],
    ['throttled', 'throttled', /about 30 s/],
  ] as const)('tells %s apart (%s), with the request id, and caches no error', async (fault, problem, action) => {
    const { service, urls } = setup({ responses: [graphError(LOG_FAULTS[fault])] });
    const answer = await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(answer).toMatchObject({ kind: 'error', problem, error: { requestId: 'req-err', action: expect.stringMatching(action) } });
    await service.lookupFailures({ cloud: 'global', jobId: JOB });
    expect(urls).toHaveLength(2);
  });

  it('names the log reader roles for any other 403', async () => {
    const denied = setup({ responses: [graphError({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } } })] });
    expect(await denied.service.lookupFailures({ cloud: 'global', jobId: JOB })).toMatchObject({ kind: 'error', problem: 'role', error: { action: expect.stringContaining('Reports Reader') } });
  });

  it('tells a timeout apart, with a way to try again', async () => {
    const { describeLogsFailure } = await import('@/lib/logs/errors');
    expect(describeLogsFailure({ kind: 'timeout', clientRequestId: 'c-1', attempts: 1 })).toMatchObject({ problem: 'timeout', error: { kind: 'timeout', clientRequestId: 'c-1', action: expect.stringContaining('Try again') } });
  });

  it('rejects a hostile job id before any token or request', async () => {
    const { service, urls, scopes } = setup();
    expect(await service.lookupFailures({ cloud: 'global', jobId: "x' or 1 eq 1" })).toMatchObject({ kind: 'error', error: { kind: 'input' } });
    expect(urls).toEqual([]);
    expect(scopes).toEqual([]);
  });

  it('rebuilds the message payload from known fields only', () => {
    expect(sanitizeFailuresQuery({ cloud: 'global', jobId: ` ${JOB} `, fresh: true, url: 'https://evil' })).toEqual({ cloud: 'global', jobId: JOB, fresh: true, auto: false });
    for (const bad of [null, 'x', { cloud: 'mars', jobId: JOB }, { cloud: 'global' }, { cloud: 'global', jobId: 'x'.repeat(301) }])
      expect(sanitizeFailuresQuery(bad)).toBeUndefined();
  });
});
