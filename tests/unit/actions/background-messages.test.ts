import { describe, expect, it, vi } from 'vitest';

// The handlers as registered, so each can be called with a sender of the test's choosing.
const handlers = vi.hoisted(() => new Map<string, (message: { data: unknown; sender: object }) => unknown>());
vi.mock('@/lib/protocol', () => ({ onMessage: (type: string, handler: (message: { data: unknown; sender: object }) => unknown) => void handlers.set(type, handler) }));

const { registerBackgroundHandlers } = await import('@/lib/background-handlers');

const ID = 'mofanfafdanblddiihokhplkbibmpdnm';
const ORIGIN = `chrome-extension://${ID}`;
const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const TOKEN = '0c0ffee0-0000-4000-8000-000000000001';
const TARGET = { servicePrincipalId: SP, jobId: 'scim.1', kind: 'restart' };

const actions = { prepare: vi.fn(async () => ({ ok: true as const, token: TOKEN })), confirm: vi.fn(async () => ({ kind: 'needsConsent' as const })) };
registerBackgroundHandlers({
  lookup: {} as never,
  auth: {} as never,
  getSettings: vi.fn(),
  redirectUri: '',
  extensionId: ID,
  extensionOrigin: ORIGIN,
  openSettings: vi.fn(),
  actions,
});

const call = (type: string, data: unknown, sender: object) => Promise.resolve().then(() => handlers.get(type)!({ data, sender }));

describe('who may ask the background for a job action', () => {
  it.each([
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' }],
    ['a frame inside the portal', { id: ID, url: 'https://portal.azure.com/x', tab: { id: 3 }, frameId: 2 }],
    ['a look-alike host', { id: ID, url: 'https://portal.azure.com.evil.example/', tab: { id: 3 }, frameId: 0 }],
    ['a sender without a URL', { id: ID }],
  ])('refuses %s, before any token or request', async (_, sender) => {
    await expect(call('prepareJobAction', TARGET, sender)).rejects.toThrow('Refused');
    await expect(call('runJobAction', { token: TOKEN, action: { kind: 'start' } }, sender)).rejects.toThrow('Refused');
    expect(actions.prepare).not.toHaveBeenCalled();
    expect(actions.confirm).not.toHaveBeenCalled();
  });

  it('answers the overlay in a portal tab and the extension pages, binding the token to the asker', async () => {
    await call('prepareJobAction', { ...TARGET, extra: 'dropped' }, { id: ID, url: 'https://portal.azure.com/#view', tab: { id: 3 }, frameId: 0 });
    expect(actions.prepare).toHaveBeenLastCalledWith({ servicePrincipalId: SP, jobId: 'scim.1', kind: 'restart' }, 'tab:3:0');
    await call('runJobAction', { token: TOKEN, action: { kind: 'restart', scope: 'portal' } }, { id: ID, url: `${ORIGIN}/popup.html` });
    expect(actions.confirm).toHaveBeenLastCalledWith({ token: TOKEN, action: { kind: 'restart', scope: 'portal' } }, `page:${ORIGIN}/popup.html`);
  });

  it('answers a malformed confirmation with an error, sending nothing', async () => {
    actions.confirm.mockClear();
    const answer = await call('runJobAction', { token: TOKEN, action: { kind: 'restart', scope: 'Full' } }, { id: ID, url: `${ORIGIN}/popup.html` });
    expect(answer).toMatchObject({ kind: 'failed', error: { title: expect.stringContaining('nothing was sent') } });
    expect(actions.confirm).not.toHaveBeenCalled();
  });
});
