// The printed report: one table per measure, budgets as PASS/FAIL (never an exit code: the figures
// are noisy on a shared machine, a human reads them), and "where the time goes" from the profiles.
import { table, timingRow } from './stats.mjs';

const H = ['measure (ms unless said)', 'median', 'min', 'max', 'n', 'note'];
const verdict = (b) => `${b.pass ? 'PASS' : 'FAIL'} (limit ${b.limit} ms: ${b.rule})`;
const kB = (n) => (n / 1024).toFixed(1);

function section(title, body) {
  console.log(`\n== ${title} ==\n${body}`);
}

function weight(w) {
  for (const [dir, { files, total }] of Object.entries(w)) {
    const rows = files.map((f) => [f.file, f.role, kB(f.raw), kB(f.gzip)]);
    rows.push(['total', '', kB(total.raw), kB(total.gzip)]);
    section(`Weight ${dir} (kB; gzip -9)`, table(['file', 'what', 'raw kB', 'gzip kB'], rows));
  }
}

function timings(r) {
  const rows = [];
  for (const o of r.overlay) {
    rows.push(timingRow(`overlay: DCL → job shown, Graph +${o.delayMs}`, o.overlay, verdict(o.budget)));
    rows.push(timingRow(`  bare fetch of the same URL (${o.bareStatus.join('/')})`, o.bare));
    rows.push(timingRow('  ratio overlay / bare (×)', o.ratio));
    rows.push(timingRow('  overlay − bare', o.overhead));
    rows.push(timingRow('  repeat view (cached)', o.cached));
  }
  for (const s of r.spa) {
    rows.push(timingRow(`SPA: hash → other app shown, Graph +${s.delayMs}`, s.update, verdict(s.budget)));
    rows.push(timingRow('  round trip (bare fetch)', s.bare));
    rows.push(timingRow('  hash → Overview: overlay gone', s.gone));
    rows.push(timingRow('  hash → back (cached) shown', s.backCached));
  }
  const c = r.coldWorker;
  rows.push(timingRow('cold worker: hash → uncached app shown', c.shown, `bare ${c.bare.median} ms`));
  const p = r.popup;
  rows.push(timingRow('popup: nav start → job shown, from cache', p.fromCache));
  if (p.fromCacheSettled) rows.push(timingRow('  from cache, the portal tab settled (300 ms later)', p.fromCacheSettled));
  rows.push(timingRow('popup: cold (app not looked up yet)', p.cold));
  rows.push(timingRow('popup: reopen (cached)', p.reopen));
  rows.push(timingRow('  bare extension page: nav start → its id shown', p.bare));
  rows.push(timingRow('  bare round trip from that page', p.bareRoundTrip));
  if (r.logs) {
    const g = r.logs;
    rows.push(timingRow(`recent failures: click → digest shown (${g.records} records)`, g.show));
    rows.push(timingRow('  bare round trip (same pages, with a token)', g.bare));
    rows.push(timingRow('  ratio digest / bare (×)', g.ratio));
    rows.push(timingRow('  reopen (cached)', g.reopen));
    rows.push(timingRow('digest of 10,000 records (Node)', g.digest10k));
  }
  const l = r.large;
  rows.push(timingRow('50 jobs: DCL → shown', l.fiftyJobs.shown));
  rows.push(timingRow('  bare fetch of the same URL', l.fiftyJobs.bare));
  rows.push(timingRow('1 MB message: DCL → shown', l.megabyteMessage.shown));
  rows.push(timingRow('  bare fetch of the same URL', l.megabyteMessage.bare));
  rows.push(timingRow('1 MB message: Copy JSON click → feedback', l.megabyteMessage.copy, `shows: ${l.megabyteMessage.copyOutcome.join('/')}`));
  section('Timings', table(H, rows));
}

function requests(r) {
  const row = (label, s, target) => [label, s.median, s.min, s.max, s.n, `target ${target}`];
  const rows = [
    row('Graph requests per page view', r.overlay[0].requestsPerView, 1),
    row('Graph requests per repeated view (cache window)', r.overlay[0].requestsPerRepeatView, 0),
    row('Graph requests per SPA navigation to a new app', r.spa[0].requestsPerNavigation, 1),
    row('Graph requests per view after a cold worker', r.coldWorker.requestsPerView, 1),
    row('token requests per cold-worker wake', r.coldWorker.tokenRequestsPerWake, 0),
    row('Graph requests per popup open (from cache)', r.popup.requestsFromCache, 0),
    row('Graph requests per popup open (cold)', r.popup.requestsCold, 1),
    row('Graph requests per popup reopen (cache window)', r.popup.requestsPerReopen, 0),
  ];
  if (r.logs) {
    rows.push(row('logs requests (pages) per Show recent failures, 1,000 records', r.logs.requestsPerView, '≤ 3 (one query)'));
    rows.push(row('logs requests per reopen (cache window)', r.logs.requestsPerReopen, 0));
  }
  rows.push(['token requests per sign-in', r.signIn.tokenRequests, '', '', 1, 'target 1 (authorization_code)']);
  rows.push(['IdP grants: after sign-in → end of bench', JSON.stringify(r.tokenGrants.afterSignIn), '', '', '', JSON.stringify(r.tokenGrants.atEnd)]);
  section('Requests (from the fake cloud\'s log)', table(['count', 'median', 'min', 'max', 'n', 'note'], rows));
}

function memory(m) {
  const keys = Object.keys(m.afterEarly);
  const rows = keys.map((k) => [k, m.afterEarly[k], m.afterLate[k], (m.delta[k] >= 0 ? '+' : '') + m.delta[k], m.afterLeave[k]]);
  section(`Memory of the portal tab after GC (${m.early} vs ${m.late} SPA navigations; ${m.msPerNavigation} ms per navigation)`,
    table(['counter', `after ${m.early}`, `after ${m.late}`, 'delta', 'after leaving (Overview)'], rows));
}

function whereTimeGoes(profiles) {
  for (const p of profiles) {
    const lines = [Object.entries(p.figures).map(([k, v]) => `${k}: ${v} ms`).join(' · ')];
    lines.push(`long tasks in the tab (PerformanceObserver): ${p.longTasks.length ? p.longTasks.map((t) => `${t.ms} ms at ${t.at}`).join(', ') : 'none'}`);
    if (p.topSelf.length) {
      lines.push('top self time in the tab\'s isolate (V8 CPU profile, page + content script):');
      lines.push(table(['function', 'ms', 'share'], p.topSelf.map((f) => [f.fn, f.ms, f.share])).replace(/^/gm, '  '));
    }
    lines.push('busiest threads (Chromium trace; busy = top-level tasks):');
    for (const t of p.busy) {
      lines.push(`  ${t.thread}: busy ${t.busyMs} ms${t.longTasks.length ? `, tasks > 50 ms: ${t.longTasks.join(', ')}` : ''}`);
      lines.push(`    ${t.topSelf.map((e) => `${e.name} ${e.ms}`).join(' · ')}`);
    }
    lines.push(`  quiet threads (< 2 ms busy): ${p.quiet.length}`);
    section(`Where the time goes: ${p.label}`, lines.join('\n'));
  }
}

function targets(list) {
  const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '');
  const rows = list.map((t) => [t.measure, fmt(t.median), t.floorLabel, fmt(t.floor), Number.isFinite(t.slack) ? `+${t.slack}` : '', fmt(t.limit), t.pass ? 'PASS' : 'FAIL', t.note ?? '']);
  section('Targets (issue 12: each against its floor in this run; medians)', table(['target', 'median', 'floor', 'floor ms', 'slack', 'limit', 'verdict', 'note'], rows));
}

export function printReport(r) {
  const e = r.env;
  console.log(`\nProvisioning Lens bench · ${e.date} · ${e.chromium} · node ${e.node} · HEAD ${e.gitHead.slice(0, 12)}${e.gitDirty ? ' (+ uncommitted product changes)' : ''} · ${e.runs} runs after ${e.warmup} warm-up · ${e.durationS} s`);
  weight(r.weight);
  timings(r);
  requests(r);
  memory(r.memory);
  whereTimeGoes(r.profiles);
  if (r.targets) targets(r.targets);
}
