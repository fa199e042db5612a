import { describe, expect, it, vi } from 'vitest';
import { AuthNeededError, createAuthBroker, TOKEN_REUSE_MARGIN_MS } from '@/lib/auth/broker';
import type { AuthConfig, MsalHost } from '@/lib/auth/types';

const config: AuthConfig = { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'organizations', cloud: 'global', redirectUri: 'https://x.chromiumapp.org/' };
const SCOPES = ['https://graph.microsoft.com/Synchronization.Read.All'];
const T0 = Date.parse('2026-11-28T10:00:00Z');
const HOUR = 3_600_000;

/** An MSAL host that issues at-1, at-2… each valid for `lifetimeMs` from the clock. */
function fakeHost(clock: () => number, lifetimeMs = HOUR) {
  let issued = 0;
  const host = {
    beginSignIn: vi.fn(async () => ({ ok: true as const, url: 'https://login.microsoftonline.com/authorize' })),
    completeSignIn: vi.fn(async () => ({ ok: true as const, account: { username: 'admin@contoso.com', name: 'Admin', tenantId: 't' } })),
    cancelSignIn: vi.fn(async () => {}),
    acquireToken: vi.fn(async () => ({ ok: true as const, accessToken: `at-${++issued}`, expiresOn: clock() + lifetimeMs })),
    getAccount: vi.fn(async () => null),
    signOut: vi.fn(async () => {}),
  };
  return host as typeof host & MsalHost;
}

function setup(lifetimeMs?: number) {
  let now = T0;
  const clock = () => now;
  const host = fakeHost(clock, lifetimeMs);
  const broker = createAuthBroker(host, async () => 'https://x.chromiumapp.org/#code=abc', clock);
  return { host, broker, advance: (ms: number) => (now += ms) };
}

describe('the broker keeps the last access token in the worker', () => {
  it('asks MSAL once, then hands the same token out while it has more than 5 min left', async () => {
    const { host, broker, advance } = setup();
    expect(await broker.token(config, SCOPES)).toBe('at-1');
    advance(HOUR - TOKEN_REUSE_MARGIN_MS - 1);
    expect(await broker.token(config, SCOPES)).toBe('at-1');
    expect(host.acquireToken).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await broker.token(config, SCOPES)).toBe('at-2');
    expect(host.acquireToken).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing that expires within the margin (MSAL renews those itself)', async () => {
    const { host, broker } = setup(TOKEN_REUSE_MARGIN_MS);
    await broker.token(config, SCOPES);
    await broker.token(config, SCOPES);
    expect(host.acquireToken).toHaveBeenCalledTimes(2);
  });

  it('forceRefresh (Graph said the token is no good) goes to MSAL with forceRefresh and keeps the new one', async () => {
    const { host, broker } = setup();
    await broker.token(config, SCOPES);
    expect(await broker.token(config, SCOPES, true)).toBe('at-2');
    expect(host.acquireToken).toHaveBeenLastCalledWith(config, SCOPES, true);
    expect(await broker.token(config, SCOPES)).toBe('at-2');
    expect(host.acquireToken).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['other scopes', config, ['https://graph.microsoft.com/Application.Read.All', ...SCOPES]],
    ['another app registration', { ...config, clientId: '99999999-2222-3333-4444-555555555555' }, SCOPES],
    ['another tenant', { ...config, tenant: 'contoso.onmicrosoft.com' }, SCOPES],
    ['another cloud', { ...config, cloud: 'usgov' as const }, SCOPES],
  ])('never hands a token out for %s', async (_name, otherConfig, otherScopes) => {
    const { host, broker } = setup();
    await broker.token(config, SCOPES);
    expect(await broker.token(otherConfig, otherScopes)).toBe('at-2');
    expect(host.acquireToken).toHaveBeenCalledTimes(2);
  });

  it('forgets it on sign-out and after a sign-in', async () => {
    const { host, broker } = setup();
    await broker.token(config, SCOPES);
    await broker.signOut(config);
    expect(await broker.token(config, SCOPES)).toBe('at-2');
    await broker.signIn(config, SCOPES);
    expect(await broker.token(config, SCOPES)).toBe('at-3');
    expect(host.acquireToken).toHaveBeenCalledTimes(3);
  });

  it('a failure keeps nothing and throws AuthNeededError', async () => {
    const { host, broker } = setup();
    host.acquireToken.mockResolvedValueOnce({ ok: false, reason: 'signInRequired', errorCode: 'invalid_grant' } as never);
    await expect(broker.token(config, SCOPES)).rejects.toBeInstanceOf(AuthNeededError);
    expect(await broker.token(config, SCOPES)).toBe('at-1');
  });
});

describe('the broker reads the error a sign-in window ends on', () => {
  it('hands back Entra\'s error and AADSTS number, never redeeming, and clears MSAL\'s interaction', async () => {
    const host = fakeHost(() => T0);
    const broker = createAuthBroker(host, async () => 'https://x.chromiumapp.org/#error=access_denied&error_description=AADSTS53003%3A+Blocked+by+Conditional+Access&error_codes=%5B53003%5D&state=s', () => T0);
    expect(await broker.signIn(config, SCOPES)).toEqual({
      ok: false,
      reason: 'failed',
      errorCode: 'access_denied',
      description: 'AADSTS53003: Blocked by Conditional Access',
      aadsts: '53003',
    });
    expect(host.completeSignIn).not.toHaveBeenCalled();
    expect(host.cancelSignIn).toHaveBeenCalledTimes(1);
  });
});

describe('the session the worker already knows (getAuthState without MSAL)', () => {
  const ACCOUNT = { username: 'admin@contoso.com', name: 'Admin', tenantId: 't' };

  it('is the account once MSAL told it and a token for the scopes is kept; nothing before', async () => {
    const { host, broker, advance } = setup();
    host.getAccount.mockResolvedValue(ACCOUNT as never);
    expect(broker.knownSession!(config, SCOPES)).toBeNull();
    await broker.token(config, SCOPES);
    expect(broker.knownSession!(config, SCOPES)).toBeNull(); // the account not asked yet
    await broker.account(config);
    expect(broker.knownSession!(config, SCOPES)).toEqual(ACCOUNT);
    expect(broker.knownSession!(config, ['https://graph.microsoft.com/Application.Read.All'])).toBeNull();
    expect(broker.knownSession!({ ...config, clientId: '99999999-2222-3333-4444-555555555555' }, SCOPES)).toBeNull();
    advance(HOUR - TOKEN_REUSE_MARGIN_MS); // the kept token is no longer handed out: neither is the session
    expect(broker.knownSession!(config, SCOPES)).toBeNull();
  });

  it('is forgotten on sign-out, at sign-in and when MSAL refuses a token', async () => {
    const { host, broker } = setup();
    host.getAccount.mockResolvedValue(ACCOUNT as never);
    const known = async () => {
      await broker.account(config);
      await broker.token(config, SCOPES);
      return broker.knownSession!(config, SCOPES);
    };
    expect(await known()).toEqual(ACCOUNT);
    await broker.signOut(config);
    expect(broker.knownSession!(config, SCOPES)).toBeNull();
    expect(await known()).toEqual(ACCOUNT);
    await broker.signIn(config, SCOPES);
    expect(broker.knownSession!(config, SCOPES)).toBeNull();
    expect(await known()).toEqual(ACCOUNT);
    host.acquireToken.mockResolvedValueOnce({ ok: false, reason: 'signInRequired' } as never);
    await expect(broker.token(config, SCOPES, true)).rejects.toBeInstanceOf(AuthNeededError);
    expect(broker.knownSession!(config, SCOPES)).toBeNull();
  });
});
