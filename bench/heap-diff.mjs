// `node bench/heap-diff.mjs`: where the portal tab's heap grows over SPA navigations. Takes V8 heap
// snapshots of the tab (page and content-script worlds share the isolate) after 10 and after 200
// navigations between apps and prints the constructors whose live size grew most. Run it after
// `npm run bench` flags heap growth; it needs a build (`npx wxt build`).
import { cloneApp, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { startSession, viewJob } from './session.mjs';

async function snapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return summarise(JSON.parse(chunks.join('')));
}

/** Self size and count per constructor (node name for objects, type otherwise). */
function summarise(snap) {
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = f.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => f.indexOf(k));
  const byKey = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const key = type === 'object' || type === 'closure' || type === 'native' ? `${type}:${snap.strings[snap.nodes[i + iName]]}` : type;
    const entry = byKey.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snap.nodes[i + iSize];
    byKey.set(key, entry);
  }
  return byKey;
}

async function navigateAround(page, apps, count) {
  const plan = Array.from({ length: count }, (_, i) => [provisioningHash(apps[(i + 1) % apps.length]), shownJobId(apps[(i + 1) % apps.length])]);
  await page.evaluate(async (steps) => {
    for (const [hash, id] of steps) await window.__lensBench.navigate(hash, { kind: 'job', id });
  }, plan);
}

const env = await startSession();
try {
  const apps = Array.from({ length: 4 }, () => cloneApp(env.cloud, env.template));
  const { page } = await viewJob(env, `https://portal.azure.com/${provisioningHash(apps[0])}`, shownJobId(apps[0]));
  const cdp = await env.h.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await navigateAround(page, apps, 10);
  const early = await snapshot(cdp);
  await navigateAround(page, apps, 190);
  const late = await snapshot(cdp);
  const marks = await page.evaluate(() => window.__lensBench.marks.length);
  const resources = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const byName = {};
    for (const e of entries) byName[e.name.replace(/[0-9a-f-]{36}/g, '{id}')] = (byName[e.name.replace(/[0-9a-f-]{36}/g, '{id}')] ?? 0) + 1;
    return byName;
  });
  console.log(`the page's resource timings by URL: ${JSON.stringify(resources)}`);
  const rows = [...late].map(([key, l]) => {
    const e = early.get(key) ?? { count: 0, size: 0 };
    return { key, dCount: l.count - e.count, dKB: (l.size - e.size) / 1024 };
  }).sort((a, b) => b.dKB - a.dKB);
  const total = rows.reduce((sum, r) => sum + r.dKB, 0);
  console.log(`heap growth from 10 to 200 navigations: ${total.toFixed(0)} KB (the bench probe holds ${marks} marks)`);
  for (const r of rows.slice(0, 20)) console.log(`${r.dKB.toFixed(1).padStart(8)} KB  ${String(r.dCount).padStart(6)}  ${r.key.slice(0, 100)}`);
} finally {
  await env.stop();
}
