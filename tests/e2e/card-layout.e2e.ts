/**
 * What the card looks like in a real browser (issue 8's polish, measured rather than eyeballed): ids
 * wrap at their dots only, codes between words, the Copy button sits beside the id, and the quarantine
 * facts and the job details share one value column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appByKey, provisioningUrl, type FakeCloud } from './harness';
import { overlay, useSignedInExtension, type Harness } from './flows';

const env = useSignedInExtension();
let cloud: FakeCloud;
let h: Harness;
beforeAll(() => void ({ cloud, h } = env));

describe('the card in Chromium', () => {
  it('wraps the long Cloud Sync job id at its dots, and its error code between words, with Copy beside the id', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'cloud-sync')));
    const lens = overlay(page);
    await lens.getByRole('region', { name: 'Quarantine' }).waitFor();
    const layout = await lens.locator('.pl-job').evaluate((job) => {
      const id = job.querySelector('.pl-id .pl-mono')!;
      const copy = job.querySelector('.pl-id button')!.getBoundingClientRect();
      const idBox = id.getBoundingClientRect();
      const lines = (el: Element) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
      const pieces = [...id.querySelectorAll('.pl-piece')];
      const code = job.querySelector('.pl-quarantine .pl-mono')!;
      return {
        id: id.textContent,
        idLines: new Set(pieces.map((piece) => Math.round(piece.getBoundingClientRect().top))).size,
        piecesOnOneLine: pieces.every((piece) => lines(piece) === 1),
        codePieces: [...code.querySelectorAll('.pl-piece')].map((piece) => [piece.textContent, lines(piece)]),
        copyBeside: copy.left >= idBox.right - 1 && copy.top < idBox.bottom,
      };
    });
    expect(layout.id).toMatch(/^AD2AADProvisioning\.[0-9a-f]{32}\.[0-9a-f-]{36}$/);
    expect(layout.idLines).toBeGreaterThan(1); // it does wrap in a 360 px card…
    expect(layout.piecesOnOneLine).toBe(true); // …but only between its dot-separated parts
    expect(layout.codePieces.map(([piece]) => piece).join('')).toBe('HybridIdentityServiceNoActiveAgents');
    for (const [, lines] of layout.codePieces) expect(lines).toBe(1);
    expect(layout.copyBeside).toBe(true);
    await page.close();
  });

  it('lines the quarantine facts and the job details up on one value column', async () => {
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    const lens = overlay(page);
    await lens.getByRole('region', { name: 'Quarantine' }).waitFor();
    const lefts = await lens.locator('.pl-job').evaluate((job) => ({
      facts: [...job.querySelectorAll('.pl-quarantine dl dd')].map((dd) => Math.round(dd.getBoundingClientRect().left)),
      details: [...job.querySelectorAll('dl[aria-label="Job details"] dd')].map((dd) => Math.round(dd.getBoundingClientRect().left)),
    }));
    expect(lefts.facts.length).toBeGreaterThan(2);
    expect(lefts.details.length).toBeGreaterThan(2);
    expect(new Set([...lefts.facts, ...lefts.details]).size).toBe(1);
    await page.close();
  });
});
