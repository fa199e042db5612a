import { describe, expect, it, vi } from 'vitest';
import { FOCUS_OVERLAY_COMMAND, FOCUS_OVERLAY_KEY, handleCommand, MANIFEST_COMMANDS } from '@/lib/commands';

function deps(answer: Promise<boolean> = Promise.resolve(true), active: { id?: number } = { id: 7 }) {
  return { activeTabId: vi.fn(async () => active.id), focusOverlay: vi.fn(() => answer) };
}

describe('the keyboard shortcut', () => {
  it('is declared with a suggested key, the one the overlay names', () => {
    expect(MANIFEST_COMMANDS[FOCUS_OVERLAY_COMMAND].suggested_key.default).toBe(FOCUS_OVERLAY_KEY);
    expect(FOCUS_OVERLAY_KEY).toBe('Alt+Shift+L');
  });

  it('asks the tab the browser passed with the command', async () => {
    const d = deps();
    expect(await handleCommand(FOCUS_OVERLAY_COMMAND, { id: 3 }, d)).toBe(true);
    expect(d.focusOverlay).toHaveBeenCalledWith(3);
    expect(d.activeTabId).not.toHaveBeenCalled();
  });

  it('falls back to the active tab', async () => {
    const d = deps();
    expect(await handleCommand(FOCUS_OVERLAY_COMMAND, undefined, d)).toBe(true);
    expect(d.focusOverlay).toHaveBeenCalledWith(7);
  });

  it('does nothing for other commands, or without a tab', async () => {
    const d = deps(Promise.resolve(true), {});
    expect(await handleCommand('_execute_action', { id: 3 }, d)).toBe(false);
    expect(await handleCommand(FOCUS_OVERLAY_COMMAND, undefined, d)).toBe(false);
    expect(await handleCommand(FOCUS_OVERLAY_COMMAND, { id: -1 }, d)).toBe(false);
    expect(d.focusOverlay).not.toHaveBeenCalled();
  });

  it('takes a tab without the content script (not the portal) in its stride', async () => {
    const d = deps(Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await handleCommand(FOCUS_OVERLAY_COMMAND, { id: 3 }, d)).toBe(false);
  });
});
