/**
 * The Graph fault matrix, end to end: for each way Graph (or the network to it) can fail, what the
 * admin sees, how many requests the worker made (retries bounded), that a final state is reached
 * (no skeleton left), and that the request id is shown when Graph gave one. Prints a figures table.
 *
 * Every row looks up its own copy of a demo app (fresh ids), so the 60 s cache of one row never
 * answers another.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type DemoApp, type Fault, type FakeCloud, type LogEntry } from './harness';
import { eventually, type Harness, overlay, useSignedInExtension } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

/** The product's per-attempt timeout (lib/graph-client.ts); the hang row waits for it. */
const GRAPH_TIMEOUT_MS = 15_000;

/** A copy of a demo app under new ids, added to the live tenant. */
function freshApp(fromKey = 'salesforce-sandbox'): DemoApp {
  const source = appByKey(cloud.tenant, fromKey);
  const objectId = randomUUID();
  const appId = randomUUID();
  const app: DemoApp = {
    ...source,
    key: `${fromKey}-${objectId.slice(0, 8)}`,
    objectId,
    appId,
    servicePrincipal: { ...source.servicePrincipal, id: objectId, appId },
    jobs: structuredClone(source.jobs),
  };
  cloud.tenant.apps.push(app);
  return app;
}

const jobsOf = (spId: string) => cloud.graphRequests().filter((e) => e.pathname.includes(`/servicePrincipals/${spId}/`));

interface Outcome {
  /** 'job' when the job is shown, else the error title shown. */
  shown: string;
  text: string;
  ms: number;
}

/** Waits for a final state in `root` (an overlay or the popup): a job or an error, and no skeleton. */
async function finalState(page: Page, root: ReturnType<Page['locator']>, started: number, timeoutMs: number): Promise<Outcome> {
  let shown = '';
  await eventually('a final state (job or error, no skeleton)', async () => {
    if ((await root.locator('.pl-skeleton').count()) > 0) return false;
    const error = root.locator('.pl-error-title');
    if ((await error.count()) > 0) {
      shown = (await error.first().innerText()).replace(/^⚠\s*/, '').trim();
      return true;
    }
    if ((await root.getByRole('button', { name: 'Copy JSON' }).count()) > 0) {
      shown = 'job';
      return true;
    }
    return false;
  }, timeoutMs);
  const ms = Date.now() - started;
  return { shown, text: await root.locator('.pl-root, .pl-panel').first().innerText(), ms };
}

interface Row {
  fault: string;
  /** Where the admin looks: the overlay on the app's Provisioning page, or a popup lookup. */
  via: 'overlay' | 'popup';
  /** Graph's scripted answers for the app's jobs request(s). */
  faults?: Fault | Fault[];
  /** The title the admin sees (lib/errors.ts), or 'job'. */
  expected: string;
  /** Graph requests the worker makes for this lookup (from the fake's log). */
  requests: number | [number, number];
  /** Unused scripted answers left after the lookup (retries stop early). */
  pending?: number;
  app?: () => DemoApp;
  jobId?: string;
  timeoutMs?: number;
  /** Runs after the page is open, before the lookup starts (overlay rows open a neutral page first). */
  before?: (page: Page) => Promise<void>;
  after?: (page: Page) => Promise<void>;
}

const GONE_SP = { objectId: randomUUID(), appId: randomUUID() } as DemoApp;

const rows: Row[] = [
  { fault: '400 Bad Request', via: 'overlay', faults: { status: 400 }, expected: 'Graph rejected the request (400).', requests: 1 },
  {
    fault: '401 UnknownError', via: 'overlay', faults: { status: 401, body: { error: { code: 'UnknownError', message: '' } } },
    expected: 'Graph refused the request (401): consent or a directory role is probably missing.', requests: 1,
  },
  { fault: '403 Forbidden', via: 'overlay', faults: { status: 403 }, expected: 'Graph denied access (403).', requests: 1 },
  { fault: '404 service principal gone', via: 'overlay', app: () => GONE_SP, expected: 'The service principal was not found (404).', requests: 1 },
  { fault: '404 job gone (popup, Job ID)', via: 'popup', jobId: 'scim.0efcc5ced8064c958b16a4a486432729.deadbeef-0000-4000-8000-000000000000', expected: 'The provisioning job was not found (404).', requests: 1 },
  {
    fault: '409 Conflict', via: 'overlay', faults: { status: 409, body: { error: { code: 'Conflict', message: 'The job is being updated.' } } },
    expected: 'Graph rejected the request (409).', requests: 1,
  },
  { fault: '429 Retry-After: 1, then 200', via: 'overlay', faults: { status: 429, headers: { 'Retry-After': '1' } }, expected: 'job', requests: 2 },
  { fault: '429 Retry-After: 0.5, then 200', via: 'overlay', faults: { status: 429, headers: { 'Retry-After': '0.5' } }, expected: 'job', requests: 2 },
  {
    fault: '429 forever (Retry-After: 1)', via: 'overlay', faults: Array.from({ length: 10 }, () => ({ status: 429, headers: { 'Retry-After': '1' } })),
    expected: 'Graph is throttling requests (429).', requests: 3, pending: 7,
  },
  { fault: '500 Internal Server Error', via: 'overlay', faults: { status: 500 }, expected: 'Microsoft Graph had a problem (500).', requests: 1 },
  { fault: '503 Retry-After: 1, then 200', via: 'overlay', faults: { status: 503, headers: { 'Retry-After': '1' } }, expected: 'job', requests: 2 },
  {
    fault: 'never answers (per-attempt timeout)', via: 'overlay', faults: { hang: true }, expected: 'Microsoft Graph did not answer in time.',
    requests: 1, timeoutMs: GRAPH_TIMEOUT_MS + 15_000,
  },
  // Chromium silently resends a request once when a reused connection drops before any answer; the
  // fake resets that resend too, so the log may hold two entries for the worker's one fetch.
  { fault: 'connection reset', via: 'overlay', faults: { reset: true }, expected: 'Microsoft Graph could not be reached.', requests: [1, 2] },
  {
    fault: 'offline (context.setOffline)', via: 'overlay', expected: 'Microsoft Graph could not be reached.', requests: 0,
    before: () => h.context.setOffline(true),
    after: () => h.context.setOffline(false),
  },
  { fault: 'malformed JSON (200, truncated)', via: 'overlay', faults: { malformed: true }, expected: 'Graph answered with something this extension does not understand.', requests: 1 },
  { fault: 'HTML error page (502 from a proxy)', via: 'overlay', faults: { html: true }, expected: 'Microsoft Graph had a problem (502).', requests: 1 },
  {
    fault: '200 with the wrong shape', via: 'overlay', faults: { status: 200, body: '{"@odata.context":"x","value":{"id":"not-an-array"}}' },
    expected: 'Graph answered with something this extension does not understand.', requests: 1,
  },
];

interface Figure { fault: string; requests: number; ms: number; shown: string; requestIdShown: string }
const figures: Figure[] = [];
/** Every Graph request of the matrix (the log is cleared per row). */
const allGraph: LogEntry[] = [];

afterAll(() => {
  if (figures.length === 0) return;
  const head = ['fault', 'Graph requests', 'ms to final state', 'request id shown', 'admin sees'];
  const lines = figures.map((f) => [f.fault, String(f.requests), String(f.ms), f.requestIdShown, f.shown]);
  const widths = head.map((_, i) => Math.max(head[i]!.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['[fault-matrix] Graph faults, end to end in Chromium', fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n'));
});

describe('Graph fault matrix (overlay and popup)', () => {
  for (const row of rows) {
    it(row.fault, async () => {
      cloud.reset();
      const app = row.app?.() ?? freshApp();
      if (row.faults) cloud.graph.failNext(`/servicePrincipals/${app.objectId}/synchronization/jobs`, row.faults);
      const timeoutMs = row.timeoutMs ?? 15_000;
      let page: Page;
      let root: ReturnType<Page['locator']>;
      let started: number;
      if (row.via === 'overlay') {
        // A neutral page of the app first, so `before` (going offline) can run once the page is loaded.
        page = await h.page(provisioningUrl(app).replace('/ProvisioningManagement/', '/Overview/'));
        await row.before?.(page);
        started = Date.now();
        await page.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(app)).hash);
        root = overlay(page);
      } else {
        page = await h.page('popup.html');
        await row.before?.(page);
        await page.getByLabel('Service principal object ID').fill(app.objectId);
        if (row.jobId) await page.getByLabel('Job ID').fill(row.jobId);
        started = Date.now();
        await page.getByRole('button', { name: 'Look up' }).click();
        root = page.locator('#app');
      }
      try {
        const outcome = await finalState(page, root, started, timeoutMs);
        const requests = jobsOf(app.objectId);
        const answered = requests.filter((r) => r.status !== undefined);
        const lastRequestId = answered.at(-1)?.responseRequestId;

        // What the admin sees.
        expect(outcome.shown, outcome.text).toBe(row.expected);
        // Requests: bounded retries, exactly as many as the policy says.
        const [min, max] = typeof row.requests === 'number' ? [row.requests, row.requests] : row.requests;
        expect(requests.length).toBeGreaterThanOrEqual(min);
        expect(requests.length).toBeLessThanOrEqual(max);
        expect(requests.length).toBeLessThanOrEqual(3);
        expect(new Set(requests.map((r) => r.headers['client-request-id'])).size).toBeLessThanOrEqual(1);
        expect(cloud.graph.faults.pending()).toBe(row.pending ?? 0);
        // The ids support asks for: Graph's request id when it gave one, else the client request id we sent.
        let requestIdShown = 'n/a (job shown)';
        if (row.expected !== 'job') {
          if (lastRequestId) {
            expect(outcome.text).toContain(lastRequestId);
            requestIdShown = 'yes';
          } else {
            requestIdShown = 'none given';
          }
          const sent = requests[0]?.headers['client-request-id'];
          if (sent) expect(outcome.text).toContain(sent);
          expect(outcome.text).toContain('Client request ID');
          await root.getByRole('button', { name: 'Refresh' }).first().waitFor();
        } else {
          expect(requests.at(-1)?.status).toBe(200);
        }
        figures.push({ fault: row.fault, requests: requests.length, ms: outcome.ms, shown: outcome.shown, requestIdShown });
      } finally {
        await row.after?.(page);
        allGraph.push(...cloud.graphRequests());
        cloud.graph.faults.clear();
        await page.close();
      }
    });
  }
});

/** Log entries for Graph are the worker's; a check that none came from a page (portal or popup tab). */
describe('who called Graph', () => {
  it('every Graph request of the matrix came from the extension, with a bearer token', () => {
    expect(allGraph.length).toBeGreaterThan(rows.length);
    for (const entry of allGraph) {
      expect(entry.headers.origin ?? `chrome-extension://${h.extensionId}`).toBe(`chrome-extension://${h.extensionId}`);
      expect(entry.headers.authorization).toMatch(/^Bearer fake-at-/);
    }
  });
});
