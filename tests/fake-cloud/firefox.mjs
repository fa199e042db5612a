// Firefox with the extension's Firefox build, against the fake cloud: puppeteer-core over WebDriver
// BiDi driving Debian's Firefox ESR. Firefox has no --host-resolver-rules, so the profile goes
// through a small CONNECT proxy that tunnels the fake cloud's hosts (real names, port 443) to its
// port and refuses every other host. The fake's certificate is accepted for the session
// (acceptInsecureCerts), which covers the background page's fetches and the sign-in window too.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import puppeteer from 'puppeteer-core';

const CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox'];
export const GECKO_ID = 'provisioning-lens@provisioning-lens.dev';

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`No Firefox found (looked at FIREFOX_PATH, ${CANDIDATES.join(', ')}). Install it with: sudo apt-get install -y firefox-esr`);
  return found;
}

/** CONNECT for an allowed host → 127.0.0.1:port; everything else (Mozilla's own services included) 403. */
function startConnectProxy(port, allowedHosts) {
  const refused = [];
  const server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, client, head) => {
    const [host, targetPort = '443'] = String(req.url).split(':');
    if (!allowedHosts.includes(host.toLowerCase()) || targetPort !== '443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    refused,
    stop: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done(undefined));
    }),
  })));
}

/**
 * @param {{ cloud: { port: number, allHosts: readonly string[] }, extensionDir?: string }} options
 */
export async function launchFirefoxExtension({ cloud, extensionDir = '.output/firefox-mv2' }) {
  if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error(`No Firefox build in ${extensionDir}: run npx wxt build -b firefox`);
  const proxy = await startConnectProxy(cloud.port, cloud.allHosts);
  // moz-extension:// ids are random per profile; pinning one makes the extension's pages known.
  const uuid = randomUUID();
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: findFirefox(),
      headless: true,
      acceptInsecureCerts: true,
      timeout: 60_000,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.http.http3.enable': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      },
    });
    const extensionId = await browser.installExtension(resolve(extensionDir)); // BiDi wants an absolute path
    return {
      browser,
      extensionId,
      extensionOrigin: `moz-extension://${uuid}`,
      proxyRefused: proxy.refused,
      async stop() {
        await browser.close().catch(() => {});
        await proxy.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy.stop();
    throw error;
  }
}
