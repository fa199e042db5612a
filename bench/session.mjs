// One fake cloud and one browser with the production build, set up and signed in exactly as an admin
// would (options page, then the popup's Sign in), with the probe in every page.
import { configureExtension, launchExtension, signInFromPopup } from '../tests/fake-cloud/browser.mjs';
import { appByKey, startFakeCloud } from '../tests/fake-cloud/index.mjs';
import { installProbe } from './probe.mjs';
import { packageWithBarePage } from './bare-page.mjs';

export async function startSession() {
  const cloud = await startFakeCloud();
  // The built package plus the bench's bare page (the popup's floor), in a copy: .output stays as built.
  // The manifest's key pins the extension id, so the copy signs in with the same redirect URI.
  const pkg = packageWithBarePage();
  const h = await launchExtension({ cloud, extensionDir: pkg.dir });
  h.context.setDefaultTimeout(15_000);
  await h.context.addInitScript(installProbe);
  // Copy JSON writes to the clipboard from the portal page's content script.
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://portal.azure.com' });

  await configureExtension(h, cloud.tenant.id);
  cloud.clearLog();
  await signInFromPopup(h, cloud.tenant.admin.upn);
  const signInTokenRequests = cloud.tokenRequests().length;
  const signInGraphRequests = cloud.graphRequests().length;

  return {
    cloud,
    h,
    /** Quarantined, one job: the admin's main case, and the template of every fresh app. */
    template: appByKey(cloud.tenant, 'salesforce-sandbox'),
    signIn: { tokenRequests: signInTokenRequests, graphRequests: signInGraphRequests, grants: { ...cloud.idp.counts } },
    /**
     * The extension's Graph job reads for one service principal since the log was last cleared. Only
     * requests with a bearer token: the bench's own bare fetch of the same URL carries none.
     */
    jobReads: (app) => cloud.graphRequests().filter((e) => /^Bearer /.test(e.headers.authorization ?? '')
      && e.pathname.toLowerCase().includes(`/serviceprincipals/${app.objectId}/synchronization/jobs`)).length,
    async stop() {
      await h.stop();
      await cloud.stop();
      pkg.remove();
    },
  };
}

/** Opens a new tab at `url` and waits for the job `jobId` in the overlay; times are the page's own. */
export async function viewJob(env, url, jobId) {
  const page = await env.h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const seen = await page.evaluate(async (id) => {
    const m = await window.__lensBench.waitFor({ kind: 'job', id });
    return { sinceDcl: m.t - window.__lensBench.dcl(), sinceStart: m.t, quarantine: m.quarantine };
  }, jobId);
  return { page, ...seen };
}

/**
 * The long tasks (≥ 50 ms, the browser's own PerformanceObserver records) the page has seen so far,
 * after giving the render that followed the last mark time to run (its style, layout and paint come
 * after the DOM change the probe stamps).
 */
export function longTasksOf(page, settleMs = 200) {
  return page.evaluate((ms) => new Promise((resolve) => setTimeout(
    () => resolve(window.__lensBench.marks.filter((m) => m.kind === 'longtask').map((m) => Math.round(m.duration))), ms)), settleMs);
}

/** Runs `fn` `warmup + runs` times and keeps the last `runs` results: the first pays one-time costs. */
export async function repeat(runs, warmup, fn) {
  const kept = [];
  for (let i = 0; i < warmup + runs; i++) {
    const r = await fn(i);
    if (i >= warmup) kept.push(r);
  }
  return kept;
}
