import { act, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOverlayController } from '@/components/overlay-controller';
import type { LensClient } from '@/lib/client';
import { parsePortalUrl } from '@/lib/portal-url';
import type { JobLookup } from '@/lib/protocol';

const SP = '35aa7736-b3e5-439c-9e24-d3cb861fed45';
const page = parsePortalUrl(`https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/objectId/${SP}`)!;
const found: JobLookup = {
  kind: 'jobs',
  servicePrincipalId: SP,
  jobs: [{ id: 'scim.1', templateId: 'scim', status: { code: 'Active' } }],
  fetchedAt: '2026-11-28T10:00:00Z',
};

function fakeClient(): LensClient & { lookupJobs: ReturnType<typeof vi.fn> } {
  return {
    lookupJobs: vi.fn(async () => found),
    getAuthState: vi.fn(),
    signIn: vi.fn(),
    signOut: vi.fn(),
    openSettings: vi.fn(),
    leftProvisioning: vi.fn(async () => true),
    getWatched: vi.fn(async () => []),
    setWatch: vi.fn(async () => []),
    prepareJobAction: vi.fn(),
    runJobAction: vi.fn(),
  } satisfies LensClient as never;
}

/**
 * A click as the browser makes it for the admin. happy-dom lets a test mark an event trusted; a real
 * page cannot (isTrusted is unforgeable there), which is what the overlay relies on.
 */
function trustedClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

const refreshButton = () => [...document.querySelector('provisioning-lens')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!;

/** What the overlay shows (its container, not the stylesheet beside it). */
const shadowText = () => document.querySelector('provisioning-lens')?.shadowRoot?.querySelector('div')?.textContent ?? '';

describe('overlay controller', () => {
  it('shows the loader\'s answer without asking again, and asks on Refresh', async () => {
    const client = fakeClient();
    const overlay = createOverlayController(client, async () => {});
    overlay.show(page, Promise.resolve(found));
    await waitFor(() => expect(shadowText()).toContain('scim.1'));
    expect(client.lookupJobs).not.toHaveBeenCalled();

    trustedClick(refreshButton());
    await waitFor(() => expect(client.lookupJobs).toHaveBeenCalledWith({ cloud: 'global', servicePrincipalId: SP, fresh: true }));
    overlay.hide();
    expect(document.querySelector('provisioning-lens')).toBeNull();
  });

  it('acts on the admin\'s clicks only: a script\'s synthetic click on its buttons does nothing', async () => {
    const client = fakeClient();
    const overlay = createOverlayController(client, async () => {});
    overlay.show(page, Promise.resolve(found));
    await waitFor(() => expect(shadowText()).toContain('scim.1'));
    refreshButton().click();
    refreshButton().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const rawToggle = [...document.querySelector('provisioning-lens')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Show raw JSON')!;
    rawToggle.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.lookupJobs).not.toHaveBeenCalled();
    expect(rawToggle.getAttribute('aria-expanded')).toBe('false');
    trustedClick(rawToggle);
    await waitFor(() => expect(rawToggle.getAttribute('aria-expanded')).toBe('true'));
    overlay.hide();
  });

  it('moves by the admin\'s arrow keys only: a script\'s synthetic key press on the handle does nothing', async () => {
    await fakeBrowser.storage.local.clear();
    const overlay = createOverlayController(fakeClient(), async () => {});
    overlay.show(page, Promise.resolve(found));
    await waitFor(() => expect(shadowText()).toContain('scim.1'));
    const root = document.querySelector('provisioning-lens')!.shadowRoot!;
    const handle = root.querySelector<HTMLButtonElement>('button[aria-label="Move"]')!;
    const card = () => root.querySelector<HTMLElement>('.pl-overlay')!;
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(card().style.right).toBe('16px');
    expect(await fakeBrowser.storage.local.get('overlay')).toEqual({});
    const trusted = new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true, cancelable: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    handle.dispatchEvent(trusted);
    await waitFor(() => expect(card().style.right).toBe('32px'));
    expect(await fakeBrowser.storage.local.get('overlay')).toEqual({ overlay: { collapsed: false, offset: { right: 32, bottom: 16 } } });
    overlay.hide();
    await fakeBrowser.storage.local.clear();
  });

  it.each([
    ['UTC when the settings say so', { times: 'utc' }, true],
    ['local time by default', { times: 'local' }, false],
    ['local time for settings saved before the choice existed', { clientId: 'x' }, false],
    ['local time for a malformed value', { times: '<b>utc</b>' }, false],
  ])('formats absolute times in %s', async (_name, settings, utc) => {
    await fakeBrowser.storage.local.set({ settings });
    try {
      const overlay = createOverlayController(fakeClient(), async () => {});
      overlay.show(page, Promise.resolve(found));
      await waitFor(() => expect(shadowText()).toContain('scim.1'));
      expect(shadowText().includes('times in UTC')).toBe(utc);
      overlay.hide();
    } finally {
      await fakeBrowser.storage.local.clear();
    }
  });

  it('on the keyboard shortcut, expands a collapsed overlay, remembers it and moves the focus to its heading', async () => {
    await fakeBrowser.storage.local.set({ overlay: { collapsed: true, offset: null } });
    try {
      const overlay = createOverlayController(fakeClient(), async () => {});
      expect(await overlay.focus()).toBe(false); // nothing shown yet: nothing to focus
      overlay.show(page, Promise.resolve(found));
      await waitFor(() => expect(shadowText()).toContain('Active · scim'));
      expect(await overlay.focus()).toBe(true);
      const root = document.querySelector('provisioning-lens')!.shadowRoot!;
      expect(root.activeElement?.tagName).toBe('H2');
      expect(root.activeElement?.textContent).toBe('Provisioning Lens');
      await waitFor(() => expect(shadowText()).toContain('scim.1'));
      expect(await fakeBrowser.storage.local.get('overlay')).toEqual({ overlay: { collapsed: false, offset: null } });
      overlay.hide();
      expect(await overlay.focus()).toBe(false);
    } finally {
      await fakeBrowser.storage.local.clear();
    }
  });

  it('asks the background itself when the loader had nothing', async () => {
    const client = fakeClient();
    const overlay = createOverlayController(client, async () => {});
    overlay.show(page);
    await waitFor(() => expect(shadowText()).toContain('scim.1'));
    expect(client.lookupJobs).toHaveBeenCalledTimes(1);
    overlay.hide();
  });

  it('keeps relative times true while it stays open', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-28T10:00:10Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const overlay = createOverlayController(fakeClient(), async () => {});
      overlay.show(page, Promise.resolve(found));
      // waitFor polls with the faked setInterval: let the promises settle by hand instead.
      for (let i = 0; i < 50 && !shadowText().includes('Updated'); i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 5)));
      expect(shadowText()).toContain('Updated just now');
      await act(() => {
        vi.advanceTimersByTime(5 * 60_000);
      });
      expect(shadowText()).toContain('Updated 5 min ago');
      overlay.hide();
    } finally {
      vi.useRealTimers();
    }
  });
});
