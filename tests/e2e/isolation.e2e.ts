/**
 * Isolation from hostile neighbours, end to end: a portal page whose own script attacks the
 * extension (tests/fake-cloud/hostile.mjs, served at `?variant=hostile`), and a second extension
 * that messages ours. What must hold: the page never obtains a token, never makes the extension
 * call Graph outside the strict path grammar, never gets job data the extension put anywhere but
 * its shadow root, never works the overlay's controls, never stops it following navigation, and
 * other extensions are refused. The figures table records what the page could see and do.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appByKey, ensureBuilt, EXTENSION_DIR, launchExtension, provisioningUrl, startFakeCloud, type FakeCloud, type LogEntry,
} from './harness';
import { configure, eventually, overlay, signIn, type Harness } from './flows';

/** The only Graph requests the extension may make: a job list, one job, or a service principal by app id. */
const GRAPH_GRAMMAR = [
  /^\/(v1\.0|beta)\/servicePrincipals\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/synchronization\/jobs(\/[A-Za-z0-9][A-Za-z0-9._-]{0,255})?$/,
  /^\/(v1\.0|beta)\/servicePrincipals\(appId='[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'\)\?\$select=id,appId,displayName$/,
];
const inGrammar = (e: LogEntry) => GRAPH_GRAMMAR.some((re) => re.test(decodeURIComponent(e.path))) && !/%2f|%5c|\.\.|\\/i.test(e.path);

/** A throw-away extension with a pinned id (from a fresh key) and one page to send messages from. */
function makeProbeExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'pl-probe-ext-'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Probe (another extension)', version: '1.0', key: der.toString('base64'),
  }));
  writeFileSync(join(dir, 'probe.html'), '<!DOCTYPE html><title>probe</title><p>probe</p>');
  return { dir, id, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let cloud: FakeCloud;
let h: Harness;
let probe: ReturnType<typeof makeProbeExtension>;
/** Every URL any page, frame or worker of the browser requested (Playwright's view), for the host check. */
const seenUrls: string[] = [];
const figures: [string, string][] = [];

beforeAll(async () => {
  ensureBuilt();
  cloud = await startFakeCloud();
  probe = makeProbeExtension();
  const ours = resolve(EXTENSION_DIR);
  // Later switches win: load our build and the probe side by side.
  h = await launchExtension({ cloud, args: [`--disable-extensions-except=${ours},${probe.dir}`, `--load-extension=${ours},${probe.dir}`] });
  h.context.setDefaultTimeout(10_000);
  h.context.on('request', (request) => void seenUrls.push(request.url()));
  await configure(h, cloud);
  await signIn(h, cloud.tenant.admin.upn);
});
afterAll(async () => {
  if (figures.length) console.log(['[isolation] figures', ...figures.map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  await h?.stop();
  await cloud?.stop();
  probe?.remove();
});

const hostileUrl = (app: { appId: string; objectId: string }, hash?: string) =>
  provisioningUrl(app).replace('https://portal.azure.com/#', `https://portal.azure.com/?variant=hostile#`).replace(/#.*$/, (h0) => hash ?? h0);

/** The log is never cleared in this file (the last test checks all of it): tests look at what came after a mark. */
const mark = () => cloud.log.at(-1)?.seq ?? 0;
const graphSince = (seq: number) => cloud.graphRequests().filter((e) => e.seq > seq);
const jobsSince = (seq: number, spId: string) => graphSince(seq).filter((e) => e.pathname.includes(`/servicePrincipals/${spId}/`));

type Loot = Record<string, unknown> & { overlayReads: string[]; messages: string[]; parsed: string[]; fetches: string[]; shadowRootsSeen: number; sawRawJsonPassively: boolean };
const loot = (page: Page) => page.evaluate(() => (window as unknown as { __hostile: Loot }).__hostile) as Promise<Loot>;

/** Everything the page world can read without the extension's help: globals, storage, cookies, DOM (shadow root included), resource timing. */
async function pageWorldDump(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const safe = (v: unknown) => { try { return JSON.stringify(v); } catch { return String(v); } };
    for (const key of Object.getOwnPropertyNames(window)) {
      let value: unknown;
      try { value = (window as unknown as Record<string, unknown>)[key]; } catch { continue; }
      if (value === window || typeof value === 'function' || value instanceof Node) continue;
      if (value && typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value)) continue; // host objects
      out.push(`${key}=${safe(value)}`);
    }
    for (const storage of [localStorage, sessionStorage]) for (let i = 0; i < storage.length; i++) out.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    out.push(`cookie=${document.cookie}`);
    out.push(document.documentElement.outerHTML);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) out.push(`${attr.name}=${attr.value}`);
      if (el.shadowRoot) out.push(el.shadowRoot.innerHTML);
    }
    out.push(...performance.getEntries().map((e) => e.name));
    out.push(`name=${window.name}`, `history=${safe(history.state)}`);
    return out.join('\n');
  });
}

describe('a hostile portal page', () => {
  const A = () => appByKey(cloud.tenant, 'salesforce-sandbox');
  const B = () => appByKey(cloud.tenant, 'fabrikam-learning');
  let page: Page;

  it('the overlay works on it, and the page\'s overridden built-ins never see the extension at work', async () => {
    const m = mark();
    page = await h.page(hostileUrl(A()));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const got = await loot(page);
    // fetch, attachShadow, JSON.parse, Promise and addEventListener of the page are not the content script's.
    expect(got.shadowRootsSeen).toBe(0);
    expect(got.fetches.filter((u) => /graph|login|oauth/i.test(u))).toEqual([]);
    expect(got.parsed.join('\n')).not.toContain(A().jobs[0].id);
    expect(got.parsed.join('\n')).not.toMatch(/fake-(at|rt)-/);
    expect(jobsSince(m, A().objectId)).toHaveLength(1);
    figures.push(['page overrides that saw the extension', `attachShadow ${got.shadowRootsSeen}, fetch ${got.fetches.length}, JSON.parse with job data ${got.parsed.filter((p) => p.includes(A().jobs[0].id)).length}`]);
  });

  it('window messages, spoofed WXT location events and chrome.runtime from the page reach nothing', async () => {
    const m = mark();
    const b = B();
    const runtime = await page.evaluate(async ([sp, app]) => {
      const w = window as unknown as { __hostile: { spoofMessagesAndEvents(s: string, a: string): void; tryRuntime(): Promise<Record<string, string>>; tryResource(): Promise<string> } };
      w.__hostile.spoofMessagesAndEvents(sp!, app!);
      return { runtime: await w.__hostile.tryRuntime(), resource: await w.__hostile.tryResource() };
    }, [b.objectId, b.appId]);
    await page.waitForTimeout(1_000);
    expect(jobsSince(m, b.objectId)).toHaveLength(0);
    expect(graphSince(m)).toHaveLength(0);
    // The overlay still shows the page's real app, not the one the page tried to inject.
    const text = await overlay(page).locator('.pl-root').first().innerText();
    expect(text).toContain('SalesforceInvalidCredentials');
    expect(text).not.toMatch(/more than 40 %/i);
    // No extension lists this page in externally_connectable: the page has no way to message one.
    expect(runtime.runtime.sendMessageType).not.toBe('function');
    expect(Object.keys(runtime.runtime).filter((k) => k.startsWith('answer:'))).toEqual([]);
    expect(runtime.resource).toMatch(/^refused/);
    figures.push(['chrome.runtime seen by the page', JSON.stringify(runtime.runtime)]);
    figures.push(['page fetch of the overlay module', runtime.resource]);
  });

  it('hostile hashes never steer Graph outside the strict path grammar', async () => {
    const m = mark();
    const a = A();
    const base = '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement';
    const hashes = [
      `${base}/objectId/..%2F..%2Fme/appId/${a.appId}`,
      `${base}/objectId/${a.objectId}%2F..%2F..%2Fusers`,
      `${base}/objectId/${a.objectId}/../../users`,
      `${base}/objectId/..%252F..%252Fusers`,
      `${base}/objectId/${a.objectId}%2Fsynchronization%2Fjobs%2Fscim.x%2F..`,
      `${base}/objectId/${a.objectId}%3F%24select%3Did%26x%3D`,
      `${base}/objectId/${a.objectId}%23frag`,
      `${base}/objectId/%20${a.objectId}%20`,
      `${base}/objectId/${a.objectId.replace(/a/g, '%D0%B0')}`, // Cyrillic а for a
      `${base}/objectId/${a.objectId.toUpperCase()}x`,
      `${base}/appId/${a.appId}')%2F..%2F..%2Fusers%3F(`,
      `${base}/appId/${a.appId}%27)%3F%24select%3Did,passwordCredentials%26x%3D(%27`,
      `${base}/appId/${a.appId}/jobId/scim.x%2F..%2F..%2Fme`,
      `${base}/objectId/${a.objectId}/jobId/..%2F..%2Fme`,
      `${base}/objectId/${'f'.repeat(70_000)}`,
      `#view/Microsoft_AAD_Connect_Provisioning/ProvisioningMenuBlade/~/Overview/objectId/..\\..\\me`,
      `#blade/Microsoft_AAD_IAM/ManagedAppMenuBlade/Provisioning/objectId/${a.objectId}%00/appId/${a.appId}`,
    ];
    for (const hash of hashes) {
      await page.evaluate((value) => (location.hash = value), hash);
      await page.waitForTimeout(250);
    }
    // And a legitimate one at the end, so the overlay demonstrably still follows navigation.
    await page.evaluate((value) => (location.hash = value), new URL(provisioningUrl(B())).hash);
    await overlay(page).getByText('more than 40 %', { exact: false }).first().waitFor();
    const graph = graphSince(m);
    expect(graph.length).toBeGreaterThan(0);
    expect(graph.filter((e) => !inGrammar(e)).map((e) => e.path)).toEqual([]);
    figures.push(['hostile hashes tried / Graph requests made / outside the grammar', `${hashes.length} / ${graph.length} (${[...new Set(graph.map((e) => decodeURIComponent(e.path)))].join(', ')}) / 0`]);
  });

  it('no token reaches the page: globals, storage, cookies, DOM, shadow root, what the page collected, extension storage', async () => {
    const tokens = cloud.idp.issuedTokens();
    expect(tokens.length).toBeGreaterThan(1);
    const dump = (await pageWorldDump(page)) + JSON.stringify(await loot(page));
    for (const token of tokens) expect(dump.includes(token), `token ${token.slice(0, 12)}… in the page world`).toBe(false);
    expect(dump).not.toMatch(/fake-(at|rt|code)-/);
    expect(dump).not.toMatch(/Bearer\s/);
    // storage.local and storage.session of the extension (the content script can read both).
    const stored = await h.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> }; session: { get(k: null): Promise<unknown> } } } };
      return JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]);
    });
    for (const token of tokens) expect(stored.includes(token)).toBe(false);
    expect(stored).not.toMatch(/fake-(at|rt)-|refresh_token|access_token/i);
    figures.push(['tokens issued / found in page world or extension storage', `${tokens.length} / 0 (page dump ${dump.length} chars, storage ${stored.length} chars)`]);
  });

  it('raw JSON is not rendered until the admin toggles it; no job data in page globals, light-DOM attributes or window messages', async () => {
    const a = A();
    const fresh = await h.page(hostileUrl(a));
    await overlay(fresh).getByRole('region', { name: 'Quarantine' }).waitFor();
    await fresh.waitForTimeout(300); // a few passive reads by the page
    const got = await loot(fresh);
    expect(got.sawRawJsonPassively).toBe(false);
    expect(await overlay(fresh).locator('.pl-json').count()).toBe(0);
    const jobId = a.jobs[0].id as string;
    const light = await fresh.evaluate(() => {
      const attrs = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((x) => `${x.name}=${x.value}`));
      const globals = Object.getOwnPropertyNames(window).filter((k) => k !== '__hostile').map((k) => {
        try { const v = (window as unknown as Record<string, unknown>)[k]; return typeof v === 'string' ? v : ''; } catch { return ''; }
      });
      return [document.documentElement.outerHTML, ...attrs, ...globals, localStorage.length ? JSON.stringify({ ...localStorage }) : '', JSON.stringify({ ...sessionStorage })].join('\n');
    });
    expect(light).not.toContain(jobId);
    expect(light).not.toContain('SalesforceInvalidCredentials');
    expect(got.messages.join('\n')).not.toContain(jobId);
    expect(got.messages.join('\n')).not.toContain('SalesforceInvalidCredentials');
    // What the page CAN read: the overlay's visible text, through the open shadow root (by design; see SECURITY.md).
    const visible = got.overlayReads.at(-1) ?? '';
    figures.push(['page reads the overlay\'s visible text (open shadow root)', visible.includes('SalesforceInvalidCredentials') ? 'yes: error code and message readable' : 'no']);
    await fresh.close();
  });

  // Found by this suite: the overlay's buttons answered untrusted clicks, so a page script could open the
  // raw JSON itself and read it through the open shadow root. Now only trusted input reaches them.
  it('a page script cannot open the raw JSON by clicking the overlay\'s buttons', async () => {
    const fresh = await h.page(hostileUrl(A()));
    await overlay(fresh).getByRole('region', { name: 'Quarantine' }).waitFor();
    const clicked = await fresh.evaluate(() => (window as unknown as { __hostile: { clickOverlay(p: string): string[] } }).__hostile.clickOverlay('raw json'));
    expect(clicked).toHaveLength(1); // the page found the button and clicked it
    await fresh.waitForTimeout(300);
    const read = await fresh.evaluate(() => (window as unknown as { __hostile: { readOverlay(): { text: string; rawJsonShown: boolean } | null } }).__hostile.readOverlay());
    figures.push(['page clicked / raw JSON then readable by the page', `${JSON.stringify(clicked)} / ${read?.rawJsonShown ? 'yes' : 'no'}`]);
    expect(read).not.toBeNull();
    expect(read!.rawJsonShown).toBe(false);
    // The admin's own click still works.
    await overlay(fresh).getByRole('button', { name: 'Show raw JSON' }).click();
    await overlay(fresh).getByRole('group', { name: 'Raw JSON' }).waitFor();
    await fresh.close();
  });

  // Found by this suite: WXT stops an older copy of a content script when a document event named
  // `<extension id>:content:wxt:content-script-started` arrives, and a page can send it too. The
  // content script now follows navigation with its own watcher (lib/location-watch.ts).
  it('a page cannot stop the overlay following the portal\'s navigation', async () => {
    const fresh = await h.page(hostileUrl(A()));
    await overlay(fresh).getByRole('region', { name: 'Quarantine' }).waitFor();
    await fresh.evaluate(() => (window as unknown as { __hostile: { invalidateContentScript(): void } }).__hostile.invalidateContentScript());
    await fresh.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(B())).hash);
    const followed = await overlay(fresh).getByText('more than 40 %', { exact: false }).first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
    figures.push(['overlay follows navigation after the page sent WXT\'s restart signal', followed ? 'yes' : 'NO (overlay frozen on the previous app)']);
    expect(followed).toBe(true);
    await fresh.close();
  });
});

describe('another extension', () => {
  it('is refused: its messages reach no handler and cause no Graph or token request', async () => {
    const m = mark();
    const page = await h.page(`chrome-extension://${probe.id}/probe.html`);
    const ourId = h.extensionId;
    const sp = appByKey(cloud.tenant, 'servicenow').objectId;
    const results = await page.evaluate(async ({ ourId, sp }) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(id: string, m: unknown): Promise<unknown> } } };
      const messages = [
        { lens: 1, type: 'lookupJobs', data: { cloud: 'global', servicePrincipalId: sp } },
        { type: 'lookupJobs', cloud: 'global', servicePrincipalId: sp },
        { lens: 1, type: 'getAuthState' },
        { lens: 1, type: 'msal.acquireToken', data: { config: {}, scopes: ['https://graph.microsoft.com/Synchronization.Read.All'] } },
        { lens: 1, type: 'signIn', data: {} },
      ];
      const out: string[] = [];
      for (const m of messages) {
        try { out.push(`answered: ${JSON.stringify(await chrome.runtime.sendMessage(ourId, m))}`); }
        catch (error) { out.push(`refused: ${error instanceof Error ? error.message : String(error)}`); }
      }
      return out;
    }, { ourId, sp });
    await page.waitForTimeout(500);
    figures.push(['another extension\'s messages', results.join(' | ')]);
    for (const r of results) expect(r).toMatch(/^refused: /);
    expect(cloud.log.filter((e) => e.seq > m && e.service !== 'portal')).toEqual([]);
    await page.close();
  });
});

describe('over the whole file', () => {
  it('only portal, sign-in and Graph hosts were contacted; every Graph request kept the grammar and a bearer token', async () => {
    await eventually('log settled', () => cloud.log.every((e) => e.status !== undefined || e.service !== 'graph'), 5_000).catch(() => {});
    const all = cloud.log;
    expect(all.filter((e) => e.service === 'unknown').map((e) => e.host)).toEqual([]);
    const allowed = new Set(cloud.allHosts);
    const foreign = seenUrls.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).hostname).filter((host) => !allowed.has(host));
    expect([...new Set(foreign)]).toEqual([]);
    const graph = all.filter((e) => e.service === 'graph' && e.method !== 'OPTIONS');
    expect(graph.filter((e) => !inGrammar(e)).map((e) => e.path)).toEqual([]);
    for (const e of graph) expect(e.headers.authorization).toMatch(/^Bearer fake-at-/);
    figures.push(['hosts contacted (fake log)', [...new Set(all.map((e) => `${e.service}:${e.host}`))].join(', ')]);
  });
});
