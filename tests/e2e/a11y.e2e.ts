/**
 * Automated accessibility audit (axe-core) of everything the admin sees: the overlay in its open
 * shadow root on the portal page, the popup (signed out, lookup form, job, error) and the options
 * page, each in the light and the dark colour scheme. No serious or critical violation is allowed,
 * colour contrast included; the counts per page and scheme are printed (`[axe]` lines).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ElementContext, Result } from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { configure, overlay, signIn, useExtension, type Harness } from './flows';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

const env = useExtension(async (env) => configure(env.h, env.cloud));
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

/** One line per violated rule and node, enough to find and fix it. */
const describeViolation = (v: Result) =>
  v.nodes.map((n) => `${v.impact} ${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n');

type AxeRun = Pick<AxeResults, 'violations' | 'incomplete' | 'passes'>;

/** Injects axe once per document, through the DevTools protocol (page.evaluate), which the extension pages' CSP does not apply to. */
async function runAxe(page: Page, context: ElementContext | null): Promise<AxeRun> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (ctx) => (window as unknown as { axe: { run(c: unknown, o: object): Promise<AxeResults> } }).axe.run(ctx ?? document, { resultTypes: ['violations', 'incomplete'] }),
    context,
  );
}

/** Results of several runs (scroll positions) as one, each node once. */
function merge(runs: AxeRun[]): AxeRun {
  const union = (pick: (r: AxeRun) => Result[]) => {
    const byRule = new Map<string, Result>();
    for (const result of runs.flatMap(pick)) {
      const seen = byRule.get(result.id);
      if (!seen) byRule.set(result.id, { ...result, nodes: [...result.nodes] });
      else for (const node of result.nodes) if (!seen.nodes.some((n) => JSON.stringify(n.target) === JSON.stringify(node.target))) seen.nodes.push(node);
    }
    return [...byRule.values()];
  };
  return { violations: union((r) => r.violations), incomplete: union((r) => r.incomplete), passes: union((r) => r.passes) };
}

interface AuditTarget {
  /** Default: the whole document. */
  context?: ElementContext;
  /** Scroll positions to audit at (contrast is checked on what is on screen): returns how many, and scrolls to one. */
  scroll?: { steps(page: Page): Promise<number>; to(page: Page, step: number): Promise<void> };
}

/**
 * Runs axe in `page` in the given colour scheme, prints the counts per impact, and fails on any
 * serious or critical violation, listing each with its target and axe's summary.
 */
async function audit(page: Page, name: string, scheme: Scheme, target: AuditTarget = {}): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  // The scheme took, or the dark run would audit the light colours again.
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  const steps = (await target.scroll?.steps(page)) ?? 1;
  const runs: AxeRun[] = [];
  for (let step = 0; step < steps; step++) {
    await target.scroll?.to(page, step);
    runs.push(await runAxe(page, target.context ?? null));
  }
  await target.scroll?.to(page, 0);
  const results = merge(runs);
  // axe looked at something: a context that matched nothing would pass silently.
  expect(results.passes.map((r) => r.id)).toContain('color-contrast');
  const count = (list: Result[]) => list.reduce((n, r) => n + r.nodes.length, 0);
  const counts = IMPACTS.map((impact) => `${count(results.violations.filter((v) => v.impact === impact))} ${impact}`).join(', ');
  const rules = results.violations.length ? ` (${results.violations.map((v) => v.id).join(', ')})` : '';
  // "Incomplete" contrast is axe unsure: decorative glyphs (▾ ⠿, aria-hidden) or text under a scroll edge.
  const unsure = count(results.incomplete.filter((r) => r.id === 'color-contrast'));
  console.log(`[axe] ${name} ${scheme}: ${counts}${rules}${unsure ? `; contrast for axe to leave to a person: ${unsure}` : ''}`);
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map(describeViolation).join('\n')).toBe('');
}

/** The overlay only, inside its open shadow root (never the fake portal around it), at every scroll position of its body. */
const OVERLAY: AuditTarget = {
  context: { include: [{ fromShadowDom: ['provisioning-lens', '.pl-overlay'] }] } as ElementContext,
  scroll: {
    steps: (page) =>
      page.evaluate(() => {
        const body = document.querySelector('provisioning-lens')?.shadowRoot?.querySelector('.pl-overlay-body');
        return body ? Math.max(1, Math.ceil(body.scrollHeight / Math.max(body.clientHeight, 1))) : 1;
      }),
    to: (page, step) =>
      page.evaluate((i) => {
        const body = document.querySelector('provisioning-lens')?.shadowRoot?.querySelector('.pl-overlay-body');
        if (body) body.scrollTop = i * body.clientHeight;
      }, step),
  },
};

async function auditBothSchemes(page: Page, name: string, target?: AuditTarget) {
  for (const scheme of SCHEMES) await audit(page, name, scheme, target);
}

describe('accessibility audit (axe-core): no serious or critical violations, light and dark', () => {
  it('options page', async () => {
    const page = await h.page('options.html');
    await page.getByLabel('Application (client) ID').waitFor();
    await auditBothSchemes(page, 'options');
    await page.close();
  });

  it('popup, signed out', async () => {
    const page = await h.page('popup.html');
    await page.getByRole('button', { name: 'Sign in' }).first().waitFor();
    await auditBothSchemes(page, 'popup signed-out');
    await page.close();
  });

  it('overlay, signed out', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('button', { name: 'Sign in' }).waitFor();
    await auditBothSchemes(page, 'overlay signed-out', OVERLAY);
    await page.close();
  });

  it('popup, lookup form (signed in)', async () => {
    await signIn(h, cloud.tenant.admin.upn);
    const page = await h.page('popup.html');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByLabel('Service principal object ID').waitFor();
    await auditBothSchemes(page, 'popup lookup-form');
    await page.close();
  });

  it('popup, a quarantined job with its raw JSON', async () => {
    const app = appByKey(cloud.tenant, 'salesforce-sandbox');
    const page = await h.page('popup.html');
    await page.getByLabel('Service principal object ID').fill(app.objectId);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('region', { name: 'Quarantine' }).waitFor();
    await page.getByRole('button', { name: 'Show raw JSON' }).click();
    await auditBothSchemes(page, 'popup job');
    await page.close();
  });

  it('popup, an error', async () => {
    const page = await h.page('popup.html');
    await page.getByLabel('Service principal object ID').fill('00000000-0000-4000-8000-00000000dead');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('.pl-error').first().waitFor();
    await auditBothSchemes(page, 'popup error');
    await page.close();
  });

  it('overlay, a quarantined job with its raw JSON', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    await overlay(page).getByRole('button', { name: 'Show raw JSON' }).click();
    await auditBothSchemes(page, 'overlay job', OVERLAY);

    // The audit reaches into the shadow root: grey-on-white text put there is caught.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'axe-probe';
      probe.textContent = 'Too pale to read';
      probe.style.cssText = 'color: #bbbbbb; background: #ffffff';
      document.querySelector('provisioning-lens')!.shadowRoot!.querySelector('.pl-overlay-body')!.prepend(probe);
    });
    const caught = await runAxe(page, OVERLAY.context!);
    expect(caught.violations.find((v) => v.id === 'color-contrast')?.nodes.map((n) => n.target)).toEqual([[['provisioning-lens', '#axe-probe']]]);
    await page.close();
  });

  it('overlay, collapsed to its pill, in each tone', async () => {
    // No demo app is paused: Graph answers Slack's jobs with the paused fixture for this test.
    const paused = JSON.parse(readFileSync('tests/fixtures/jobs/status.Paused.json', 'utf8'));
    const slack = appByKey(cloud.tenant, 'slack');
    await h.context.route(`https://graph.microsoft.com/v1.0/servicePrincipals/${slack.objectId}/synchronization/jobs`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ value: [paused] }) }));
    const apps = [['error', 'salesforce-sandbox'], ['warning', 'slack'], ['success', 'scim-healthy'], ['neutral', 'box']] as const;
    for (const [tone, key] of apps) {
      const page = await h.page(provisioningUrl(appByKey(cloud.tenant, key)));
      await overlay(page).locator('.pl-pill').first().waitFor();
      await overlay(page).getByRole('button', { name: 'Collapse' }).click();
      await overlay(page).locator(`.pl-collapsed.pl-tone-${tone}`).waitFor();
      await auditBothSchemes(page, `overlay collapsed-${tone}`, OVERLAY);
      await overlay(page).getByRole('button', { name: 'Expand' }).click();
      await overlay(page).getByRole('button', { name: 'Collapse' }).waitFor();
      await page.close();
    }
    await h.context.unrouteAll();
  });
});
