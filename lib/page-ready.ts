/** The document's body exists: a document_start content script waits for this before drawing. */
export function domReady(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    // The browser's own event only: a page could fire a fake one before its body exists.
    const onReady = (event: Event) => {
      if (!event.isTrusted) return;
      doc.removeEventListener('DOMContentLoaded', onReady);
      resolve();
    };
    doc.addEventListener('DOMContentLoaded', onReady);
  });
}
