// `node bench/run-logs.mjs`: the Recent failures measure alone (bench/measure-logs.mjs), on the
// existing Chrome build (`npx wxt build` first). BENCH_RUNS=n as in run.mjs (default 5 here).
import { measureLogs } from './measure-logs.mjs';
import { startSession } from './session.mjs';
import { table, timingRow } from './stats.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const env = await startSession();
try {
  const g = await measureLogs(env, { runs, warmup: 1 });
  const row = (label, s) => timingRow(label, s);
  console.log(table(['measure (ms unless said)', 'median', 'min', 'max', 'n', 'note'], [
    row(`click → digest shown (${g.records} records)`, g.show),
    row('bare round trip (same pages, with a token)', g.bare),
    row('ratio digest / bare (×)', g.ratio),
    row('reopen (cached)', g.reopen),
    row('logs requests per view', g.requestsPerView),
    row('logs requests per reopen', g.requestsPerReopen),
    row('digest of 10,000 records (Node)', g.digest10k),
  ]));
} finally {
  await env.stop();
}
