import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { createLensClient } from '@/lib/client';
import { sendMessage } from '@/lib/protocol';
import { readRecentLookups, recentLookupsItem, rememberLookup, settingsItem, timeZoneOf, type RecentLookup } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root';

/** The tab to read: `?tab=` when popup.html is opened as a page for another tab, else the active one. */
async function tabPage() {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(param) && param > 0 ? param : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  // Tabs without our content script (any non-portal page) do not answer: that is "no page".
  return sendMessage('getPortalPage', undefined, tabId).catch(() => null);
}

Promise.all([tabPage(), settingsItem.getValue(), readRecentLookups()]).then(([page, settings, initialRecent]) => {
  const client = createLensClient();
  // Rendered again with the new list after each lookup that found jobs: "Look up another job" shows it.
  const show = (recent: readonly RecentLookup[]) =>
    render(
      <PopupApp
        client={client}
        tabPage={page ?? null}
        cloud={settings.cloud}
        timeZone={timeZoneOf(settings.times)}
        recent={recent}
        onFound={async (entry) => {
          const list = rememberLookup(await readRecentLookups(), entry);
          await recentLookupsItem.setValue(list);
          show(list);
        }}
        copy={(text) => navigator.clipboard.writeText(text)}
        onOpenTenant={() => void browser.tabs.create({ url: browser.runtime.getURL('/tenant.html') }).then(() => window.close())}
      />,
      root,
    );
  show(initialRecent);
});
