// `npm run icons`: renders the mark's SVG source to the PNGs the manifests use, in headless Chromium.
// public/icon/mark-16.svg (simplified: thicker strokes, no fine detail) gives 16.png;
// public/icon/mark.svg gives 32.png, 48.png and 128.png. Transparent background, one PNG per size.
// 128.png holds the mark at 96 px with 16 px of transparent margin, as the Chrome Web Store asks.
//
// --preview <dir>: also writes <dir>/icons-preview.png, every size at 1:1 and enlarged 8× on a dark
// (#202020) and a light (#f3f3f3) toolbar colour, to check the mark reads on both.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../fake-cloud/browser.mjs';

const ICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/icon');
/** Size → SVG source. Keep in step with tests/unit/icons.test.ts and the action in wxt.config.ts. */
const SOURCES = { 16: 'mark-16.svg', 32: 'mark.svg', 48: 'mark.svg', 128: 'mark.svg' };
/** Transparent margin (px per side) around the artwork. */
const MARGIN = { 128: 16 };

const dataUrl = (bytes, type) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

const previewArg = process.argv.indexOf('--preview');
const previewDir = previewArg > 0 ? resolve(process.argv[previewArg + 1] ?? '.') : undefined;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [size, source] of Object.entries(SOURCES).map(([s, f]) => [Number(s), f])) {
    const svg = readFileSync(join(ICON_DIR, source));
    const margin = MARGIN[size] ?? 0;
    const art = size - 2 * margin;
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    // Chromium rasterises the SVG at the target size (no downscaling of a large bitmap).
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
      <img width="${art}" height="${art}" style="display:block;margin:${margin}px" src="${dataUrl(svg, 'image/svg+xml')}"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    const out = join(ICON_DIR, `${size}.png`);
    await page.screenshot({ path: out, omitBackground: true });
    await page.close();
    console.log(`${source} → ${out}`);
  }

  if (previewDir) {
    await mkdir(previewDir, { recursive: true });
    const sizes = Object.keys(SOURCES).map(Number);
    const cell = (size, zoom) =>
      `<img width="${size * zoom}" height="${size * zoom}" style="image-rendering:pixelated" src="${dataUrl(readFileSync(join(ICON_DIR, `${size}.png`)), 'image/png')}">`;
    const strip = (bg) => `<div style="background:${bg};padding:12px;display:flex;gap:16px;align-items:flex-end">
      ${sizes.map((s) => cell(s, 1)).join('')}${[16, 32].map((s) => cell(s, 8)).join('')}</div>`;
    const page = await browser.newPage({ viewport: { width: 760, height: 200 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${strip('#202020')}${strip('#f3f3f3')}</body></html>`);
    await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    const out = join(previewDir, 'icons-preview.png');
    await page.screenshot({ path: out, fullPage: true });
    console.log(`preview → ${out}`);
  }
} finally {
  await browser.close();
}
