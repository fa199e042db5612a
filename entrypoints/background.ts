import { createAuthBroker } from '@/lib/auth/broker';
import { createMsalSession } from '@/lib/auth/msal-session';
import { createOffscreenHost } from '@/lib/auth/offscreen-host';
import { registerBackgroundHandlers } from '@/lib/background-handlers';
import { handleCommand } from '@/lib/commands';
import { createLookupService } from '@/lib/lookup-service';
import { createFailuresService } from '@/lib/logs/failures-service';
import { storedGrantMemory } from '@/lib/logs/grant-memory';
import { sendMessage } from '@/lib/protocol';
import { settingsItem } from '@/lib/settings';

export default defineBackground(() => {
  // MSAL needs a window: Firefox's background page has one; Chrome's service worker borrows the offscreen document's.
  const host = import.meta.env.FIREFOX ? createMsalSession() : createOffscreenHost();
  const auth = createAuthBroker(host, (details) => browser.identity.launchWebAuthFlow(details));
  const redirectUri = browser.identity.getRedirectURL();
  const getSettings = () => settingsItem.getValue();
  const lookup = createLookupService({ getSettings, auth, redirectUri });
  const failures = createFailuresService({ getSettings, auth, redirectUri, granted: storedGrantMemory() });
  settingsItem.watch(() => {
    lookup.clear();
    failures.clear();
  });
  registerBackgroundHandlers({
    lookup,
    failures,
    auth,
    getSettings,
    redirectUri,
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    openSettings: () => browser.runtime.openOptionsPage(),
  });
  // The keyboard shortcut: the active tab's overlay expands and takes the focus.
  browser.commands.onCommand.addListener((command, tab) =>
    void handleCommand(command, tab, {
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      focusOverlay: (tabId) => sendMessage('focusOverlay', undefined, tabId),
    }),
  );
});
