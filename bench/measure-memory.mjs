// Memory: the content script lives as long as the portal tab (hours), following every in-portal
// navigation. Heap and DOM counters after 10 navigations vs after 200 show whether each navigation
// leaves something behind (listeners, nodes, rendered trees, timers' closures).
import { cloneApp, overviewHash, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { viewJob } from './session.mjs';

/** Forced GC, then V8's heap of the tab's isolate (page + content script's isolated world) and DOM counters. */
async function snapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heapUsedKB: Math.round(heap.usedSize / 1024), heapTotalKB: Math.round(heap.totalSize / 1024), nodes: dom.nodes, jsEventListeners: dom.jsEventListeners, documents: dom.documents };
}

/** `count` navigations inside the page, round-robin over `apps`, each waiting for its job to show. */
function navigateAround(page, apps, count, offset) {
  const plan = Array.from({ length: count }, (_, i) => {
    const app = apps[(offset + i) % apps.length];
    return [provisioningHash(app), shownJobId(app)];
  });
  return page.evaluate(async (steps) => {
    for (const [hash, id] of steps) await window.__lensBench.navigate(hash, { kind: 'job', id });
  }, plan);
}

export async function measureMemory(env, { early = 10, late = 200 } = {}) {
  const apps = Array.from({ length: 4 }, () => cloneApp(env.cloud, env.template));
  const { page } = await viewJob(env, `https://portal.azure.com/${provisioningHash(apps[0])}`, shownJobId(apps[0]));
  const cdp = await env.h.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await navigateAround(page, apps, early, 1);
  const afterEarly = await snapshot(cdp);
  const t0 = performance.now();
  await navigateAround(page, apps, late - early, 1 + early);
  const loopMs = performance.now() - t0;
  const afterLate = await snapshot(cdp);
  // Leave for a non-provisioning page: the overlay unmounts; its nodes and listeners should go with it.
  await page.evaluate((hash) => window.__lensBench.navigate(hash, { kind: 'host', present: false }), overviewHash(apps[0]));
  const afterLeave = await snapshot(cdp);
  await cdp.detach();
  await page.close();
  const delta = Object.fromEntries(Object.keys(afterEarly).map((k) => [k, afterLate[k] - afterEarly[k]]));
  return { early, late, afterEarly, afterLate, delta, afterLeave, msPerNavigation: Math.round((loopMs / (late - early)) * 10) / 10 };
}
