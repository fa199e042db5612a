import { describe, expect, it, vi } from 'vitest';
import { createActionService, type ActionDeps } from '@/lib/actions/action-service';
import type { ActionRecord } from '@/lib/actions/history';
import { createLedger, TICKET_TTL_MS, type Tickets, type TicketStore } from '@/lib/actions/ledger';
import { AuthNeededError, type AuthBroker } from '@/lib/auth/broker';
import type { ActionTarget } from '@/lib/actions/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const JOB = 'scim.5f4eb598671f406688307ec82393defd';
const TARGET: ActionTarget = { servicePrincipalId: SP, jobId: JOB, kind: 'restart', appName: 'Contoso HR' };

/** Session storage as the worker sees it: survives a new ledger (a restarted worker), JSON round trip. */
function sessionStore(): TicketStore & { data: Tickets } {
  const store = {
    data: {} as Tickets,
    read: async () => structuredClone(store.data),
    write: async (tickets: Tickets) => void (store.data = structuredClone(tickets)),
  };
  return store;
}

function counter() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

describe('the idempotency ledger', () => {
  it('a token is claimed once; the same confirmation again replays the answer', async () => {
    const ledger = createLedger(sessionStore(), () => 1000, counter());
    const token = await ledger.mint(TARGET, 'tab:1:0');
    expect(await ledger.claim(token, 'tab:1:0', 'restart')).toMatchObject({ kind: 'send' });
    await ledger.settle(token, { kind: 'done', at: 'x', clientRequestId: token });
    expect(await ledger.claim(token, 'tab:1:0', 'restart')).toEqual({ kind: 'replay', outcome: { kind: 'done', at: 'x', clientRequestId: token } });
  });

  it('two claims at once: one sends, the other does not', async () => {
    const ledger = createLedger(sessionStore(), () => 1000, counter());
    const token = await ledger.mint(TARGET, 'page:popup');
    const claims = await Promise.all([ledger.claim(token, 'page:popup', 'restart'), ledger.claim(token, 'page:popup', 'restart')]);
    expect(claims.map((c) => c.kind).sort()).toEqual(['interrupted', 'send']);
  });

  it('after a worker restart mid-request (the store outlived it), the token reads as interrupted, not as new', async () => {
    const store = sessionStore();
    const first = createLedger(store, () => 1000, counter());
    const token = await first.mint(TARGET, 'tab:1:0');
    await first.claim(token, 'tab:1:0', 'restart');
    const second = createLedger(store, () => 2000, counter());
    expect(await second.claim(token, 'tab:1:0', 'restart')).toMatchObject({ kind: 'interrupted' });
  });

  it('refuses another holder, another action, an unknown or expired token', async () => {
    let now = 1000;
    const ledger = createLedger(sessionStore(), () => now, counter());
    const token = await ledger.mint(TARGET, 'tab:1:0');
    expect(await ledger.claim(token, 'tab:2:0', 'restart')).toEqual({ kind: 'invalid' });
    expect(await ledger.claim(token, 'tab:1:0', 'start')).toEqual({ kind: 'invalid' });
    expect(await ledger.claim('00000000-0000-4000-8000-999999999999', 'tab:1:0', 'restart')).toEqual({ kind: 'invalid' });
    expect(await ledger.claim('__proto__', 'tab:1:0', 'restart')).toEqual({ kind: 'invalid' });
    now += TICKET_TTL_MS + 1;
    expect(await ledger.claim(token, 'tab:1:0', 'restart')).toEqual({ kind: 'invalid' });
  });

  it('a confirmation opened before another one on the same job was sent is superseded', async () => {
    let now = 1000;
    const ledger = createLedger(sessionStore(), () => now++, counter());
    const a = await ledger.mint(TARGET, 'tab:1:0');
    const b = await ledger.mint(TARGET, 'tab:2:0');
    const other = await ledger.mint({ ...TARGET, jobId: 'scim.other' }, 'tab:3:0');
    expect((await ledger.claim(a, 'tab:1:0', 'restart')).kind).toBe('send');
    expect(await ledger.claim(b, 'tab:2:0', 'restart')).toEqual({ kind: 'superseded' });
    expect((await ledger.claim(other, 'tab:3:0', 'restart')).kind).toBe('send');
    // One opened after the first was sent is a new, deliberate confirmation.
    const c = await ledger.mint(TARGET, 'tab:2:0');
    expect((await ledger.claim(c, 'tab:2:0', 'restart')).kind).toBe('send');
  });

  it('stays bounded', async () => {
    const store = sessionStore();
    let now = 0;
    const ledger = createLedger(store, () => now++, counter());
    for (let i = 0; i < 80; i++) await ledger.mint(TARGET, 'tab:1:0');
    expect(Object.keys(store.data).length).toBeLessThanOrEqual(50);
  });
});

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, clientId: '11111111-2222-4333-8444-555555555555', tenant: 'contoso.onmicrosoft.com', allowJobActions: true };

function service(options: { settings?: Settings; consented?: boolean; replies?: number[]; store?: TicketStore } = {}) {
  const replies = [...(options.replies ?? [204])];
  let consented = options.consented ?? true;
  const fetch = vi.fn(async () => new Response(null, { status: replies.shift() ?? 204, headers: { 'request-id': 'graph-req-1' } }));
  const auth: AuthBroker = {
    signIn: vi.fn(),
    account: vi.fn(),
    signOut: vi.fn(),
    token: vi.fn(async (_config, scopes) => {
      if (!consented) throw new AuthNeededError({ ok: false, reason: 'signInRequired', errorCode: 'invalid_grant' });
      return `token for ${scopes.join(' ')}`;
    }),
  };
  const records: ActionRecord[] = [];
  const deps: ActionDeps = {
    getSettings: async () => options.settings ?? SETTINGS,
    auth,
    redirectUri: 'https://x.chromiumapp.org/',
    ledger: createLedger(options.store ?? sessionStore(), () => Date.parse('2026-12-02T05:00:00Z'), counter()),
    record: async (entry) => void records.push(entry),
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: () => Date.parse('2026-12-02T05:00:00Z'),
  };
  return { actions: createActionService(deps), fetch, auth, records, consent: () => void (consented = true) };
}

describe('the action service', () => {
  it('refuses while the opt-in is off: no token, no request', async () => {
    const s = service({ settings: { ...SETTINGS, allowJobActions: undefined } });
    expect(await s.actions.prepare(TARGET, 'tab:1:0')).toMatchObject({ ok: false, error: { title: 'Job actions are turned off.' } });
    expect(await s.actions.confirm({ token: '00000000-0000-4000-8000-000000000001', action: { kind: 'restart', scope: 'quarantine' } }, 'tab:1:0')).toMatchObject({ kind: 'failed' });
    expect(s.fetch).not.toHaveBeenCalled();
  });

  it('asks for consent first, sending nothing; the same token then sends one POST', async () => {
    const s = service({ consented: false });
    const ticket = await s.actions.prepare(TARGET, 'tab:1:0');
    if (!ticket.ok) throw new Error('no ticket');
    const confirmation = { token: ticket.token, action: { kind: 'restart' as const, scope: 'quarantine' as const } };
    expect(await s.actions.confirm(confirmation, 'tab:1:0')).toEqual({ kind: 'needsConsent' });
    expect(s.fetch).not.toHaveBeenCalled();
    s.consent();
    expect(await s.actions.confirm(confirmation, 'tab:1:0')).toEqual({ kind: 'done', at: '2026-12-02T05:00:00.000Z', requestId: 'graph-req-1', clientRequestId: ticket.token });
    expect(s.fetch).toHaveBeenCalledTimes(1);
    expect(s.auth.token).toHaveBeenLastCalledWith(expect.anything(), ['Synchronization.ReadWrite.All']); // global: bare names (graphScope qualifies other clouds)
    expect(s.records).toEqual([
      { at: '2026-12-02T05:00:00.000Z', appName: 'Contoso HR', servicePrincipalId: SP, jobId: JOB, action: 'restart', scope: 'quarantine', result: 'done', status: '204', requestId: 'graph-req-1', clientRequestId: ticket.token },
    ]);
  });

  it('a sign-in that fails for another reason than consent is told as such, with nothing sent', async () => {
    const s = service();
    vi.mocked(s.auth.token).mockRejectedValueOnce(new AuthNeededError({ ok: false, reason: 'failed', errorCode: 'network_error' }));
    const ticket = await s.actions.prepare(TARGET, 'tab:1:0');
    if (!ticket.ok) throw new Error('no ticket');
    expect(await s.actions.confirm({ token: ticket.token, action: { kind: 'restart', scope: 'quarantine' } }, 'tab:1:0')).toMatchObject({
      kind: 'failed',
      error: { kind: 'auth', title: 'Signing in to Microsoft failed, so nothing was sent.', code: 'network_error' },
    });
    expect(s.fetch).not.toHaveBeenCalled();
  });

  it('a double click (two confirmations at once) and a later replay send one POST', async () => {
    const s = service();
    const ticket = await s.actions.prepare({ ...TARGET, kind: 'pause' }, 'page:popup');
    if (!ticket.ok) throw new Error('no ticket');
    const confirmation = { token: ticket.token, action: { kind: 'pause' as const } };
    const [a, b] = await Promise.all([s.actions.confirm(confirmation, 'page:popup'), s.actions.confirm(confirmation, 'page:popup')]);
    expect(a).toEqual(b);
    expect(await s.actions.confirm(confirmation, 'page:popup')).toEqual(a);
    expect(s.fetch).toHaveBeenCalledTimes(1);
    expect(s.records).toHaveLength(1);
  });

  it('a worker restarted mid-request sends nothing more and records "unknown"', async () => {
    const store = sessionStore();
    const first = service({ store });
    const ticket = await first.actions.prepare(TARGET, 'tab:1:0');
    if (!ticket.ok) throw new Error('no ticket');
    // The first worker claimed the token and stopped before Graph answered.
    await createLedger(store, () => Date.parse('2026-12-02T05:00:00Z')).claim(ticket.token, 'tab:1:0', 'restart');
    const second = service({ store });
    const outcome = await second.actions.confirm({ token: ticket.token, action: { kind: 'restart', scope: 'quarantine' } }, 'tab:1:0');
    expect(outcome).toMatchObject({ kind: 'failed', error: { title: expect.stringContaining('may or may not have reached Graph') } });
    expect(second.fetch).not.toHaveBeenCalled();
    expect(second.records[0]).toMatchObject({ result: 'unknown' });
  });

  it('a refusal is recorded as failed, a 5xx as unknown', async () => {
    const s = service({ replies: [403, 503] });
    for (const kind of ['start', 'pause'] as const) {
      const ticket = await s.actions.prepare({ ...TARGET, kind }, 'tab:1:0');
      if (!ticket.ok) throw new Error('no ticket');
      await s.actions.confirm({ token: ticket.token, action: { kind } }, 'tab:1:0');
    }
    expect(s.records.map((r) => [r.action, r.result, r.status])).toEqual([['start', 'failed', '403'], ['pause', 'unknown', '503']]);
  });
});
