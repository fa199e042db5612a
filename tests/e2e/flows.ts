/** Steps an admin takes, shared by the end-to-end specs. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { configureExtension, DEMO_CLIENT_ID, ensureBuilt, launchExtension, signInFromPopup, startFakeCloud, type FakeCloud } from './harness';

export type Harness = Awaited<ReturnType<typeof import('./harness').launchExtension>>;

/**
 * One fake cloud and one browser with the built extension for the whole spec file (two cores: files
 * run one at a time). `prepare` runs once after launch, e.g. to set up and sign in.
 */
export function useExtension(prepare?: (env: { cloud: FakeCloud; h: Harness }) => Promise<void>) {
  const env = {} as { cloud: FakeCloud; h: Harness };
  beforeAll(async () => {
    ensureBuilt();
    env.cloud = await startFakeCloud();
    env.h = await launchExtension({ cloud: env.cloud });
    env.h.context.setDefaultTimeout(10_000);
    await prepare?.(env);
  });
  afterAll(async () => {
    await env.h?.stop();
    await env.cloud?.stop();
  });
  return env;
}

/** useExtension, set up (configure) with the demo admin signed in: most suites start here. */
export function useSignedInExtension() {
  return useExtension(async (env) => {
    await configure(env.h, env.cloud);
    await signIn(env.h, env.cloud.tenant.admin.upn);
  });
}

export const CLIENT_ID = DEMO_CLIENT_ID;

/** Fills the options page as an admin would, and saves. */
export function configure(h: Harness, cloud: FakeCloud): Promise<void> {
  return configureExtension(h, cloud.tenant.id);
}

/** The overlay's shadow root host; Playwright locators pierce open shadow roots. */
export const overlay = (page: Page) => page.locator('provisioning-lens');

/** What the overlay shows, as text (the host element's own innerText does not reach into its shadow root). */
export const overlayText = (page: Page) => overlay(page).locator('.pl-root').first().innerText();

/** Waits until `predicate` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Graph requests for the jobs of one service principal. */
export const jobRequests = (cloud: FakeCloud, servicePrincipalId: string) =>
  cloud.graphRequests().filter((e) => e.pathname.includes(`/servicePrincipals/${servicePrincipalId}/synchronization/jobs`));

/** Every Graph request carried a bearer token the fake IdP issued (the fake answers 401 otherwise). */
export function expectBearer(entries: ReturnType<FakeCloud['graphRequests']>): void {
  for (const entry of entries) {
    expect(entry.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(entry.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  }
}

/** The tab id Chrome gave `page`: bring it to front, then ask the worker for the active tab. */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  return h.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
  });
}

/** Signs in from the popup, as an admin would on first use. */
export function signIn(h: Harness, upn: string): Promise<void> {
  return signInFromPopup(h, upn);
}
