// The hostile portal page (`https://portal.azure.com/?variant=hostile#…`): the normal fake portal plus
// a page script that attacks the extension the way script running in the portal's own origin could
// (an XSS in the portal, a malicious portal extension, a compromised CDN script). It runs first in
// <head>, so every override is in place before the overlay draws (the content script starts at
// document_start, in its own isolated world, and loads the overlay UI later). It collects everything it manages to see in `window.__hostile`, which
// tests/e2e/isolation.e2e.ts scans for tokens and job data. Its attacks are functions the test calls.

/** The page script, as source. `extensionId` is the extension under attack (its id is public). */
export function hostileScript(/** @type {string} */ extensionId) {
  return `(() => {
  const EXT = ${JSON.stringify(extensionId)};
  const clip = (v) => { try { return typeof v === 'string' ? v.slice(0, 100000) : JSON.stringify(v).slice(0, 100000); } catch { return String(v).slice(0, 1000); } };
  const h = window.__hostile = {
    extensionId: EXT, fetches: [], parsed: [], messages: [], listenerTypes: [], shadowRootsSeen: 0, promisesMade: 0,
    overlayReads: [], sawRawJsonPassively: false, runtime: {}, errors: [], clicks: [],
  };
  const real = { fetch: window.fetch, attachShadow: Element.prototype.attachShadow, parse: JSON.parse,
    Promise: window.Promise, addEventListener: EventTarget.prototype.addEventListener, postMessage: window.postMessage };

  // 1. Overrides of the page world's built-ins. The content script lives in an isolated world with
  //    its own copies, so none of these should ever see the extension's calls or data.
  window.fetch = function (input, init) { h.fetches.push(clip(String(input && input.url || input))); return real.fetch.call(this, input, init); };
  Element.prototype.attachShadow = function (init) {
    h.shadowRootsSeen++;
    const root = real.attachShadow.call(this, Object.assign({}, init, { mode: 'open' }));
    (h.roots ||= []).push(root);
    return root;
  };
  JSON.parse = function (text, reviver) { h.parsed.push(clip(text)); return real.parse.call(this, text, reviver); };
  window.Promise = class extends real.Promise { constructor(executor) { h.promisesMade++; super(executor); } };
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (h.listenerTypes.length < 500) h.listenerTypes.push(String(type));
    return real.addEventListener.call(this, type, listener, options);
  };
  real.addEventListener.call(window, 'message', (event) => { h.messages.push(clip(event.data)); });

  // 2. Reading the overlay, passively: whatever its shadow root shows, every 100 ms.
  const overlayRoot = () => document.querySelector('provisioning-lens')?.shadowRoot ?? null;
  setInterval(() => {
    const root = overlayRoot();
    if (!root) return;
    const text = root.textContent || '';
    if (h.overlayReads.at(-1) !== text) h.overlayReads.push(clip(text));
    if (root.querySelector('.pl-json') || text.includes('"templateId"')) h.sawRawJsonPassively = true;
  }, 100);

  // 3. The extension's messaging, from the page: no chrome.runtime should be reachable here.
  h.tryRuntime = async () => {
    const c = window.chrome;
    h.runtime.chromeType = typeof c;
    h.runtime.runtimeType = typeof (c && c.runtime);
    h.runtime.sendMessageType = typeof (c && c.runtime && c.runtime.sendMessage);
    const query = { cloud: 'global', servicePrincipalId: '00000000-0000-4000-8000-000000000001' };
    for (const message of [{ lens: 1, type: 'lookupJobs', data: query }, { type: 'lookupJobs', data: query }, { lens: 1, type: 'msal.acquireToken', data: {} }]) {
      try {
        const answer = await new real.Promise((resolve, reject) => {
          try { c.runtime.sendMessage(EXT, message, (reply) => resolve(reply === undefined ? 'undefined: ' + String(c.runtime.lastError && c.runtime.lastError.message) : clip(reply))); }
          catch (error) { reject(error); }
        });
        h.runtime['answer:' + message.type] = answer;
      } catch (error) {
        h.runtime['error:' + message.type] = String(error && error.message || error);
      }
    }
    try { c.runtime.connect(EXT); h.runtime.connect = 'connected'; } catch (error) { h.runtime.connect = String(error && error.message || error); }
    return h.runtime;
  };

  // 4. Window messages and DOM events shaped like the extension's own.
  h.spoofMessagesAndEvents = (servicePrincipalId, appId) => {
    const query = { cloud: 'global', servicePrincipalId };
    window.postMessage({ lens: 1, type: 'lookupJobs', data: query }, '*');
    window.postMessage({ type: 'lookupJobs', data: query }, '*');
    window.postMessage({ lens: 1, type: 'getPortalPage' }, '*');
    const url = 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/' + appId + '/objectId/' + servicePrincipalId;
    // WXT's location event, under its per-extension name and the plain one, with a URL of the page's choosing.
    for (const name of [EXT + ':content:wxt:locationchange', 'wxt:locationchange']) {
      const event = new Event(name);
      event.newUrl = new URL(url);
      event.oldUrl = new URL(location.href);
      window.dispatchEvent(event);
      window.dispatchEvent(new CustomEvent(name, { detail: { newUrl: url } }));
    }
    document.dispatchEvent(new CustomEvent('provisioning-lens:lookup', { detail: query }));
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: location.href, newURL: url }));
    window.dispatchEvent(new PopStateEvent('popstate', { state: { url } }));
  };

  // 5. WXT's "a newer copy of this content script started" signal, which stops the older copy.
  h.invalidateContentScript = () => {
    const name = EXT + ':content:wxt:content-script-started';
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'hostile' } }));
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'hostile' }, '*');
  };

  // 6. Clicking the overlay's buttons from script (untrusted clicks). Returns what it clicked.
  h.clickOverlay = (pattern) => {
    const root = overlayRoot();
    if (!root) return [];
    const re = new RegExp(pattern, 'i');
    const clicked = [];
    for (const button of root.querySelectorAll('button')) {
      const name = (button.getAttribute('aria-label') || button.textContent || '').trim();
      if (re.test(name)) { button.click(); clicked.push(name); }
    }
    h.clicks.push(...clicked);
    return clicked;
  };
  h.readOverlay = () => {
    const root = overlayRoot();
    return root ? { text: root.textContent || '', rawJsonShown: !!root.querySelector('.pl-json') } : null;
  };

  // 7. The overlay UI module is a web-accessible resource: try to load it from the page.
  h.tryResource = async () => {
    try { const r = await real.fetch.call(window, 'chrome-extension://' + EXT + '/overlay-ui.js'); return 'status ' + r.status; }
    catch (error) { return 'refused: ' + String(error && error.message || error); }
  };
})();`;
}
