import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { createLensClient, primedClient } from '@/lib/client';
import { queryOfPage } from '@/lib/portal-url';
import { sendMessage } from '@/lib/protocol';
import { readRecentLookups, readSettings, recentLookupsItem, rememberLookup, timeZoneOf, type RecentLookup } from '@/lib/settings';

// Everything the first useful paint needs is asked for at once, in parallel, before any render:
// the account (the worker answers from the session it knows), the tab's page and then its job (from
// the worker's cache when the overlay just looked it up), the settings and the recent lookups.
const base = createLensClient();
const auth = base.getAuthState();

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

const page = tabPage();
// The tab's job is asked for as soon as the tab names its app, not after the settings and the first render.
const lookup = page.then((p) => {
  const query = p && queryOfPage(p);
  return query ? { query, answer: base.lookupJobs(query) } : undefined;
});

Promise.all([page, readSettings(), readRecentLookups(), lookup]).then(([page, settings, initialRecent, primed]) => {
  const client = primedClient(base, auth, primed);
  // Rendered again with the new list after each lookup that found jobs: "Look up another job" shows it.
  const show = (recent: readonly RecentLookup[]) =>
    render(
      <PopupApp
        client={client}
        tabPage={page ?? null}
        cloud={settings.cloud}
        timeZone={timeZoneOf(settings.times)}
        actionsAllowed={settings.allowJobActions === true}
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
