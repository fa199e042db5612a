// Types for firefox.mjs; keep in step with the JS.
import type { Browser } from 'puppeteer-core';

export const GECKO_ID: string;
export function findFirefox(): string;
export interface FirefoxHarness {
  browser: Browser;
  /** The gecko id from the manifest. */
  extensionId: string;
  /** moz-extension://<uuid pinned for this profile> */
  extensionOrigin: string;
  /** What the proxy refused (hosts outside the fake cloud). */
  proxyRefused: string[];
  stop(): Promise<void>;
}
export function launchFirefoxExtension(options: { cloud: { port: number; allHosts: readonly string[] }; extensionDir?: string }): Promise<FirefoxHarness>;
