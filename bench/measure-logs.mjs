// Recent failures (provisioning logs). With the logs permissions already granted (the warm-up run
// grants them), each run opens a fresh copy of a healthy app whose job has 1,000 log records, clicks
// "Show recent failures" and times click → digest on screen (the page's own clock), next to the bare
// round trip: the same two pages fetched from the same page with a token the fake IdP issued (no
// extension, no digest, no render). Also: logs requests per view and per reopen (cache window), and
// the digest of 10,000 records in Node (lib/logs/digest.ts, transpiled as is).
import { readFileSync } from 'node:fs';
import { transformWithOxc } from 'vite';
import { manyRecords } from '../tests/fake-cloud/provisioning-logs.mjs';
import { summarize } from './stats.mjs';
import { cloneApp, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { repeat } from './session.mjs';

const RECORDS = 1000;

/** In the page: resolves with performance.now() when the overlay shows the failure list (or an error). */
function waitForDigest() {
  return new Promise((resolve) => {
    const root = document.querySelector('provisioning-lens')?.shadowRoot;
    const done = () => {
      const list = root?.querySelector('section.pl-failures .pl-failure-list');
      const error = root?.querySelector('section.pl-failures .pl-error');
      if (list || error) {
        observer.disconnect();
        resolve({ t: performance.now(), ok: !!list, groups: list?.children.length ?? 0 });
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    done();
  });
}

/** In the page: the extension's requests made bare, first page then its nextLink, with a logs token. */
async function bareRoundTrip([url, token]) {
  const t0 = performance.now();
  let next = url;
  let pages = 0;
  while (next && pages < 3) {
    const res = await fetch(next, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' });
    const body = await res.json();
    next = body['@odata.nextLink'];
    pages++;
  }
  return { ms: performance.now() - t0, pages };
}

async function showOnce(env, app) {
  // The card's job id is the page's proof that the overlay shows this app; the button follows it.
  const page = await env.h.context.newPage();
  await page.goto(`https://portal.azure.com/${provisioningHash(app)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('provisioning-lens').getByText(shownJobId(app).split('.')[1]).first().waitFor();
  const button = page.locator('provisioning-lens').getByRole('button', { name: 'Show recent failures' });
  await button.waitFor();
  const digest = page.evaluate(waitForDigest);
  await button.click();
  const shown = await digest;
  const click = await page.evaluate(() => window.__lensBench.marks.filter((m) => m.kind === 'click').at(-1)?.t ?? NaN);
  return { page, ms: shown.t - click, ok: shown.ok, groups: shown.groups };
}

const logReads = (env) => env.cloud.graphRequests().filter((e) => e.pathname === '/v1.0/auditLogs/provisioning' && /^Bearer /.test(e.headers.authorization ?? ''));

export async function measureLogs(env, { runs, warmup }) {
  const template = env.cloud.tenant.apps.find((a) => a.key === 'scim-healthy');
  const token = env.cloud.idp.issueTokens({ scope: 'AuditLog.Read.All Directory.Read.All' }).access_token;
  const results = await repeat(runs, warmup, async () => {
    // The worker keeps to Graph's reports throttle (5 requests per 10 s): runs spaced so that no
    // figure includes a wait for a slot.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const app = cloneApp(env.cloud, template);
    const jobId = shownJobId(app);
    env.cloud.tenant.provisioningLogs.push(...manyRecords({ jobId, now: Date.now(), count: RECORDS, days: 6 }).map((r) => ({ ...r, provisioningStatusInfo: { ...r.provisioningStatusInfo, status: 'failure', errorInformation: r.provisioningStatusInfo.errorInformation ?? { errorCode: 'SkippedTurnedFailure', errorCategory: 'failure' } } })));
    env.cloud.clearLog();
    const view = await showOnce(env, app);
    const requests = logReads(env);
    const url = `https://graph.microsoft.com${requests[0]?.path ?? ''}`;
    const bare = await view.page.evaluate(bareRoundTrip, [url, token]);
    await view.page.close();
    // Reopened inside the cache window: the digest again, without asking Graph.
    env.cloud.clearLog();
    const reopen = await showOnce(env, app);
    const reopenRequests = logReads(env).length;
    await reopen.page.close();
    if (!view.ok) throw new Error('logs bench: the section showed an error, not a digest');
    return { show: view.ms, bare: bare.ms, ratio: view.ms / bare.ms, requests: requests.length, reopen: reopen.ms, reopenRequests, groups: view.groups };
  });
  const pick = (k) => summarize(results.map((r) => r[k]));
  return {
    records: RECORDS,
    show: pick('show'),
    bare: pick('bare'),
    ratio: pick('ratio'),
    reopen: pick('reopen'),
    requestsPerView: pick('requests'),
    requestsPerReopen: pick('reopenRequests'),
    digest10k: await digestTenThousand(runs),
  };
}

/** lib/logs/digest.ts (no imports) transpiled by Vite's own transformer, then timed in this process. */
async function digestTenThousand(runs) {
  const source = readFileSync(new URL('../lib/logs/digest.ts', import.meta.url), 'utf8');
  const { code } = await transformWithOxc(source, 'digest.ts', { lang: 'ts' });
  const { digestFailures } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const records = manyRecords({ jobId: 'scim.bench', now: Date.now(), count: 10_000 });
  digestFailures(records);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    digestFailures(records);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}
