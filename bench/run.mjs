// `npm run bench`: builds the production extension for Chrome and Firefox, weighs it, then drives the
// Chrome build in headless Chromium against the fake cloud and prints median/min/max of each measure.
// The same figures go to bench/results.json so two runs (two commits) can be compared.
// BENCH_RUNS=n changes the number of kept runs per measure (default 10, after one warm-up).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureWeight } from './measure-weight.mjs';
import { measureColdWorker, measurePageView, measureSpa } from './measure-overlay.mjs';
import { measurePopup } from './measure-popup.mjs';
import { measureLogs } from './measure-logs.mjs';
import { measureMemory } from './measure-memory.mjs';
import { fiftyJobs, measureLarge } from './measure-large.mjs';
import { profilePageView, profilePopup, profileSpa } from './measure-profile.mjs';
import { computeTargets } from './targets.mjs';
import { startSession } from './session.mjs';
import { printReport } from './report.mjs';
import { measureTenant, printTenant } from './measure-tenant.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 1;
const started = Date.now();
const step = (what) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}\n`);

function build() {
  // The production build, unchanged, for both browsers: what the weight and every timing are about.
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    step(`npx ${args.join(' ')}`);
    execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

function environment(executablePath) {
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
  return {
    date: new Date().toISOString(),
    chromium: sh(executablePath, ['--version']),
    node: process.version,
    gitHead: sh('git', ['rev-parse', 'HEAD']),
    gitDirty: sh('git', ['status', '--porcelain', '--', 'lib', 'components', 'entrypoints', 'wxt.config.ts']) !== '',
    runs: RUNS,
    warmup: WARMUP,
  };
}

async function main() {
  build();
  step('weighing .output/chrome-mv3 and .output/firefox-mv2');
  const weight = measureWeight([resolve('.output/chrome-mv3'), resolve('.output/firefox-mv2')]);

  step('fake cloud, browser, set up and sign in');
  const env = await startSession();
  const results = { env: environment(env.h.executablePath), weight, signIn: env.signIn };
  const opts = { runs: RUNS, warmup: WARMUP };
  try {
    step('overlay page views (Graph at once)');
    results.overlay = [await measurePageView(env, { ...opts, delayMs: 0 })];
    step('overlay page views (Graph +150 ms)');
    results.overlay.push(await measurePageView(env, { ...opts, delayMs: 150 }));
    step('SPA navigation');
    results.spa = [await measureSpa(env, { ...opts, delayMs: 0 }), await measureSpa(env, { ...opts, delayMs: 150 })];
    step('cold worker');
    results.coldWorker = await measureColdWorker(env, opts);
    step('popup');
    results.popup = await measurePopup(env, opts);
    step('recent failures: 1,000 log records, 10,000-record digest');
    results.logs = await measureLogs(env, opts);
    step('memory: 10 vs 200 navigations');
    results.memory = await measureMemory(env);
    step('large data: 50 jobs, 1 MB message');
    results.large = await measureLarge(env, opts);
    step('profiles');
    results.profiles = [
      await profilePageView(env, { label: 'one overlay page view (1 job, Graph at once)' }),
      await profileSpa(env, { label: 'SPA: to a new app, then back (cached)' }),
      await profilePageView(env, { label: '50 jobs: one page view', jobs: fiftyJobs(env.template) }),
      await profilePageView(env, { label: '1 MB error message: page view + Copy JSON', jobs: largeJobs(env), copy: true }),
      await profilePopup(env, { label: 'popup from cache (opened for the portal tab that just showed the job)' }),
    ];
    results.targets = computeTargets(results);
    // The log is cleared per run; the IdP's own counters span the whole bench (refreshes, wakes).
    results.tokenGrants = { afterSignIn: env.signIn.grants, atEnd: { ...env.cloud.idp.counts } };
  } finally {
    await env.stop();
  }
  // Its own fake clouds (generated tenants of 1,000 and 10,000 apps), one browser each.
  step('tenant scan: 1,000 and 10,000 apps, Graph +50 ms');
  results.tenant = await measureTenant({ log: step });
  results.env.durationS = Math.round((Date.now() - started) / 1000);
  writeFileSync(resolve('bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  printTenant(results.tenant);
  step('wrote bench/results.json');
}

function largeJobs(env) {
  const job = structuredClone(env.template.jobs[0]);
  job.status.quarantine.error.message = 'x'.repeat(1 << 20);
  return [job];
}

await main();
