// Tenant scan at scale: requests and wall time to scan 1,000 and 10,000 fake apps with Graph at
// +50 ms per request, against the floor; the same with 10 % of inner requests throttled
// (Retry-After: 1); the page's peak JS heap and its longest main-thread task while results stream.
// Run alone: `node bench/measure-tenant.mjs` (after `npx wxt build`); `npm run bench` runs it too.
// Figures only: nothing here passes or fails.
import { configureExtension, launchExtension, signInFromPopup } from '../tests/fake-cloud/browser.mjs';
import { addGeneratedApps, startFakeCloud, throttleShare } from '../tests/fake-cloud/index.mjs';
import { round, table } from './stats.mjs';

// BENCH_TENANT_DELAY_MS: another delay (0 shows what the extension and the fake cost on their own).
const DELAY_MS = Number(process.env.BENCH_TENANT_DELAY_MS ?? 50);
/** lib/tenant/scan.ts DEFAULT_CONCURRENCY: batches in flight. */
const CONCURRENCY = Number(process.env.BENCH_TENANT_CONCURRENCY ?? 4);
const BATCH = 20;
const PAGE = 999;

/** Long tasks as the page sees them (≥ 50 ms by definition of the API), from before any script runs. */
function installLongTaskProbe() {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
}

/** Round trip of one Graph request at the fake's delay, from Node: the floor's unit. */
async function roundTrip(cloud, token) {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await cloud.fetch('https://graph.microsoft.com/v1.0/servicePrincipals?$top=1', { headers: { authorization: `Bearer ${token}` } });
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[3];
}

async function scanOnce({ apps, withJobs, throttle }) {
  const cloud = await startFakeCloud();
  addGeneratedApps(cloud.tenant, { count: apps - cloud.tenant.apps.length, withJobs, quarantined: Math.round(withJobs / 10) });
  const h = await launchExtension({ cloud });
  try {
    h.context.setDefaultTimeout(120_000);
    await h.context.addInitScript(installLongTaskProbe);
    await configureExtension(h, cloud.tenant.id);
    await signInFromPopup(h, cloud.tenant.admin.upn);
    const token = cloud.idp.issueTokens({ scope: 'https://graph.microsoft.com/Application.Read.All' }).access_token;
    cloud.graph.delayMs = DELAY_MS;
    const rt = await roundTrip(cloud, token);
    if (throttle) cloud.graph.batch.inner = throttleShare({ share: 0.1, retryAfter: '1' });
    const page = await h.page('tenant.html');
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let peakHeap = heapBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }));
        peakHeap = Math.max(peakHeap, usedSize);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    cloud.clearLog();
    // Both ends on the page's own clock: the click as the page saw it, and the moment the scan's
    // summary appeared (a mutation observer; Playwright's waitFor polls every 500 ms after a while).
    await page.evaluate(() => {
      document.addEventListener('click', () => (window.__clickAt ??= performance.now()), { capture: true });
      window.__doneAt = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="scan-meta"]')) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true });
      });
    });
    await page.getByRole('button', { name: 'Scan tenant' }).click();
    const ended = await page.evaluate(() => window.__doneAt);
    const started = await page.evaluate(() => window.__clickAt);
    sampling = false;
    await sampler;
    const longTasks = await page.evaluate((t0) => window.__longTasks.filter((e) => e.start >= t0), started);
    const graph = cloud.graphRequests();
    const pages = graph.filter((e) => /\/servicePrincipals$/i.test(e.pathname)).length;
    const batches = graph.filter((e) => e.pathname.endsWith('/$batch')).length;
    const inner = graph.reduce((n, e) => n + (e.inner?.length ?? 0), 0);
    const jobsShown = await page.locator('.pl-tenant-table tbody tr').count();
    const floorMs = (Math.ceil(apps / PAGE) + Math.ceil(apps / BATCH) / CONCURRENCY) * rt;
    const wallMs = ended - started;
    return {
      apps, withJobs, throttled: throttle ? '10 % (Retry-After 1)' : 'none',
      requests: graph.length, pages, batches, innerRequests: inner, inner429: cloud.graph.batch.counts[429] ?? 0,
      roundTripMs: round(rt), floorMs: Math.round(floorMs), wallMs: Math.round(wallMs), vsFloor: round(wallMs / floorMs, 2),
      peakHeapMB: round((peakHeap) / 2 ** 20, 1), heapBeforeMB: round(heapBefore / 2 ** 20, 1),
      longestTaskMs: longTasks.length ? round(Math.max(...longTasks.map((t) => t.duration))) : '< 50 (none reported)',
      longTasks: longTasks.length, rowsShownOfJobs: `${jobsShown} rows rendered`,
      // Where in the scan each long task fell (ms after Scan tenant): streaming, or the save at the end.
      longTaskStartsMs: longTasks.map((t) => `${Math.round(t.start - started)}+${Math.round(t.duration)}`),
    };
  } finally {
    await h.stop();
    await cloud.stop();
  }
}

export async function measureTenant({ log = () => {}, sizes = [1000, 10000] } = {}) {
  const runs = [];
  for (const [apps, withJobs] of sizes.map((n) => [n, Math.round(n * 0.03)])) {
    for (const throttle of process.env.BENCH_TENANT_THROTTLE === "0" ? [false] : [false, true]) {
      log(`tenant scan: ${apps} apps, ${throttle ? '10 % inner 429' : 'no throttling'}`);
      runs.push(await scanOnce({ apps, withJobs, throttle }));
    }
  }
  return runs;
}

export function printTenant(runs) {
  console.log(`\nTenant scan (Graph +${DELAY_MS} ms per request; floor = (list pages + ⌈apps/20⌉ / ${CONCURRENCY} batches in flight) × round trip)`);
  console.log(table(
    ['apps', 'throttled', 'requests', 'pages', 'batches', 'inner 429', 'wall ms', 'floor ms', '× floor', 'peak heap MB', 'longest task ms'],
    runs.map((r) => [r.apps, r.throttled, r.requests, r.pages, r.batches, r.inner429, r.wallMs, r.floorMs, r.vsFloor, r.peakHeapMB, r.longestTaskMs]),
  ));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `node bench/measure-tenant.mjs 10000`: one size only.
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const runs = await measureTenant({ log: (m) => process.stderr.write(`[bench] ${m}\n`), ...(sizes.length ? { sizes } : {}) });
  printTenant(runs);
  console.log(JSON.stringify(runs, null, 2));
}
