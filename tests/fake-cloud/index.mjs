// The fake Microsoft cloud: one HTTPS server on 127.0.0.1 that plays the portal, the sign-in service
// and Graph for every national cloud, told apart by the Host header. Chromium reaches it through
// --host-resolver-rules and trusts it through --ignore-certificate-errors-spki-list.
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:https';
import { generateCerts } from './certs.mjs';
import { createGraph } from './graph.mjs';
import { createIdp } from './idp.mjs';
import { createLog } from './log.mjs';
import { handlePortal } from './portal.mjs';
import { buildTenant } from './tenant.mjs';

export const HOSTS = Object.freeze({
  portal: ['portal.azure.com', 'entra.microsoft.com', 'portal.azure.us', 'entra.microsoft.us', 'portal.azure.cn', 'entra.microsoftonline.cn'],
  login: ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn'],
  graph: ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'],
});
export const ALL_HOSTS = Object.freeze([...HOSTS.portal, ...HOSTS.login, ...HOSTS.graph]);

/**
 * @param {{ tenant?: import('./tenant.mjs').DemoTenant, port?: number, now?: number, hostileExtensionId?: string }} [options]
 *   hostileExtensionId: the extension the hostile portal variant (`?variant=hostile`) attacks.
 */
export async function startFakeCloud({ tenant, port = 0, now, hostileExtensionId = 'mofanfafdanblddiihokhplkbibmpdnm' } = {}) {
  const data = tenant ?? buildTenant({ now });
  const certs = generateCerts([...ALL_HOSTS]);
  const log = createLog();
  const idp = createIdp({ tenant: data });
  const graph = createGraph({ tenant: data, idp });
  /** Requests seen per TLS connection: Chromium retries differently on a reused one. */
  const perConnection = new WeakMap();

  const server = createServer({ key: certs.key, cert: certs.cert }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const service = HOSTS.portal.includes(host) ? 'portal' : HOSTS.login.includes(host) ? 'idp' : HOSTS.graph.includes(host) ? 'graph' : 'unknown';
    const entry = log.add(req, host, service);
    const onConnection = (perConnection.get(req.socket) ?? 0) + 1;
    perConnection.set(req.socket, onConnection);
    entry.connectionRequest = onConnection;
    res.on('finish', () => {
      entry.status = res.statusCode;
      // The request id the answer carried (Graph sets one on every answer it finishes), so tests can
      // tell whether the admin was shown the id Graph gave.
      const requestId = res.getHeader('request-id');
      if (typeof requestId === 'string') entry.responseRequestId = requestId;
    });
    try {
      const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
      if (service === 'portal') return handlePortal(req, res, { host, url, tenant: data, extensionId: hostileExtensionId });
      if (service === 'idp') return await idp.handle(req, res, { host, url, entry });
      if (service === 'graph') return await graph.handle(req, res, { host, url, entry });
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end(`fake cloud does not serve host "${host}"`);
    } catch (err) {
      entry.error = String(/** @type {any} */ (err)?.stack ?? err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('fake cloud internal error');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

  const cloud = {
    port: actualPort,
    /** base64 sha256 of the leaf's SubjectPublicKeyInfo, for --ignore-certificate-errors-spki-list. */
    spki: certs.spki,
    /** PEM of the throw-away CA, for Node clients. */
    ca: certs.ca,
    hosts: HOSTS,
    allHosts: ALL_HOSTS,
    /** The live tenant data: tests may edit `tenant.apps[i].jobs` and Graph serves the change. */
    tenant: data,
    apps: data.apps,
    idp,
    graph,
    url: (/** @type {string} */ host, path = '/') => `https://${host}${path.startsWith('/') ? '' : '/'}${path}`,
    /** Chromium's --host-resolver-rules value: every fake host to this server, everything else unresolvable. */
    hostResolverRules: () => [...ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${actualPort}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', '),
    get log() { return log.entries; },
    clearLog: () => log.clear(),
    graphRequests: () => log.entries.filter((e) => e.service === 'graph' && e.method !== 'OPTIONS'),
    tokenRequests: () => log.entries.filter((e) => e.service === 'idp' && /\/oauth2\/v2\.0\/token/i.test(e.pathname) && e.method === 'POST'),
    authorizeRequests: () => log.entries.filter((e) => e.service === 'idp' && /\/oauth2\/v2\.0\/authorize/i.test(e.pathname)),
    portalRequests: () => log.entries.filter((e) => e.service === 'portal'),
    /** Clears faults, controls and the log; the tenant data and issued tokens stay. */
    reset() {
      idp.reset();
      graph.faults.clear();
      graph.resetBatch();
      log.clear();
    },
    /** A minimal fetch from Node to a fake host (the URL's host picks the service). Redirects are not followed. */
    fetch: (/** @type {string} */ url, /** @type {FakeFetchInit} */ init = {}) => nodeFetch(url, init, actualPort, certs.ca),
    async stop() {
      server.closeAllConnections(); // hung requests ("never respond" faults) would keep close() waiting
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
  return cloud;
}

/** @typedef {{ method?: string, headers?: Record<string, string>, body?: string | URLSearchParams, timeoutMs?: number }} FakeFetchInit */
/** @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json(): any }} FakeResponse */
/** @typedef {Awaited<ReturnType<typeof startFakeCloud>>} FakeCloud */

/** @returns {Promise<FakeResponse>} */
function nodeFetch(/** @type {string} */ url, /** @type {FakeFetchInit} */ init, /** @type {number} */ port, /** @type {string} */ ca) {
  const u = new URL(url);
  const body = init.body === undefined ? undefined : String(init.body);
  const headers = { ...(init.body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers };
  return new Promise((resolve, reject) => {
    const req = httpsRequest({
      host: '127.0.0.1', port, servername: u.hostname, ca, method: init.method ?? 'GET',
      path: `${u.pathname}${u.search}`, headers: { host: u.hostname, ...headers }, timeout: init.timeoutMs ?? 10_000,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${init.timeoutMs ?? 10_000} ms: ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

export { buildTenant, appByKey, provisioningUrl, APP_SPECS, ADMIN, TENANT_ID } from './tenant.mjs';
export { addGeneratedApps, throttleShare, MAX_BATCH } from './tenant-scale.mjs';
