/**
 * The overlay's home in the portal page: a custom element with an open shadow root (open so tests
 * and assistive tech reach it), the portal's styles reset at the boundary, and keystrokes kept from
 * the portal's own shortcuts.
 */
export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

/** The input events a page could synthesise to work the overlay's controls. */
const UNTRUSTED_REFUSED = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointermove', 'pointerup',
  'keydown', 'keyup', 'keypress', 'input', 'change', 'submit',
] as const;

export function createShadowHost(name: string, css: string): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (event) => event.stopPropagation());
  // A page script can see the open shadow root and dispatch events into it: a synthetic click on
  // "Show raw JSON" would put the job where the page reads it. Only the browser's own (trusted)
  // input reaches the overlay's handlers, which Preact binds on the elements, below this capture.
  for (const type of UNTRUSTED_REFUSED) {
    shadow.addEventListener(type, (event) => {
      if (!event.isTrusted) event.stopImmediatePropagation();
    }, { capture: true });
  }
  return { host, container };
}
