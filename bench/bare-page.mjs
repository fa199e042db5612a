// The popup's floor: a bare extension page of the same build, loaded exactly like the popup
// (chrome-extension://<id>/bench-bare.html?job=<id>, a new tab, the same origin and CSP). It is added
// by the bench to a *copy* of the built package, so it never ships: the package under test stays
// byte for byte what `wxt build` produced, plus two files no code of the extension refers to.
//
// The page's one module script puts the job id where the probe looks for a shown job (the markup of
// the card's head), so "bare page → job shown" is the same mark as "popup → job shown": navigation
// start, the HTML, one script of the extension's origin run, one DOM insert, no framework, no data.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BARE_PAGE = 'bench-bare.html';

const HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>bare</title></head>
  <body><script type="module" src="./bench-bare.js"></script></body>
</html>
`;

const SCRIPT = `const id = new URLSearchParams(location.search).get('job') ?? '';
const article = document.createElement('article');
article.className = 'pl-job';
article.innerHTML = '<span class="pl-id"><span class="pl-mono"></span></span>';
article.querySelector('.pl-mono').textContent = id;
document.body.append(article);
`;

/** A copy of `builtDir` with the bare page added; returns its path and a remover. */
export function packageWithBarePage(builtDir = '.output/chrome-mv3') {
  const root = mkdtempSync(join(tmpdir(), 'pl-bench-pkg-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(resolve(builtDir), dir, { recursive: true });
  writeFileSync(join(dir, BARE_PAGE), HTML);
  writeFileSync(join(dir, 'bench-bare.js'), SCRIPT);
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
