import { describe, expect, it } from 'vitest';
import { domReady } from '@/lib/page-ready';

/** A document still loading, whose DOMContentLoaded we fire by hand, trusted (the browser) or not (a page script). */
function loadingDocument() {
  const target = new EventTarget();
  const doc = Object.assign(target, { readyState: 'loading' }) as unknown as Document;
  const fire = (trusted: boolean) => {
    const event = new Event('DOMContentLoaded');
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    target.dispatchEvent(event);
  };
  return { doc, fire };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('domReady', () => {
  it('is ready at once when the document has loaded', async () => {
    expect(await settled(domReady(document))).toBe(true);
  });

  it('waits for the browser\'s DOMContentLoaded, and a page script\'s fake one does not count', async () => {
    const { doc, fire } = loadingDocument();
    const ready = domReady(doc);
    fire(false);
    expect(await settled(ready)).toBe(false);
    fire(true);
    expect(await settled(ready)).toBe(true);
  });
});
