import { createAuthBroker } from '@/lib/auth/broker';
import { createMsalSession } from '@/lib/auth/msal-session';
import { createOffscreenHost } from '@/lib/auth/offscreen-host';
import { registerBackgroundHandlers } from '@/lib/background-handlers';
import { createTabBadges } from '@/lib/badge';
import { handleCommand } from '@/lib/commands';
import { createLookupService } from '@/lib/lookup-service';
import { sendMessage } from '@/lib/protocol';
import { settingsItem } from '@/lib/settings';
import { createTenantService } from '@/lib/tenant/service';

export default defineBackground(() => {
  // MSAL needs a window: Firefox's background page has one; Chrome's service worker borrows the offscreen document's.
  const host = import.meta.env.FIREFOX ? createMsalSession() : createOffscreenHost();
  const auth = createAuthBroker(host, (details) => browser.identity.launchWebAuthFlow(details));
  const redirectUri = browser.identity.getRedirectURL();
  const getSettings = () => settingsItem.getValue();
  const lookup = createLookupService({ getSettings, auth, redirectUri });
  settingsItem.watch(() => lookup.clear());
  const badges = createTabBadges(browser.action ?? browser.browserAction);
  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));
  registerBackgroundHandlers({
    lookup,
    auth,
    getSettings,
    redirectUri,
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    openSettings: () => browser.runtime.openOptionsPage(),
    badges,
    tenant: createTenantService({ getSettings, auth, redirectUri }),
  });
  // The keyboard shortcut: the active tab's overlay expands and takes the focus.
  browser.commands.onCommand.addListener((command, tab) =>
    void handleCommand(command, tab, {
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      focusOverlay: (tabId) => sendMessage('focusOverlay', undefined, tabId),
    }),
  );
});
