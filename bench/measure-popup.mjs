// Popup: opened for the portal tab (popup.html?tab=<id>, as the toolbar would) → the job card shown.
// "From cache": the tab's app was just looked up by the overlay. "Cold": the tab is on an app's
// Overview (no overlay, so no lookup yet) and the popup asks Graph itself.
import { summarize } from './stats.mjs';
import { cloneApp, overviewHash, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { repeat, viewJob } from './session.mjs';

async function tabIdOf(env, page) {
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

export async function measurePopup(env, { runs, warmup }) {
  const results = await repeat(runs, warmup, async () => {
    const seen = cloneApp(env.cloud, env.template);
    const { page } = await viewJob(env, `https://portal.azure.com/${provisioningHash(seen)}`, shownJobId(seen));
    const tabId = await tabIdOf(env, page);
    env.cloud.clearLog();
    const cached = await openPopup(env, tabId, shownJobId(seen));
    const cachedRequests = env.jobReads(seen);

    const unseen = cloneApp(env.cloud, env.template);
    await page.evaluate((hash) => (location.hash = hash), overviewHash(unseen));
    env.cloud.clearLog();
    const cold = await openPopup(env, tabId, shownJobId(unseen));
    const coldRequests = env.jobReads(unseen);
    // Reopened inside the cache window: the popup must not ask Graph again.
    env.cloud.clearLog();
    const reopen = await openPopup(env, tabId, shownJobId(unseen));
    const reopenRequests = env.jobReads(unseen);
    await page.close();
    return { cached, cachedRequests, cold, coldRequests, reopen, reopenRequests };
  });
  const pick = (k) => summarize(results.map((r) => r[k]));
  return {
    fromCache: pick('cached'),
    cold: pick('cold'),
    reopen: pick('reopen'),
    requestsFromCache: pick('cachedRequests'),
    requestsCold: pick('coldRequests'),
    requestsPerReopen: pick('reopenRequests'),
  };
}
