// The in-page probe, installed with context.addInitScript so it runs in every page's main world before
// any page or extension script. It records *when* the overlay's content changes, as the page's own
// clock sees it (performance.now(), 0 = navigation start), so no CDP round trip or Playwright polling
// delay lands in a figure. The overlay lives in an open shadow root; the popup renders the same job
// card in its light DOM, so one probe serves both.

/** Runs in the page. Kept self-contained: it is serialised by Playwright. */
export function installProbe() {
  if (window.__lensBench) return;
  const marks = []; // { kind: 'host'|'job'|'copied'|'longtask', t, ... }
  const waiters = [];
  let host = null;
  let hostPresent = false;
  let shownJob = null;
  let copied = false;
  const now = () => performance.now();

  function mark(m) {
    m.t ??= now();
    m.i = marks.length;
    marks.push(m);
    for (const w of [...waiters]) if (w.test(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  }

  // One look at the overlay after every batch of mutations: is the host there, which job does the card
  // show, does the Copy JSON button say "Copied"? Cheap selectors, so the probe barely weighs on timings.
  function scan() {
    const h = document.querySelector('provisioning-lens');
    if (h && h !== host) {
      host = h;
      if (h.shadowRoot) shadowObserver.observe(h.shadowRoot, { subtree: true, childList: true, characterData: true });
    }
    const present = !!h?.isConnected;
    if (present !== hostPresent) {
      hostPresent = present;
      mark({ kind: 'host', present });
    }
    const root = present ? h.shadowRoot : document;
    // The card's visible job id (its pieces' text joined); the head held it before ids broke into pieces.
    const id = root?.querySelector('article.pl-job .pl-id .pl-mono, article.pl-job .pl-job-head .pl-mono')?.textContent ?? null;
    if (id !== shownJob) {
      shownJob = id;
      if (id) mark({ kind: 'job', id, quarantine: !!root.querySelector('section.pl-quarantine') });
    }
    const copyJson = root?.querySelector('article.pl-job .pl-actions button');
    const nowCopied = copyJson?.textContent === 'Copied' || copyJson?.textContent === 'Copy failed';
    if (nowCopied && !copied) mark({ kind: 'copied', text: copyJson.textContent });
    copied = nowCopied;
  }
  const shadowObserver = new MutationObserver(scan);
  // Capture phase on window: runs before the overlay's own handler, so it stamps the click itself.
  addEventListener('click', () => mark({ kind: 'click' }), true);
  new MutationObserver(scan).observe(document, { subtree: true, childList: true });

  // The browser's own long-task records (> 50 ms on the page's main thread, content script included).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) mark({ kind: 'longtask', t: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const matches = (spec) => (m) => Object.entries(spec).every(([k, v]) => (k === 'from' ? m.i >= v : m[k] === v));

  window.__lensBench = {
    marks,
    dcl: () => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
    /** A mark matching `spec` (already recorded or still to come); rejects after `timeoutMs`. */
    waitFor(spec, timeoutMs = 15000) {
      const found = marks.find(matches(spec));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        // The timer goes as soon as the mark comes: a pending one would hold this closure (and show
        // up as heap growth in the memory measure) for `timeoutMs` after every navigation.
        const timer = setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) { waiters.splice(i, 1); reject(new Error(`probe: no ${JSON.stringify(spec)} within ${timeoutMs} ms; last marks ${JSON.stringify(marks.slice(-4))}`)); }
        }, timeoutMs);
        const w = { test: matches(spec), resolve: (m) => { clearTimeout(timer); resolve(m); } };
        waiters.push(w);
      });
    },
    /** Changes the hash (an in-portal navigation) and resolves with ms until a mark matching `spec` appears. */
    async navigate(hash, spec, timeoutMs) {
      const from = marks.length;
      const t0 = now();
      location.hash = hash;
      const m = await this.waitFor({ ...spec, from }, timeoutMs);
      return m.t - t0;
    },
    /** The same Graph request the worker makes, bare: no token (so a 401), same delay, from this page. */
    async bareFetch(url) {
      const t0 = now();
      const res = await fetch(url, { cache: 'no-store', credentials: 'omit' });
      await res.text();
      return { ms: now() - t0, status: res.status };
    },
  };
}
