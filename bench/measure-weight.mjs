// Weight: raw and gzip -9 bytes of every built JS and HTML file, the same compression the weight
// budget tests use, so the figures compare with the README's budget table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(js|html)$/.test(name)) yield path;
  }
}

/** What a file is, for the reader of the table (chunk names carry a content hash). */
function roleOf(file) {
  if (file.startsWith('content-scripts/')) return 'content script loader (every portal page)';
  if (file === 'overlay-ui.js') return 'overlay UI (provisioning pages)';
  if (file === 'background.js') return 'background';
  if (/^chunks\/offscreen-/.test(file)) return 'offscreen chunk (MSAL)';
  if (file.startsWith('chunks/')) return `chunk (${file.slice(7).replace(/-[\w]+\.js$/, '')})`;
  return file.replace(/\.html$/, ' page');
}

export function measureWeight(outputDirs) {
  const result = {};
  for (const dir of outputDirs) {
    const rows = [...files(dir)].map((path) => {
      const data = readFileSync(path);
      const file = relative(dir, path);
      return { file, role: roleOf(file), raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    });
    result[relative(process.cwd(), dir)] = {
      files: rows,
      total: { raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) },
    };
  }
  return result;
}
