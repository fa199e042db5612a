import { createAuthBroker } from '@/lib/auth/broker';
import { createMsalSession } from '@/lib/auth/msal-session';
import { createOffscreenHost } from '@/lib/auth/offscreen-host';
import { registerBackgroundHandlers } from '@/lib/background-handlers';
import { createTabBadges } from '@/lib/badge';
import { handleCommand } from '@/lib/commands';
import { createLookupService } from '@/lib/lookup-service';
import { createFailuresService } from '@/lib/logs/failures-service';
import { storedGrantMemory } from '@/lib/logs/grant-memory';
import { sendMessage } from '@/lib/protocol';
import { createActionService } from '@/lib/actions/action-service';
import { createHistoryWriter } from '@/lib/actions/history';
import { createLedger } from '@/lib/actions/ledger';
import { actionHistoryItem, actionTicketsItem, readSettings, settingsItem, watchPrefsItem } from '@/lib/settings';
import { createWatchService } from '@/lib/watch/service';
import { watchDeps } from '@/lib/watch/browser';
import { createTenantService } from '@/lib/tenant/service';
import { prefillQuery } from '@/lib/setup/prefill';

export default defineBackground(() => {
  // MSAL needs a window: Firefox's background page has one; Chrome's service worker borrows the offscreen document's.
  const host = import.meta.env.FIREFOX ? createMsalSession() : createOffscreenHost();
  const auth = createAuthBroker(host, (details) => browser.identity.launchWebAuthFlow(details));
  const redirectUri = browser.identity.getRedirectURL();
  // Read each time: the organization's policy can change while the browser runs.
  const getSettings = () => readSettings();
  const lookup = createLookupService({ getSettings, auth, redirectUri });
  const failures = createFailuresService({ getSettings, auth, redirectUri, granted: storedGrantMemory() });
  // Cached answers belong to the settings (and policy) they were fetched under.
  const forgetAnswers = () => {
    lookup.clear();
    failures.clear();
  };
  settingsItem.watch(forgetAnswers);
  browser.storage.onChanged.addListener((_, area) => area === 'managed' && forgetAnswers());
  const badges = createTabBadges(browser.action ?? browser.browserAction);
  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));
  const tenant = createTenantService({ getSettings, auth, redirectUri });
  const watch = createWatchService(watchDeps(lookup, browser.action ?? browser.browserAction, (ids) => tenant.checkJobs(ids)));
  // Registered at once, so an alarm that wakes a stopped worker finds its listener.
  browser.alarms.onAlarm.addListener((alarm) => void watch.onAlarm(alarm.name));
  browser.notifications?.onClicked.addListener((id) => void watch.onNotificationClicked(id));
  watchPrefsItem.watch(() => void watch.ensureAlarm());
  void watch.ensureAlarm();
  const ledger = createLedger({ read: () => actionTicketsItem.getValue(), write: (tickets) => actionTicketsItem.setValue(tickets) });
  const actions = createActionService({
    getSettings,
    auth,
    redirectUri,
    ledger,
    record: createHistoryWriter({ read: () => actionHistoryItem.getValue(), write: (list) => actionHistoryItem.setValue(list) }),
  });
  registerBackgroundHandlers({
    lookup,
    failures,
    auth,
    getSettings,
    redirectUri,
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    // A prefill needs the page's URL, which openOptionsPage cannot carry.
    openSettings: (prefill) => {
      const query = prefillQuery(prefill ?? {});
      return query ? browser.tabs.create({ url: browser.runtime.getURL(`/options.html${query}`) }) : browser.runtime.openOptionsPage();
    },
    badges,
    watch,
    actions,
    tenant,
  });
  // The keyboard shortcut: the active tab's overlay expands and takes the focus.
  browser.commands.onCommand.addListener((command, tab) =>
    void handleCommand(command, tab, {
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      focusOverlay: (tabId) => sendMessage('focusOverlay', undefined, tabId),
    }),
  );
});
