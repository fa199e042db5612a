// "Where the time goes", from the browser's own instruments rather than guesses: a CPU profile
// (V8 sampling profiler) of the portal tab's isolate — page and content script share it — and a
// Chromium trace of the same page view, which also sees the extension's worker, the offscreen
// document and the browser process.
import { round } from './stats.mjs';
import { cloneApp, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { BARE_PAGE } from './bare-page.mjs';
import { tabIdOf } from './measure-popup.mjs';
import { viewJob } from './session.mjs';

const CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8', 'blink.user_timing', '__metadata'];

async function readStream(cdp, handle) {
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return JSON.parse(text).traceEvents ?? JSON.parse(text);
}

/**
 * Runs `act(page)` under the profiler and the tracer, on a new tab (already at `openAt` when given,
 * so an in-portal navigation can be profiled alone). `act` returns the page-clock figures to print.
 */
async function profiled(env, { label, openAt, prepare, act, cpu = true }) {
  const page = await env.h.context.newPage();
  if (openAt) await page.goto(openAt.url, { waitUntil: 'domcontentloaded' });
  if (openAt) await page.evaluate((id) => window.__lensBench.waitFor({ kind: 'job', id }), openAt.jobId);
  if (prepare) await prepare(page);
  const cdp = await env.h.context.newCDPSession(page);
  if (cpu) await cdp.send('Profiler.enable');
  if (cpu) await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const traceDone = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
  if (cpu) await cdp.send('Profiler.start');
  const from = await page.evaluate(() => window.__lensBench.marks.length).catch(() => 0);

  const figures = await act(page);

  const longTasks = await page.evaluate((f) => window.__lensBench.marks.filter((m) => m.kind === 'longtask' && m.i >= f).map((m) => ({ at: Math.round(m.t), ms: Math.round(m.duration) })), openAt ? from : 0);
  const profile = cpu ? (await cdp.send('Profiler.stop')).profile : null;
  await cdp.send('Tracing.end');
  const { stream } = await traceDone;
  const trace = await readStream(cdp, stream);
  await cdp.detach();
  await page.close();
  return { label, figures, longTasks, topSelf: profile ? topSelfTime(profile) : [], ...threadSummary(trace) };
}

const waitJob = (page, id) => page.evaluate((i) => window.__lensBench.waitFor({ kind: 'job', id: i }).then((m) => Math.round(m.t - window.__lensBench.dcl())), id);

async function clickCopyJson(page) {
  const from = await page.evaluate(() => window.__lensBench.marks.length);
  await page.locator('provisioning-lens').getByRole('button', { name: 'Copy JSON' }).click();
  return page.evaluate(async (f) => {
    const [a, b] = await Promise.all([window.__lensBench.waitFor({ kind: 'click', from: f }), window.__lensBench.waitFor({ kind: 'copied', from: f })]);
    return Math.round(b.t - a.t);
  }, from);
}

/**
 * The page view split at the moment the worker's Graph request reached the fake cloud. The page's
 * clock (timeOrigin + now) and the server's Date.now() are the same machine's wall clock, so this
 * needs no trace of the worker: before = content script start, messaging, token; after = the answer's
 * way back, the UI module (if still loading) and the render.
 */
async function graphPhases(env, page, app) {
  const entry = env.cloud.graphRequests().find((e) => /^Bearer /.test(e.headers.authorization ?? '') && e.pathname.toLowerCase().includes(app.objectId));
  if (!entry) return {};
  const { origin, dcl, shown } = await page.evaluate((id) => ({
    origin: performance.timeOrigin, dcl: window.__lensBench.dcl(), shown: window.__lensBench.marks.find((m) => m.kind === 'job' && m.id === id).t,
  }), shownJobId(app));
  const at = Date.parse(entry.time);
  return { 'DCL → Graph request at the server': Math.round(at - (origin + dcl)), 'Graph request → shown': Math.round(origin + shown - at) };
}

/** A new tab at a fresh app's Provisioning page (Graph at once); with `copy`, then a Copy JSON click. */
export function profilePageView(env, { label, jobs, copy = false }) {
  const app = cloneApp(env.cloud, env.template, jobs ? { jobs } : {});
  return profiled(env, {
    label,
    async act(page) {
      await page.goto(`https://portal.azure.com/${provisioningHash(app)}`, { waitUntil: 'domcontentloaded' });
      const figures = { 'DCL → shown': await waitJob(page, shownJobId(app)), ...(await graphPhases(env, page, app)) };
      if (copy) figures['Copy JSON → feedback'] = await clickCopyJson(page);
      return figures;
    },
  });
}

/** An in-portal navigation from a shown app to a fresh one, then back to the first (cached). */
export function profileSpa(env, { label }) {
  const [a, b] = [cloneApp(env.cloud, env.template), cloneApp(env.cloud, env.template)];
  const nav = (page, app) => page.evaluate(([h, id]) => window.__lensBench.navigate(h, { kind: 'job', id }).then(Math.round), [provisioningHash(app), shownJobId(app)]);
  return profiled(env, {
    label,
    openAt: { url: `https://portal.azure.com/${provisioningHash(a)}`, jobId: shownJobId(a) },
    async act(page) {
      return { 'hash → new app shown': await nav(page, b), 'hash → back (cached) shown': await nav(page, a) };
    },
  });
}

/**
 * The popup from cache, for the portal tab that just showed the job. The tab starts on the bench's
 * bare page, an extension page: the popup then loads in the extension's renderer process the profiler
 * is already attached to — the process the offscreen document (MSAL) shares, so its work on that main
 * thread is in the CPU profile too. Figures are the popup's own clock from its navigation start.
 */
export async function profilePopup(env, { label }) {
  const app = cloneApp(env.cloud, env.template);
  const { page: portal } = await viewJob(env, `https://portal.azure.com/${provisioningHash(app)}`, shownJobId(app));
  const tabId = await tabIdOf(env, portal);
  const url = `${env.h.extensionOrigin}/popup.html?tab=${tabId}`;
  const result = await profiled(env, {
    label,
    // The trace only: starting V8's sampling profiler in the extension's process logs every function
    // of every context there (MSAL's in the offscreen document), 140 ms on the popup's own thread.
    cpu: false,
    prepare: (page) => page.goto(`${env.h.extensionOrigin}/${BARE_PAGE}`, { waitUntil: 'load' }),
    async act(page) {
      await page.goto(url, { waitUntil: 'commit' });
      return page.evaluate(async (id) => {
        const shown = (await window.__lensBench.waitFor({ kind: 'job', id })).t;
        const nav = performance.getEntriesByType('navigation')[0];
        const r = Math.round;
        return {
          'nav → response end': r(nav.responseEnd),
          'nav → HTML parsed (domInteractive)': r(nav.domInteractive),
          'nav → DOMContentLoaded (modules run)': r(nav.domContentLoadedEventEnd),
          'nav → job shown': r(shown),
        };
      }, shownJobId(app));
    },
  });
  await portal.close();
  return result;
}

/** Self time per function from the sampled profile (sample gaps in µs), heaviest first. */
export function topSelfTime(profile, limit = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? url.replace(/^.*\//, '') : '';
    // line:column, because the build is minified: the column finds the function in the built file.
    const { columnNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, ms]) => ({ fn, ms: round(ms), share: `${Math.round((ms / total) * 100)}%` }));
}

/**
 * Per thread of the trace (`busy`, and the names of the `quiet` ones): busy time (top-level tasks), tasks over 50 ms, and the event names with the
 * most self time. Threads that did almost nothing are left out.
 */
export function threadSummary(events, minBusyMs = 2) {
  const names = new Map();
  const labels = new Map();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
    if (e.name === 'process_labels') labels.set(e.pid, e.args.labels);
    if (e.name === 'process_name' && !labels.has(e.pid)) labels.set(e.pid, e.args.name);
  }
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const out = [];
  const idle = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tasks = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
    const busy = mergedDuration(tasks) / 1000;
    if (busy < minBusyMs && !/ServiceWorker/i.test(names.get(key) ?? '')) { idle.push(`${labels.get(Number(key.split(':')[0])) ?? 'process'} / ${names.get(key) ?? key}`); continue; }
    out.push({
      thread: `${labels.get(Number(key.split(':')[0])) ?? 'process'} / ${names.get(key) ?? key}`,
      busyMs: round(busy),
      longTasks: tasks.filter((t) => t.dur > 50_000).map((t) => round(t.dur / 1000)),
      topSelf: selfByName(list).slice(0, 6),
    });
  }
  // The busiest few, plus the extension's worker however idle it was: it is half of every lookup.
  out.sort((a, b) => b.busyMs - a.busyMs);
  return { busy: out.filter((t, i) => i < 6 || /ServiceWorker/i.test(t.thread)), quiet: idle };
}

function mergedDuration(tasks) {
  let total = 0;
  let end = -Infinity;
  for (const t of tasks) {
    const s = Math.max(t.ts, end);
    const e = t.ts + t.dur;
    if (e > s) total += e - s;
    end = Math.max(end, e);
  }
  return total;
}

/** Self time by event name: each event's duration minus its direct children's (events nest by time on a thread). */
function selfByName(sorted) {
  const self = new Map();
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of sorted) {
    close(e.ts);
    const parent = stack.at(-1);
    const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile'
      ? `${e.name} ${(e.args?.data?.url ?? e.args?.data?.functionName ?? '').replace(/^.*\//, '')}`.trim()
      : e.name;
    self.set(label, (self.get(label) ?? 0) + e.dur);
    if (parent) self.set(parent.label, self.get(parent.label) - Math.min(e.dur, parent.end - e.ts));
    stack.push({ end: e.ts + e.dur, label });
  }
  return [...self.entries()]
    .filter(([name]) => !/RunTask$/.test(name))
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, ms: round(us / 1000) }))
    .filter((x) => x.ms >= 0.5);
}
