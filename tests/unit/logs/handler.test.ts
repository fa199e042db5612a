import { describe, expect, it, vi } from 'vitest';
import { registerBackgroundHandlers, type BackgroundDeps } from '@/lib/background-handlers';
import type { FailuresService } from '@/lib/logs/failures-service';

type Listener = (message: unknown, sender: unknown, reply: (answer: unknown) => void) => unknown;

describe('lookupFailures in the background', () => {
  const listeners: Listener[] = [];
  vi.stubGlobal('browser', { runtime: { id: 'ext', onMessage: { addListener: (l: Listener) => listeners.push(l) } } });
  const lookupFailures = vi.fn(async () => ({ kind: 'notGranted' as const }));
  const failures = { lookupFailures, clear: vi.fn(), forget: vi.fn(), noteGranted: vi.fn() } as unknown as FailuresService;
  registerBackgroundHandlers({
    lookup: { lookupJobs: vi.fn(), clear: vi.fn() },
    failures,
    auth: {} as BackgroundDeps['auth'],
    getSettings: vi.fn(),
    redirectUri: 'https://ext.chromiumapp.org/',
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    openSettings: vi.fn(),
  });
  const send = (data: unknown, sender: object) =>
    new Promise((resolve) => listeners[0]!({ lens: 1, type: 'lookupFailures', data }, sender, resolve));
  const JOB = 'scim.5f4eb598671f406688307ec82393defd';

  it("answers the extension's own pages and the portal's top frame, with the payload rebuilt", async () => {
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    expect(await send({ cloud: 'global', jobId: JOB, fresh: true, url: 'https://evil.example' }, popup)).toEqual({ res: { kind: 'notGranted' } });
    expect(lookupFailures).toHaveBeenLastCalledWith({ cloud: 'global', jobId: JOB, fresh: true, auto: false });
    const portal = { id: 'ext', url: 'https://portal.azure.com/#view/x', tab: { id: 1 }, frameId: 0 };
    expect(await send({ cloud: 'global', jobId: JOB, auto: true }, portal)).toEqual({ res: { kind: 'notGranted' } });
  });

  it('refuses other senders before any work, and answers a malformed payload with an error', async () => {
    lookupFailures.mockClear();
    for (const sender of [
      { id: 'other', url: 'chrome-extension://other/popup.html' },
      { id: 'ext', url: 'https://portal.azure.com/#view/x', tab: { id: 1 }, frameId: 3 },
      { id: 'ext', url: 'https://evil.example/', tab: { id: 1 }, frameId: 0 },
    ])
      expect(await send({ cloud: 'global', jobId: JOB }, sender)).toEqual({ err: 'Refused: unexpected sender' });
    expect(await send({ cloud: 'mars', jobId: JOB }, { id: 'ext', url: 'chrome-extension://ext/popup.html' })).toMatchObject({ res: { kind: 'error', error: { kind: 'input' } } });
    expect(lookupFailures).not.toHaveBeenCalled();
  });
});
