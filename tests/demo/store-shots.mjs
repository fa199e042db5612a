// Store screenshots (1280×800, what the Chrome Web Store and Edge Add-ons ask for) and a picture of the
// toolbar badge, for `npm start` without a display. Headless Chromium has no toolbar to photograph:
// the badge picture draws the extension's own icon with the badge text, colour and title the
// extension set for a quarantined tab, read back from chrome.action.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appByKey, provisioningUrl } from '../fake-cloud/index.mjs';

const STORE_SIZE = { width: 1280, height: 800 };

/** Draws PNGs (base64) onto a canvas in a blank page and returns the PNG it makes. */
async function compose(browser, size, draw) {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  const data = await page.evaluate(draw.fn, draw.args);
  await page.close();
  return Buffer.from(data.split(',')[1], 'base64');
}

/** A picture centred on a 1280×800 canvas with a caption: for shots smaller than a store screenshot (the popup). */
function centred(browser, png, caption) {
  return compose(browser, STORE_SIZE, {
    args: { png: png.toString('base64'), caption, ...STORE_SIZE },
    fn: async ({ png, caption, width, height }) => {
      const canvas = Object.assign(document.createElement('canvas'), { width, height });
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#f3f2f1';
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#323130';
      ctx.font = '600 28px "Segoe UI", system-ui, sans-serif';
      ctx.fillText(caption, 64, 80);
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const scale = Math.min(1, (height - 140) / img.height);
      ctx.drawImage(img, (width - img.width * scale) / 2, 110, img.width * scale, img.height * scale);
      return canvas.toDataURL('image/png');
    },
  });
}

export async function storeScreenshots(browser, cloud, outDir) {
  const dir = resolve(outDir, 'store');
  mkdirSync(dir, { recursive: true });
  const written = [];
  const save = async (name, pngOrPage) => {
    const path = resolve(dir, `${name}.png`);
    if (Buffer.isBuffer(pngOrPage)) writeFileSync(path, pngOrPage);
    else await pngOrPage.screenshot({ path });
    written.push(path);
  };

  // 1. The overlay on a quarantined app (Cloud Sync: the advice points at the agent).
  const portal = await browser.page(provisioningUrl(appByKey(cloud.tenant, 'cloud-sync')));
  await portal.setViewportSize(STORE_SIZE);
  await portal.locator('provisioning-lens').getByRole('region', { name: 'Quarantine' }).waitFor();
  await save('1-overlay-quarantined', portal);

  // 2. Recent failures, scrolled into view in the overlay.
  await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(appByKey(cloud.tenant, 'fabrikam-learning'))).hash);
  const failures = portal.locator('provisioning-lens').getByRole('region', { name: 'Recent failures' });
  await failures.getByText(/failed events in the last/).waitFor();
  await failures.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await save('2-recent-failures', portal);

  // 3. The popup's lookup form, at its real size, on a store-sized canvas.
  const popup = await browser.page('popup.html');
  await popup.setViewportSize({ width: 424, height: 600 });
  await popup.getByLabel('Service principal object ID').waitFor();
  await save('3-popup-lookup', await centred(browser, await popup.screenshot(), 'Look any job up from the toolbar'));
  await popup.close();

  // 4. The tenant overview with the last scan.
  const tenant = await browser.page('tenant.html');
  await tenant.setViewportSize(STORE_SIZE);
  await tenant.getByTestId('scan-meta').waitFor();
  await save('4-tenant-overview', tenant);
  await tenant.close();

  // The toolbar badge of a quarantined tab, as the extension set it.
  await portal.evaluate((hash) => (location.hash = hash), new URL(provisioningUrl(appByKey(cloud.tenant, 'cloud-sync'))).hash);
  await portal.locator('provisioning-lens').getByRole('region', { name: 'Quarantine' }).waitFor();
  await portal.bringToFront();
  const badge = await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return {
      text: await chrome.action.getBadgeText({ tabId: tab.id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: tab.id }),
      title: await chrome.action.getTitle({ tabId: tab.id }),
    };
  });
  // The icon as the package ships it, read from the extension's own page.
  const iconPage = await browser.page('popup.html');
  const iconData = await iconPage.evaluate(async () => {
    const blob = await (await fetch('/icon/32.png')).blob();
    return new Promise((done) => { const r = new FileReader(); r.onload = () => done(String(r.result)); r.readAsDataURL(blob); });
  });
  await iconPage.close();
  const strip = await compose(browser, { width: 560, height: 96 }, {
    args: { iconData, badge },
    fn: async ({ iconData, badge }) => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 560, height: 96 });
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#f1f3f4';
      ctx.fillRect(0, 0, 560, 96);
      const img = new Image();
      img.src = iconData;
      await img.decode();
      ctx.drawImage(img, 24, 16, 32, 32);
      if (badge.text) {
        const [r, g, b] = badge.color;
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.beginPath();
        ctx.roundRect(40, 34, 22, 16, 4);
        ctx.fill();
        ctx.fillStyle = '#ffffff';
        ctx.font = 'bold 12px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(badge.text, 51, 46);
      }
      ctx.textAlign = 'left';
      ctx.fillStyle = '#202124';
      ctx.font = '13px system-ui, sans-serif';
      ctx.fillText(badge.title, 24, 78);
      return canvas.toDataURL('image/png');
    },
  });
  const badgePath = resolve(outDir, 'toolbar-badge.png');
  writeFileSync(badgePath, strip);
  written.push(badgePath);
  await portal.close();
  return written;
}
