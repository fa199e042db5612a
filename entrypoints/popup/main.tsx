import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { createLensClient } from '@/lib/client';
import { sendMessage } from '@/lib/protocol';
import { recentLookupsItem, rememberLookup, settingsItem, timeZoneOf } from '@/lib/settings';

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

Promise.all([tabPage(), settingsItem.getValue(), recentLookupsItem.getValue()]).then(([page, settings, recent]) => {
  render(
    <PopupApp
      client={createLensClient()}
      tabPage={page ?? null}
      cloud={settings.cloud}
      timeZone={timeZoneOf(settings.times)}
      recent={recent}
      onFound={async (entry) => recentLookupsItem.setValue(rememberLookup(await recentLookupsItem.getValue(), entry))}
      copy={(text) => navigator.clipboard.writeText(text)}
    />,
    root,
  );
});
