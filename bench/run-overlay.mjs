// `node bench/run-overlay.mjs`: issue 12's two overlay targets alone (Graph at once: DCL → job shown
// against the bare fetch, and the long tasks of each first view), on the existing Chrome build
// (`npx wxt build` first). BENCH_RUNS=n as in run.mjs (default 15 here). BENCH_OUT=file appends one JSON
// line of this run's samples (DCL → shown, bare fetch, long tasks) there, to pool alternating runs.
import { appendFileSync } from 'node:fs';
import { measurePageView } from './measure-overlay.mjs';
import { startSession } from './session.mjs';
import { table, timingRow } from './stats.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const env = await startSession();
try {
  const o = await measurePageView(env, { runs, warmup: 1, delayMs: 0 });
  const limit = o.bare.median + 50;
  console.log(table(['measure (ms unless said)', 'median', 'min', 'max', 'n', 'note'], [
    timingRow('overlay, Graph at once: DCL → job shown', o.overlay),
    timingRow('bare fetch (floor)', o.bare),
    timingRow('repeat view (cached)', o.cached),
    timingRow('Graph requests per view', o.requestsPerView),
  ]));
  const lt = o.longTasks;
  if (process.env.BENCH_OUT) {
    appendFileSync(process.env.BENCH_OUT, `${JSON.stringify({ label: process.env.BENCH_LABEL ?? '', overlay: o.overlay.samples, bare: o.bare.samples, longTasks: lt.all, views: lt.views })}\n`);
  }
  console.log(`target overlay ≤ floor + 50 = ${limit.toFixed(1)}: ${o.overlay.median.toFixed(1)} ${o.overlay.median <= limit ? 'PASS' : 'FAIL'}`);
  console.log(`target long tasks: ${lt.viewsWithOne} of ${lt.views} views had one${lt.all.length ? `: ${lt.all.join(', ')} ms` : ''} ${lt.all.length ? 'FAIL' : 'PASS'}`);
} finally {
  await env.stop();
}
