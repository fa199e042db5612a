/**
 * Hostile job JSON in the real browser: a job whose every string carries markup and script, with a
 * 200 kB unbroken error message, a 5 kB template id and a `javascript:` troubleshooting URL, served
 * by the fake Graph. In the overlay, the portal page and the popup: no payload ever runs, no element
 * comes from the markup, and nothing escapes the overlay's box or widens the page. Prints figures.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type DemoApp, type FakeCloud } from './harness';
import { overlay, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
let app: DemoApp;
const figures: [string, string][] = [];

/** Each payload records where it ran in `window.__pwned`, if it ever does. */
const payloads = (field: string) => [
  `<img src=x onerror="window.__pwned=(window.__pwned||[]).concat('img:${field}')">`,
  `<script>window.__pwned=(window.__pwned||[]).concat('script:${field}')</script>`,
  `<svg onload="window.__pwned=(window.__pwned||[]).concat('svg:${field}')"></svg>`,
  `<a href="javascript:window.__pwned=1">link</a>`,
].join('');

/** Every string of `value` with the payloads appended, except the few values the quarantine block keys on. */
function poison(value: unknown, path: string): unknown {
  if (typeof value === 'string') return path.endsWith('status.code') ? value : `${value}${payloads(path)}`;
  if (Array.isArray(value)) return value.map((item, i) => poison(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, `${path}.${k}`)]));
  return value;
}

function hostileJob(template: Record<string, any>): Record<string, unknown> {
  const job = poison(structuredClone(template), 'job') as Record<string, any>;
  job.id = `${template.id}${payloads('id')}`;
  job.templateId = `T${'<b>'.repeat(1700)}`;
  job.status.quarantine.error.message = `${'A'.repeat(200_000)}${payloads('message')}`;
  job.status.troubleshootingUrl = 'javascript:window.__pwned=(window.__pwned||[]).concat("troubleshootingUrl")';
  return job;
}

beforeAll(() => {
  ({ cloud, h } = env);
  app = appByKey(cloud.tenant, 'salesforce-sandbox');
  app.jobs = [hostileJob(app.jobs[0] as Record<string, any>), hostileJob(app.jobs[0] as Record<string, any>)];
  (app.jobs[1] as Record<string, any>).status.code = 'Active';
});

afterAll(() => {
  console.log(`\n[hostile-render] figures\n${figures.map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
});

/**
 * Elements under the overlay's shadow root, or in a whole document, that markup from the job could
 * have made: the payloads' marker in an attribute that loads or runs something, inline handlers,
 * scripts with the payload, images, frames, and links that are neither https nor in-page.
 */
async function markupFound(page: Page, inShadow: boolean): Promise<string[]> {
  return page.evaluate((inShadow) => {
    const root: ParentNode = inShadow ? document.querySelector('provisioning-lens')!.shadowRoot! : document;
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName;
      if (/^(img|iframe|frame|object|embed|image|foreignobject)$/i.test(name)) found.push(`<${name}>`);
      if (name === 'svg' && el.getAttribute('aria-hidden') !== 'true') found.push('<svg> (not one of our icons)');
      if (name === 'script' && el.textContent!.includes('__pwned')) found.push('<script> with the payload');
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${name}[${attr.name}]`);
        // Text in aria-label or title is inert; these are the attributes that load or run something.
        if (/^(href|src|srcdoc|action|formaction|style|xlink:href)$/i.test(attr.name) && attr.value.includes('__pwned')) found.push(`${name}[${attr.name}] with the payload`);
        if ((name === 'a' || name === 'area') && attr.name === 'href' && !/^(https:\/\/|#)/.test(attr.value)) found.push(`${name}[href=${attr.value.slice(0, 40)}]`);
      }
    }
    return found;
  }, inShadow);
}

/** Opens everything the card can show: the whole message, the raw JSON tree. */
async function openEverything(root: ReturnType<Page['locator']> | Page): Promise<number> {
  await root.getByRole('button', { name: 'Show raw JSON' }).click();
  await root.getByRole('group', { name: 'Raw JSON' }).waitFor();
  // Each click turns one "Show more" into "Show less"; the rest keep their places.
  const more = root.getByRole('button', { name: 'Show more', exact: true });
  let opened = 0;
  while (opened < 40 && (await more.count()) > 0) {
    await more.first().click();
    opened++;
  }
  return opened;
}

describe('hostile job JSON in the real browser', () => {
  it('the overlay shows it as text: no payload runs in the page, no element comes from it', async () => {
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const started = Date.now();
    const opened = await openEverything(overlay(page));
    const openMs = Date.now() - started;
    expect(opened).toBeGreaterThan(0);
    await page.waitForTimeout(300); // time for any onerror/onload to fire
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await markupFound(page, true)).toEqual([]);
    expect(await markupFound(page, false)).toEqual([]);
    const text = await overlay(page).locator('.pl-root').first().innerText();
    expect(text).toContain('onerror="window.__pwned');
    figures.push(['overlay: payloads run / elements from markup', '0 / 0']);
    figures.push(['overlay: open the raw JSON and every "Show more" (200 kB message) (ms, incl. CDP)', `${openMs} (${opened} texts expanded)`]);
    await page.close();
  });

  it('nothing escapes the overlay: it stays in the viewport at its width, wraps instead of scrolling sideways, and leaves the page as wide as it was', async () => {
    const page = await h.page(provisioningUrl(app));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const pageWidthBefore = await page.evaluate(() => document.documentElement.scrollWidth);
    await openEverything(overlay(page));
    const box = await page.evaluate(() => {
      const shadow = document.querySelector('provisioning-lens')!.shadowRoot!;
      const aside = shadow.querySelector('aside.pl-overlay')!;
      const body = shadow.querySelector('.pl-overlay-body')!;
      const r = aside.getBoundingClientRect();
      // Descendants whose box reaches past the overlay's sides (vertical overflow scrolls, by design).
      const outside = [...aside.querySelectorAll('*')].filter((el) => {
        const b = el.getBoundingClientRect();
        return b.width > 0 && (b.left < r.left - 1 || b.right > r.right + 1);
      }).map((el) => el.className || el.localName);
      return {
        left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
        viewportWidth: innerWidth, viewportHeight: innerHeight,
        bodySideways: body.scrollWidth - body.clientWidth,
        outside: [...new Set(outside)].slice(0, 5),
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    figures.push(['overlay box after opening everything', `${Math.round(box.width)} × ${Math.round(box.bottom - box.top)} px at (${Math.round(box.left)}, ${Math.round(box.top)}) in ${box.viewportWidth} × ${box.viewportHeight}; sideways overflow ${box.bodySideways} px`]);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.viewportWidth);
    expect(box.bottom).toBeLessThanOrEqual(box.viewportHeight);
    expect(box.width).toBeLessThanOrEqual(361);
    expect(box.bodySideways).toBeLessThanOrEqual(0);
    expect(box.outside).toEqual([]);
    expect(box.pageWidth).toBe(pageWidthBefore);
    await page.close();
  });

  it('the popup shows it as text too, without running it or scrolling sideways', async () => {
    const popup = await h.page('popup.html');
    await popup.getByLabel('Service principal object ID').fill(app.objectId);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor();
    await popup.evaluate(() => {
      const w = window as unknown as { __violations: number };
      w.__violations = 0;
      document.addEventListener('securitypolicyviolation', () => w.__violations++);
    });
    await openEverything(popup);
    await popup.waitForTimeout(300);
    expect(await popup.evaluate(() => (window as unknown as { __violations: number }).__violations)).toBe(0); // not even an attempt the CSP had to block
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await markupFound(popup, false)).toEqual([]);
    const sideways = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    figures.push(['popup: payloads run / elements from markup / CSP violations / sideways overflow', `0 / 0 / 0 / ${sideways} px`]);
    expect(sideways).toBeLessThanOrEqual(0);
    await popup.close();
  });
});
