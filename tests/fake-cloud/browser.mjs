// Launches Chromium with the built extension against the fake cloud. Plain JS so the demo script
// (plain node) and the Vitest harness share one launch path.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROME_PATH first; the Debian binary before its /usr/bin wrapper, which injects flags of its own. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`No Chromium found (looked at CHROME_PATH, ${CANDIDATES.join(', ')}). Install it with: sudo apt-get install -y chromium`);
  }
  return found;
}

/** @param {{ port: number, allHosts: readonly string[] }} cloud */
export function hostResolverRules(cloud) {
  return [...cloud.allHosts.map((h) => `MAP ${h} 127.0.0.1:${cloud.port}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', ');
}

const isExtensionWorker = (/** @type {import('playwright-core').Worker} */ w) => w.url().startsWith('chrome-extension://');

/**
 * @param {{ cloud: { port: number, spki: string, allHosts: readonly string[] }, extensionDir?: string,
 *   headless?: boolean, args?: string[], viewport?: { width: number, height: number } | null, workerTimeoutMs?: number }} options
 */
export async function launchExtension({ cloud, extensionDir = '.output/chrome-mv3', headless = true, args = [], viewport, workerTimeoutMs = 20_000 }) {
  const dir = resolve(extensionDir);
  // A wrong path fails silently in Chromium (and we would wait for a worker that never comes).
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No manifest.json in ${dir}. Build the extension first: npx wxt build`);
  }
  const executablePath = findChromium();
  const root = mkdtempSync(join(tmpdir(), 'pl-browser-'));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  const cleanup = () => {
    process.off('exit', cleanup);
    rmSync(root, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  };
  // A test process that dies without stop() must not leave a profile behind (SIGKILL still can).
  process.once('exit', cleanup);

  /** @type {import('playwright-core').BrowserContext} */
  let context;
  try {
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath,
      headless,
      viewport: viewport === undefined ? { width: 1280, height: 800 } : viewport,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${dir}`, `--load-extension=${dir}`,
        `--host-resolver-rules=${hostResolverRules(cloud)}`,
        // The worker's fetch and the identity window ignore Playwright's ignoreHTTPSErrors; this covers them.
        `--ignore-certificate-errors-spki-list=${cloud.spki}`,
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', ...args,
      ],
      env: { ...process.env, HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    });
  } catch (err) {
    cleanup();
    throw err;
  }

  try {
    return await attach(context, { dir, workerTimeoutMs, executablePath, cleanup });
  } catch (err) {
    await context.close().catch(() => {});
    cleanup();
    throw err;
  }
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ dir: string, workerTimeoutMs: number, executablePath: string, cleanup(): void }} o
 */
async function attach(context, { dir, workerTimeoutMs, executablePath, cleanup }) {
  /** @type {import('playwright-core').Worker | undefined} */
  let current = context.serviceWorkers().find(isExtensionWorker);
  context.on('serviceworker', (w) => { if (isExtensionWorker(w)) current = w; });
  try {
    current ??= await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: workerTimeoutMs });
  } catch (err) {
    throw new Error(`The extension's service worker did not start within ${workerTimeoutMs} ms (extension dir: ${dir}). ${err}`);
  }
  const extensionId = new URL(current.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  // Chromium 156 refuses CDP grants to chrome-extension:// ("opaque origins"); fall back to a grant
  // for every origin, harmless in a throw-away profile, so the copy button can be asserted.
  const clipboard = ['clipboard-read', 'clipboard-write'];
  await context.grantPermissions(clipboard, { origin: extensionOrigin }).catch(() => context.grantPermissions(clipboard));

  // Chromium reports the extension worker's running state through a page's ServiceWorker domain.
  // Playwright keeps one Worker object across a stop/start (evaluate hangs while stopped), so the
  // CDP status, not Playwright events, tells when the worker is really down or up.
  /** @type {import('playwright-core').CDPSession | undefined} */
  let cdp;
  /** @type {{ versionId: string, scriptURL: string, runningStatus: string } | undefined} */
  let ourVersion;
  const statusEvents = new EventEmitter();
  async function serviceWorkerCdp() {
    if (cdp) return cdp;
    const page = context.pages()[0] ?? (await context.newPage());
    const session = await context.newCDPSession(page);
    page.once('close', () => { if (cdp === session) cdp = undefined; });
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(extensionOrigin)) ourVersion = v;
      statusEvents.emit('update');
    });
    await session.send('ServiceWorker.enable');
    cdp = session;
    return session;
  }
  function waitForStatus(/** @type {string} */ want) {
    return new Promise((resolve, reject) => {
      const check = () => { if (ourVersion?.runningStatus === want) { done(); resolve(undefined); } };
      const timer = setTimeout(() => { done(); reject(new Error(`extension worker not ${want} after ${workerTimeoutMs} ms (is ${ourVersion?.runningStatus})`)); }, workerTimeoutMs);
      const done = () => { clearTimeout(timer); statusEvents.off('update', check); };
      statusEvents.on('update', check);
      check();
    });
  }
  await serviceWorkerCdp();

  let stopped = false;
  const harness = {
    context,
    extensionId,
    extensionOrigin,
    executablePath,
    /** The extension's current worker (a new object after each restart). */
    get serviceWorker() {
      return /** @type {import('playwright-core').Worker} */ (current);
    },
    /** A new tab at `url`; a bare path such as 'popup.html' means an extension page. */
    async page(/** @type {string} */ url, /** @type {{ waitUntil?: 'load' | 'domcontentloaded' | 'commit' }} */ opts = {}) {
      const target = /^[a-z-]+:/i.test(url) ? url : `${extensionOrigin}/${url.replace(/^\//, '')}`;
      const page = await context.newPage();
      await page.goto(target, { waitUntil: opts.waitUntil ?? 'load' });
      return page;
    },
    /** Stops the extension's worker as Chrome does when it idles; the next event (a message, an alarm) wakes it. */
    async stopServiceWorker() {
      const session = await serviceWorkerCdp();
      if (ourVersion) await session.send('ServiceWorker.stopWorker', { versionId: ourVersion.versionId });
      else await session.send('ServiceWorker.stopAllWorkers');
      await waitForStatus('stopped');
    },
    /** Starts the worker again (as an incoming event would); `serviceWorker` can be evaluated again after. */
    async startServiceWorker() {
      const session = await serviceWorkerCdp();
      await session.send('ServiceWorker.startWorker', { scopeURL: `${extensionOrigin}/` });
      await waitForStatus('running');
      return harness.serviceWorker;
    },
    /** 'running', 'stopped', 'starting' or 'stopping', as Chromium reports it. */
    serviceWorkerStatus: () => ourVersion?.runningStatus,
    async stop() {
      if (stopped) return;
      stopped = true;
      await context.close().catch(() => {});
      cleanup();
    },
  };
  return harness;
}

/** The app registration id the demo, the bench and the tests enter (the fake sign-in service takes any GUID). */
export const DEMO_CLIENT_ID = '11111111-2222-4333-8444-555555555555';

/**
 * Sets the extension up as an admin would: the options page, client and tenant ids, Save.
 * @param {ExtensionHarnessLike} harness @param {string} tenantId @param {string} [clientId]
 */
export async function configureExtension(harness, tenantId, clientId = DEMO_CLIENT_ID) {
  const options = await harness.page('options.html');
  await options.getByLabel('Application (client) ID').fill(clientId);
  await options.getByLabel('Directory (tenant) ID').fill(tenantId);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  await options.close();
}

/**
 * Signs in as an admin would: the popup's Sign in, through the real MSAL path; done when the popup names `upn`.
 * @param {ExtensionHarnessLike} harness @param {string} upn
 */
export async function signInFromPopup(harness, upn) {
  const popup = await harness.page('popup.html');
  await popup.getByRole('button', { name: 'Sign in' }).first().click();
  await popup.getByText(upn).waitFor();
  await popup.close();
}

/** @typedef {{ page(url: string): Promise<import('playwright-core').Page> }} ExtensionHarnessLike */
