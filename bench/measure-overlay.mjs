// Overlay latency, SPA navigation and the cold worker: how long the admin waits for the card, always
// with a fresh (uncached) app so the Graph round trip is in the figure, and beside it the round trip
// of a bare fetch of the same Graph URL from the same page, so the ratio survives a noisy machine.
import { summarize } from './stats.mjs';
import { cloneApp, graphJobsUrl, overviewHash, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { longTasksOf, repeat, viewJob } from './session.mjs';

const portalUrl = (app) => `https://portal.azure.com/${provisioningHash(app)}`;
const bareFetch = (page, app) => page.evaluate((url) => window.__lensBench.bareFetch(url), graphJobsUrl(app));
const navigate = (page, hash, spec) => page.evaluate(([h, s]) => window.__lensBench.navigate(h, s), [hash, spec]);

/** DOMContentLoaded → job shown, new tab per run; then a repeat view of the same app (cached, 0 requests). */
export async function measurePageView(env, { delayMs, runs, warmup }) {
  env.cloud.graph.delayMs = delayMs;
  const results = await repeat(runs, warmup, async () => {
    const app = cloneApp(env.cloud, env.template);
    env.cloud.clearLog();
    const first = await viewJob(env, portalUrl(app), shownJobId(app));
    // Long tasks in the portal tab during this view: the page's load, the loader, the UI module, the render.
    const longTasks = await longTasksOf(first.page);
    const bare = await bareFetch(first.page, app);
    const requests = env.jobReads(app);
    await first.page.close();
    // Same app again inside the cache window: no Graph request, and the time without the round trip.
    env.cloud.clearLog();
    const again = await viewJob(env, portalUrl(app), shownJobId(app));
    const repeatRequests = env.jobReads(app);
    await again.page.close();
    return { overlay: first.sinceDcl, bare: bare.ms, bareStatus: bare.status, requests, cached: again.sinceDcl, repeatRequests, longTasks };
  });
  env.cloud.graph.delayMs = 0;
  return summarise(results, delayMs);
}

function summarise(results, delayMs) {
  const overlay = summarize(results.map((r) => r.overlay));
  const bare = summarize(results.map((r) => r.bare));
  const budget = 1.2 * bare.median + 100;
  return {
    delayMs,
    overlay,
    bare,
    bareStatus: [...new Set(results.map((r) => r.bareStatus))],
    ratio: summarize(results.map((r) => r.overlay / r.bare)),
    overhead: summarize(results.map((r) => r.overlay - r.bare)),
    budget: { rule: 'overlay ≤ 1.2 × bare + 100 ms (medians)', limit: Math.round(budget), pass: overlay.median <= budget },
    cached: summarize(results.map((r) => r.cached)),
    requestsPerView: summarize(results.map((r) => r.requests)),
    requestsPerRepeatView: summarize(results.map((r) => r.repeatRequests)),
    // Every long task of every first view, and how many views had one.
    longTasks: { all: results.flatMap((r) => r.longTasks), viewsWithOne: results.filter((r) => r.longTasks.length > 0).length, views: results.length },
  };
}

/**
 * In-portal navigation on one tab: to another (uncached) app's Provisioning page → its job shown; to
 * that app's Overview → overlay gone; back to its Provisioning page (now cached) → shown again.
 */
export async function measureSpa(env, { delayMs, runs, warmup }) {
  env.cloud.graph.delayMs = delayMs;
  let current = cloneApp(env.cloud, env.template);
  const { page } = await viewJob(env, portalUrl(current), shownJobId(current));
  const results = await repeat(runs, warmup, async () => {
    const next = cloneApp(env.cloud, env.template);
    env.cloud.clearLog();
    const update = await navigate(page, provisioningHash(next), { kind: 'job', id: shownJobId(next) });
    const requests = env.jobReads(next);
    const bare = await bareFetch(page, next);
    const gone = await navigate(page, overviewHash(next), { kind: 'host', present: false });
    const back = await navigate(page, provisioningHash(next), { kind: 'job', id: shownJobId(next) });
    current = next;
    return { update, bare: bare.ms, gone, back, requests };
  });
  await page.close();
  env.cloud.graph.delayMs = 0;
  const update = summarize(results.map((r) => r.update));
  const bare = summarize(results.map((r) => r.bare));
  const limit = bare.median + 80;
  return {
    delayMs,
    update,
    bare,
    budget: { rule: 'update ≤ round trip + 80 ms (medians)', limit: Math.round(limit), pass: update.median <= limit },
    gone: summarize(results.map((r) => r.gone)),
    backCached: summarize(results.map((r) => r.back)),
    requestsPerNavigation: summarize(results.map((r) => r.requests)),
  };
}

/** The worker stopped as Chrome stops an idle one, then a hash navigation to an uncached app. */
export async function measureColdWorker(env, { runs, warmup }) {
  let current = cloneApp(env.cloud, env.template);
  const { page } = await viewJob(env, portalUrl(current), shownJobId(current));
  const results = await repeat(runs, warmup, async () => {
    const next = cloneApp(env.cloud, env.template);
    await env.h.stopServiceWorker();
    env.cloud.clearLog();
    const shown = await navigate(page, provisioningHash(next), { kind: 'job', id: shownJobId(next) });
    const bare = await bareFetch(page, next);
    return { shown, bare: bare.ms, requests: env.jobReads(next), tokens: env.cloud.tokenRequests().length };
  });
  await page.close();
  return {
    shown: summarize(results.map((r) => r.shown)),
    bare: summarize(results.map((r) => r.bare)),
    requestsPerView: summarize(results.map((r) => r.requests)),
    tokenRequestsPerWake: summarize(results.map((r) => r.tokens)),
  };
}
