// `npm start`: the built extension in Chromium against the built-in demo tenant (the fake cloud).
// With a display it opens a window and stays until you close it; without one it runs headless,
// writes screenshots of the overlay and popup, prints their paths and exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configureExtension, launchExtension, signInFromPopup } from '../fake-cloud/browser.mjs';
import { addGeneratedApps, appByKey, provisioningUrl, startFakeCloud } from '../fake-cloud/index.mjs';
import { storeScreenshots } from './store-shots.mjs';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const outDir = resolve(process.env.DEMO_OUTPUT ?? 'demo-output');

/** chrome://extensions with the extension's card and its icon (headless Chromium renders the page). */
async function shootExtensionsPage(browser, path) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 330 });
  await page.goto('chrome://extensions');
  await page.locator(`extensions-item#${browser.extensionId} img#icon`).evaluate((img) => img.decode());
  await page.screenshot({ path });
  await page.close();
  return path;
}

/**
 * The whole of a scrolling box as one picture: screenshots of `target` scrolled step by step through
 * `scroller`, stacked on a canvas in the page (no image library needed). A screenshot hides
 * scrollbars, so a single capture would stop mid-card without showing that more follows.
 */
async function shootWhole(page, target, scroller, path) {
  const parts = [];
  const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  const box = await target.boundingBox();
  const step = Math.max(1, clientHeight - 40);
  for (let top = 0; ; top += step) {
    const at = Math.min(top, scrollHeight - clientHeight);
    await scroller.evaluate((el, y) => (el.scrollTop = y), at);
    parts.push({ at, png: (await target.screenshot()).toString('base64') });
    if (at >= scrollHeight - clientHeight) break;
  }
  await scroller.evaluate((el) => (el.scrollTop = 0));
  // The scroller's offset inside the target: what lies above it (a header) is drawn once, on top.
  const offset = await scroller.evaluate((el, targetTop) => el.getBoundingClientRect().top - targetTop, box.y);
  const data = await page.evaluate(async ({ parts, width, height, offset, clientHeight, scrollHeight }) => {
    const scale = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round((height - clientHeight + scrollHeight) * scale);
    const ctx = canvas.getContext('2d');
    for (const [i, part] of parts.entries()) {
      const img = new Image();
      img.src = `data:image/png;base64,${part.png}`;
      await img.decode();
      // Each capture draws its scrolled window at its place; the first one draws the header too.
      const sy = i === 0 ? 0 : offset * scale;
      const dy = (i === 0 ? 0 : offset + part.at) * scale;
      ctx.drawImage(img, 0, sy, img.width, img.height - sy, 0, dy, img.width, img.height - sy);
    }
    return canvas.toDataURL('image/png');
  }, { parts, width: box.width, height: box.height, offset, clientHeight, scrollHeight });
  writeFileSync(path, Buffer.from(data.split(',')[1], 'base64'));
  return path;
}

const cloud = await startFakeCloud();
const browser = await launchExtension({ cloud, headless, viewport: { width: 1440, height: 900 } });
browser.context.setDefaultTimeout(15_000);
const stop = async () => {
  await browser.stop();
  await cloud.stop();
};

try {
  // Set up and sign in exactly as an admin would: options page, then the popup's Sign in.
  await configureExtension(browser, cloud.tenant.id);
  await signInFromPopup(browser, cloud.tenant.admin.upn);

  const quarantined = appByKey(cloud.tenant, 'salesforce-sandbox');
  const portal = await browser.page(provisioningUrl(quarantined));
  const overlay = portal.locator('provisioning-lens');
  await overlay.getByRole('region', { name: 'Quarantine' }).waitFor();

  if (!headless) {
    console.log('\nProvisioning Lens demo is running: the portal tab shows a quarantined app.');
    console.log('Other demo apps are in the page\'s left menu. Close the browser window (or Ctrl-C) to stop.\n');
    await new Promise((done) => {
      browser.context.on('close', done);
      process.once('SIGINT', done);
    });
  } else {
    mkdirSync(outDir, { recursive: true });
    const shots = [];
    const shoot = async (page, name, target) => {
      const path = resolve(outDir, `${name}.png`);
      await (target ?? page).screenshot({ path });
      shots.push(path);
    };
    await shoot(portal, 'portal-with-overlay');
    const card = overlay.locator('.pl-overlay').first();
    const cardBody = overlay.locator('.pl-overlay-body').first();
    shots.push(await shootWhole(portal, card, cardBody, resolve(outDir, 'overlay.png')));

    const cloudSync = appByKey(cloud.tenant, 'cloud-sync');
    await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(cloudSync)).hash);
    await overlay.getByRole('combobox', { name: 'Job' }).waitFor();
    shots.push(await shootWhole(portal, card, cardBody, resolve(outDir, 'overlay-cloud-sync.png')));

    await portal.bringToFront();
    const tabId = await browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    const popup = await browser.page(`popup.html?tab=${tabId}`);
    // Chrome stops a popup at 600 px and scrolls the rest: popup.png is what opens; popup-whole.png all of it.
    await popup.setViewportSize({ width: 424, height: 600 });
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor();
    await shoot(popup, 'popup');
    const whole = popup.locator('html');
    shots.push(await shootWhole(popup, whole, whole, resolve(outDir, 'popup-whole.png')));

    const lookup = await browser.page('popup.html');
    await lookup.setViewportSize({ width: 424, height: 600 });
    await lookup.getByLabel('Service principal object ID').waitFor();
    await shoot(lookup, 'popup-lookup');

    // Recent failures: a quarantined app whose logs have failures, after the admin's first click (consent).
    const failing = appByKey(cloud.tenant, 'fabrikam-learning');
    await portal.bringToFront();
    await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(failing)).hash);
    await overlay.getByRole('button', { name: 'Show recent failures' }).click();
    await overlay.getByRole('region', { name: 'Recent failures' }).getByText(/failed events in the last/).waitFor();
    shots.push(await shootWhole(portal, card, cardBody, resolve(outDir, 'overlay-recent-failures.png')));
    const failingTab = await browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    const failuresPopup = await browser.page(`popup.html?tab=${failingTab}`);
    await failuresPopup.setViewportSize({ width: 424, height: 600 });
    await failuresPopup.getByRole('region', { name: 'Recent failures' }).getByText(/failed events in the last/).waitFor();
    // A full-page capture: the popup page itself scrolls, and fullPage takes all of it at once.
    const failuresShot = resolve(outDir, 'popup-recent-failures.png');
    await failuresPopup.screenshot({ path: failuresShot, fullPage: true });
    shots.push(failuresShot);

    shots.push(await shootExtensionsPage(browser, resolve(outDir, 'extensions-page.png')));

    // Job actions (opt-in): turned on in the settings, the restart dialog on the deletion-threshold
    // app (all three choices), then one restart of the quarantined app and the history it leaves.
    const options = await browser.page('options.html');
    await options.getByLabel('Allow job actions').check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    const held = await browser.page(provisioningUrl(appByKey(cloud.tenant, 'servicenow')));
    const heldOverlay = held.locator('provisioning-lens');
    await heldOverlay.getByRole('button', { name: 'Restart…' }).click();
    await heldOverlay.getByRole('radio', { name: /Let the held deletions through/ }).check();
    await shoot(held, 'restart-dialog');
    await held.keyboard.press('Escape');
    await portal.bringToFront();
    await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(quarantined)).hash);
    await overlay.getByRole('button', { name: 'Restart…' }).click();
    await overlay.getByRole('button', { name: 'Restart job' }).click();
    await overlay.getByText('Restart accepted by Graph', { exact: false }).waitFor();
    await shoot(portal, 'overlay-after-restart', card);
    await options.reload();
    await options.getByRole('table').waitFor();
    await shoot(options, 'options-history', options.getByRole('region', { name: 'Job actions taken' }));
    // The tenant overview, mid-scan and done: generated apps beside the demo's, Graph a little slow
    // so the scan is still running when the first picture is taken.
    addGeneratedApps(cloud.tenant, { count: 600, withJobs: 16, quarantined: 3, managedIdentities: 10 });
    cloud.graph.delayMs = 400;
    const tenant = await browser.page('tenant.html');
    await tenant.setViewportSize({ width: 1440, height: 900 });
    await tenant.getByRole('button', { name: 'Scan tenant' }).click();
    await tenant.waitForFunction(() => Number(document.querySelector('[data-count="checked"]')?.textContent?.replace(/\D/g, '')) >= 200);
    await shoot(tenant, 'tenant-overview-scanning');
    await tenant.getByTestId('scan-meta').waitFor({ timeout: 60_000 });
    cloud.graph.delayMs = 0;
    await shoot(tenant, 'tenant-overview');
    shots.push(...(await storeScreenshots(browser, cloud, outDir)));

    console.log('Demo screenshots:');
    for (const path of shots) console.log(`  ${path}`);
  }
} catch (error) {
  console.error('The demo failed:', error);
  process.exitCode = 1;
} finally {
  await stop();
}
