import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '@/components/OptionsForm';
import { DEFAULT_SETTINGS, validateSettings } from '@/lib/settings';
import { onSettingsChanged, readOverlayStorage } from '@/lib/overlay-placement';
import { fakeBrowser } from 'wxt/testing/fake-browser';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

const VALID = { clientId: '11111111-2222-4333-8444-555555555555', tenant: 'organizations', cloud: 'global' };

describe('Allow job actions (the opt-in)', () => {
  it('is off by default and turned on only by a real true', () => {
    expect(DEFAULT_SETTINGS.allowJobActions).toBeUndefined();
    const on = (allowJobActions: unknown) => {
      const result = validateSettings({ ...VALID, allowJobActions });
      return result.ok && result.settings.allowJobActions === true;
    };
    expect(on(true)).toBe(true);
    for (const value of [undefined, false, 'true', 1, 'on', {}]) expect(on(value)).toBe(false);
  });

  it('the options page says what it allows and which permission it asks for, and saves it', async () => {
    const onSave = vi.fn(async () => {});
    render(<OptionsForm initial={{ ...DEFAULT_SETTINGS, ...VALID, cloud: 'global' }} onSave={onSave} />);
    const box = screen.getByRole('checkbox', { name: 'Allow job actions' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/Off by default.*Restart, Start and Pause.*Synchronization\.ReadWrite\.All/s);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ allowJobActions: true })));
  });

  it('the overlay reads it from the stored settings, off unless exactly true', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...VALID, allowJobActions: 'true' } });
    expect((await readOverlayStorage()).actionsAllowed).toBeUndefined();
    await fakeBrowser.storage.local.set({ settings: { ...VALID, allowJobActions: true } });
    expect((await readOverlayStorage()).actionsAllowed).toBe(true);
  });

  it('an open overlay hears of a settings change (and of nothing else)', async () => {
    const heard = vi.fn();
    onSettingsChanged(heard);
    await fakeBrowser.storage.local.set({ overlay: { collapsed: true, offset: null } });
    expect(heard).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ settings: { ...VALID, allowJobActions: true } });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
