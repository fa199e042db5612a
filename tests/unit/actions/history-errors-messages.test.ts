import { describe, expect, it } from 'vitest';
import { ACTION_NEEDS, describeActionFailure } from '@/lib/actions/errors';
import { appendRecord, createHistoryWriter, MAX_ACTION_RECORDS, sanitizeHistory, type ActionRecord } from '@/lib/actions/history';
import { holderOf, sanitizeConfirmation, sanitizeTarget } from '@/lib/actions/messages';
import type { GraphFailure } from '@/lib/graph-client';

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const JOB = 'scim.5f4eb598671f406688307ec82393defd';
const TOKEN = '0c0ffee0-0000-4000-8000-000000000001';
const record = (i: number): ActionRecord => ({ at: new Date(Date.UTC(2026, 11, 2, 5, 0, i)).toISOString(), servicePrincipalId: SP, jobId: JOB, action: 'restart', scope: 'quarantine', result: 'done', status: '204', requestId: `req-${i}` });

describe('the action history', () => {
  it('keeps the newest 100, newest first', () => {
    let list: ActionRecord[] = [];
    for (let i = 0; i < 130; i++) list = appendRecord(list, record(i));
    expect(list).toHaveLength(MAX_ACTION_RECORDS);
    expect(list[0]!.requestId).toBe('req-129');
    expect(list.at(-1)!.requestId).toBe('req-30');
  });

  it('two records written at once are both kept', async () => {
    let stored: unknown = [];
    const write = createHistoryWriter({
      read: async () => structuredClone(stored),
      write: async (list) => void (await new Promise((r) => setTimeout(r, 5)), (stored = list)),
    });
    await Promise.all([write(record(1)), write(record(2))]);
    expect((stored as ActionRecord[]).map((r) => r.requestId)).toEqual(['req-2', 'req-1']);
  });

  it('rebuilds stored entries from known fields and drops broken ones', () => {
    const stored = [
      { ...record(1), appName: `<img src=x onerror=alert(1)>${'x'.repeat(500)}`, extra: 'dropped', requestId: 'req 1; rm -rf' },
      { ...record(2), action: 'delete' },
      { ...record(3), servicePrincipalId: '../x' },
      { ...record(4), at: 'yesterday' },
      { ...record(5), result: 'great' },
      { ...record(6), action: 'pause', scope: 'portal' },
      { ...record(7), scope: 'Full' },
      null,
      'text',
    ];
    const clean = sanitizeHistory(stored);
    expect(clean).toHaveLength(3);
    expect(clean[0]).not.toHaveProperty('extra');
    expect(clean[0]).not.toHaveProperty('requestId');
    expect(clean[0]!.appName!.length).toBeLessThanOrEqual(121);
    expect(clean[1]).toMatchObject({ action: 'pause' });
    expect(clean[1]).not.toHaveProperty('scope');
    expect(clean[2]).not.toHaveProperty('scope');
    expect(sanitizeHistory({ not: 'a list' })).toEqual([]);
  });
});

const failure = (f: Partial<GraphFailure>): GraphFailure => ({ kind: 'http', clientRequestId: 'crid', requestId: 'rid', attempts: 1, ...f });

describe('action failures in the admin\'s words', () => {
  it('401 UnknownError (empty message) names the roles and the write permission, not an expired sign-in', () => {
    const error = describeActionFailure(failure({ status: 401, code: 'UnknownError' }), 'restart');
    expect(error.title).toBe('Graph refused the restart (401): a role or permission is missing.');
    expect(error.action).toContain('Application Administrator or Cloud Application Administrator — Hybrid Identity Administrator for Cloud Sync');
    expect(error.action).toContain('Synchronization.ReadWrite.All');
    expect(error).toMatchObject({ requestId: 'rid', clientRequestId: 'crid', status: 401 });
    expect(ACTION_NEEDS).toContain('consent');
  });

  it.each<[Partial<GraphFailure>, RegExp]>([
    [{ status: 401, code: 'InvalidAuthenticationToken' }, /no longer accepts your sign-in/],
    [{ status: 403, code: 'Authorization_RequestDenied' }, /denied the pause \(403\)\. Nothing was changed/],
    [{ status: 404 }, /The job is gone \(404\)/],
    [{ status: 409 }, /conflict \(409\)/],
    [{ status: 429, retryAfterSeconds: 30 }, /throttling requests \(429\)\. The pause was not carried out/],
    [{ status: 503 }, /may or may not have been carried out\. It was not sent again/],
    [{ kind: 'timeout' }, /did not answer the pause in time: it may or may not have been carried out/],
    [{ kind: 'network', message: 'Failed to fetch' }, /may or may not have reached Graph/],
  ])('%j', (f, title) => {
    const error = describeActionFailure(failure(f), 'pause');
    expect(error.title).toMatch(title);
    expect(error.clientRequestId).toBe('crid');
  });

  it('429 says how long to wait', () => {
    expect(describeActionFailure(failure({ status: 429, retryAfterSeconds: 30 }), 'start').action).toBe('Wait about 30 s, then try again.');
  });
});

describe('action messages', () => {
  it('rebuilds a target from known fields, refusing bad ids and actions', () => {
    expect(sanitizeTarget({ servicePrincipalId: SP.toUpperCase(), jobId: JOB, kind: 'restart', appName: ' HR ', x: 1 })).toEqual({ servicePrincipalId: SP, jobId: JOB, kind: 'restart', appName: 'HR' });
    expect(sanitizeTarget({ servicePrincipalId: SP, jobId: '../x', kind: 'restart' })).toBeUndefined();
    expect(sanitizeTarget({ servicePrincipalId: SP, jobId: JOB, kind: 'provisionOnDemand' })).toBeUndefined();
    expect(sanitizeTarget(null)).toBeUndefined();
  });

  it('a confirmation carries a token and an allowed choice only', () => {
    expect(sanitizeConfirmation({ token: TOKEN, action: { kind: 'restart', scope: 'portal', resetScope: 'Full' } })).toEqual({ token: TOKEN, action: { kind: 'restart', scope: 'portal' } });
    expect(sanitizeConfirmation({ token: TOKEN, action: { kind: 'pause', scope: 'portal' } })).toEqual({ token: TOKEN, action: { kind: 'pause' } });
    expect(sanitizeConfirmation({ token: TOKEN, action: { kind: 'restart', scope: 'Full' } })).toBeUndefined();
    expect(sanitizeConfirmation({ token: TOKEN, action: { kind: 'restart' } })).toBeUndefined();
    expect(sanitizeConfirmation({ token: 'guess', action: { kind: 'start' } })).toBeUndefined();
  });

  it('a token belongs to the tab (and frame) or the extension page that asked', () => {
    expect(holderOf({ tab: { id: 7 }, frameId: 0, url: 'https://portal.azure.com/#x' })).toBe('tab:7:0');
    expect(holderOf({ url: 'chrome-extension://abc/popup.html' })).toBe('page:chrome-extension://abc/popup.html');
  });
});
