// Types for browser.mjs; keep in step with the JS.
import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface LaunchOptions {
  cloud: { port: number; spki: string; allHosts: readonly string[] };
  /** Default '.output/chrome-mv3' (relative to the working directory). */
  extensionDir?: string;
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /** Default 1280×800; null = window size (headed demo). */
  viewport?: { width: number; height: number } | null;
  workerTimeoutMs?: number;
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id> */
  extensionOrigin: string;
  executablePath: string;
  /** The extension's worker. Stays the same object across stop/start; evaluate hangs while stopped. */
  readonly serviceWorker: Worker;
  /** New tab at url; a bare path such as 'popup.html' opens that extension page. */
  page(url: string, opts?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<Page>;
  stopServiceWorker(): Promise<void>;
  startServiceWorker(): Promise<Worker>;
  serviceWorkerStatus(): string | undefined;
  stop(): Promise<void>;
}

export function findChromium(): string;
export function hostResolverRules(cloud: { port: number; allHosts: readonly string[] }): string;
export function launchExtension(options: LaunchOptions): Promise<ExtensionHarness>;

export const DEMO_CLIENT_ID: string;
/** Options page: client and tenant ids, Save (as an admin would). */
export function configureExtension(harness: Pick<ExtensionHarness, 'page'>, tenantId: string, clientId?: string): Promise<void>;
/** The popup's Sign in, through the real MSAL path; resolves when the popup names `upn`. */
export function signInFromPopup(harness: Pick<ExtensionHarness, 'page'>, upn: string): Promise<void>;
