// Popup: opened for the portal tab (popup.html?tab=<id>, as the toolbar would) → the job card shown.
// "From cache": the tab's app was just looked up by the overlay. "Cold": the tab is on an app's
// Overview (no overlay, so no lookup yet) and the popup asks Graph itself.
// The floor, in the same runs: the bench's bare page of the same package (bench/bare-page.mjs), opened
// the same way, until its one script has put the job id on the page; and, for the cold popup, a bare
// fetch of the same Graph URL from that page (the round trip with no token, so a 401).
import { summarize } from './stats.mjs';
import { BARE_PAGE } from './bare-page.mjs';
import { cloneApp, graphJobsUrl, overviewHash, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { repeat, viewJob } from './session.mjs';

export async function tabIdOf(env, page) {
  await page.bringToFront();
  if (env.h.serviceWorkerStatus() !== 'running') await env.h.startServiceWorker();
  return env.h.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

/** Opens the popup for `tabId`; ms from the popup's navigation start until job `jobId` is shown. */
async function openPopup(env, tabId, jobId) {
  const popup = await env.h.page(`popup.html?tab=${tabId}`, { waitUntil: 'commit' });
  const ms = await popup.evaluate(async (id) => (await window.__lensBench.waitFor({ kind: 'job', id })).t, jobId);
  await popup.close();
  return ms;
}

/** The bare page, opened like the popup: ms to its job id on the page, then a bare round trip to `url`. */
async function openBare(env, jobId, url) {
  const bare = await env.h.page(`${BARE_PAGE}?job=${encodeURIComponent(jobId)}`, { waitUntil: 'commit' });
  const ms = await bare.evaluate(async (id) => (await window.__lensBench.waitFor({ kind: 'job', id })).t, jobId);
  const fetched = await bare.evaluate((u) => window.__lensBench.bareFetch(u), url);
  await bare.close();
  return { ms, roundTrip: fetched.ms };
}

export async function measurePopup(env, { runs, warmup }) {
  const results = await repeat(runs, warmup, async () => {
    const seen = cloneApp(env.cloud, env.template);
    const { page } = await viewJob(env, `https://portal.azure.com/${provisioningHash(seen)}`, shownJobId(seen));
    const tabId = await tabIdOf(env, page);
    env.cloud.clearLog();
    const cached = await openPopup(env, tabId, shownJobId(seen));
    const cachedRequests = env.jobReads(seen);
    // The same, once the portal tab has finished drawing the card (its style, layout and paint run
    // after the DOM change the probe stamps): on 2 cores the first popup shares them.
    await page.waitForTimeout(300);
    const settled = await openPopup(env, tabId, shownJobId(seen));

    const unseen = cloneApp(env.cloud, env.template);
    await page.evaluate((hash) => (location.hash = hash), overviewHash(unseen));
    // The floor between the popups, under the same conditions (the portal tab idle, the worker up).
    const bare = await openBare(env, shownJobId(unseen), graphJobsUrl(unseen));
    env.cloud.clearLog();
    const cold = await openPopup(env, tabId, shownJobId(unseen));
    const coldRequests = env.jobReads(unseen);
    // Reopened inside the cache window: the popup must not ask Graph again.
    env.cloud.clearLog();
    const reopen = await openPopup(env, tabId, shownJobId(unseen));
    const reopenRequests = env.jobReads(unseen);
    await page.close();
    return { cached, settled, cachedRequests, cold, coldRequests, reopen, reopenRequests, bare: bare.ms, bareRoundTrip: bare.roundTrip };
  });
  const pick = (k) => summarize(results.map((r) => r[k]));
  return {
    fromCache: pick('cached'),
    fromCacheSettled: pick('settled'),
    cold: pick('cold'),
    reopen: pick('reopen'),
    bare: pick('bare'),
    bareRoundTrip: pick('bareRoundTrip'),
    requestsFromCache: pick('cachedRequests'),
    requestsCold: pick('coldRequests'),
    requestsPerReopen: pick('reopenRequests'),
  };
}
