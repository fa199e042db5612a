/**
 * The keyboard shortcut (the manifest's `commands`): on the portal the overlay comes after every
 * portal control in Tab order, so one key brings focus there. Chrome and Firefox let the admin change
 * the key; this is the suggested one, the one the overlay names in its title.
 */
export const FOCUS_OVERLAY_COMMAND = 'focus-overlay';
export const FOCUS_OVERLAY_KEY = 'Alt+Shift+L';

/** The manifest's `commands` entry. */
export const MANIFEST_COMMANDS = {
  [FOCUS_OVERLAY_COMMAND]: {
    suggested_key: { default: FOCUS_OVERLAY_KEY },
    description: 'Show the Provisioning Lens overlay and move the focus into it',
  },
};

export interface CommandDeps {
  /** The active tab of the focused window, when the browser did not pass it with the command. */
  activeTabId(): Promise<number | undefined>;
  /** Asks that tab's content script to expand the overlay and focus it; true when there was one. */
  focusOverlay(tabId: number): Promise<boolean>;
}

/**
 * What the background does with a command. Resolves to whether an overlay took the focus; a tab
 * without our content script (a page that is not the portal) refuses the message, which is no error.
 */
export async function handleCommand(command: string, tab: { id?: number } | undefined, deps: CommandDeps): Promise<boolean> {
  if (command !== FOCUS_OVERLAY_COMMAND) return false;
  const tabId = tab?.id ?? (await deps.activeTabId());
  if (tabId === undefined || tabId < 0) return false;
  return deps.focusOverlay(tabId).catch(() => false);
}
