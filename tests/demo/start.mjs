// `npm start`: the built extension in Chromium against the built-in demo tenant (the fake cloud).
// With a display it opens a window and stays until you close it; without one it runs headless,
// writes screenshots of the overlay and popup, prints their paths and exits.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { configureExtension, launchExtension, signInFromPopup } from '../fake-cloud/browser.mjs';
import { appByKey, provisioningUrl, startFakeCloud } from '../fake-cloud/index.mjs';

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
    await shoot(portal, 'overlay', overlay.locator('.pl-overlay, .pl-root').first());

    const cloudSync = appByKey(cloud.tenant, 'cloud-sync');
    await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(cloudSync)).hash);
    await overlay.getByRole('combobox', { name: 'Job' }).waitFor();
    await shoot(portal, 'overlay-cloud-sync', overlay.locator('.pl-overlay, .pl-root').first());

    await portal.bringToFront();
    const tabId = await browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    const popup = await browser.page(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 424, height: 900 });
    await popup.getByRole('region', { name: 'Quarantine' }).waitFor();
    await shoot(popup, 'popup', popup.locator('.pl-popup'));

    const lookup = await browser.page('popup.html');
    await lookup.setViewportSize({ width: 424, height: 600 });
    await lookup.getByLabel('Service principal object ID').waitFor();
    await shoot(lookup, 'popup-lookup', lookup.locator('.pl-popup'));

    shots.push(await shootExtensionsPage(browser, resolve(outDir, 'extensions-page.png')));

    console.log('Demo screenshots:');
    for (const path of shots) console.log(`  ${path}`);
  }
} catch (error) {
  console.error('The demo failed:', error);
  process.exitCode = 1;
} finally {
  await stop();
}
