// Builds both packages (Chrome MV3, then Firefox MV2), as `npm test` and `npm run build:all` need.
// In a terminal WXT's output passes through untouched. In a log (CI, a file) its spinner would
// write hundreds of carriage-return frames and cursor escapes, so they are dropped there.
import { spawn } from 'node:child_process';

const targets = [[], ['-b', 'firefox']];
const tty = Boolean(process.stdout.isTTY);

/** WXT's spinner frames (`\r⠋ [1/4] background\x1b[K`) and cursor hide/show, out of a chunk of output. */
export function withoutSpinner(text) {
  return text
    .replace(/\x1b\[\?25[lh]/g, '')
    .replace(/\r[^\r\n]*\x1b\[K/g, '')
    .replace(/\r(?!\n)/g, '');
}

function build(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build', ...args], { stdio: tty ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    if (!tty) {
      child.stdout.on('data', (chunk) => process.stdout.write(withoutSpinner(chunk.toString())));
      child.stderr.on('data', (chunk) => process.stderr.write(withoutSpinner(chunk.toString())));
    }
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wxt build ${args.join(' ')} exited with ${code}`))));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const args of targets) await build(args);
    console.log(
      'Note: "offscreen" skipped for Firefox is expected. That page hosts MSAL for Chrome\'s service worker,\n' +
        "which has no window; Firefox's background page has one and runs MSAL itself.",
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
