/**
 * The overlay's home in the portal page: a custom element with an open shadow root (open so tests
 * and assistive tech reach it), the portal's styles reset at the boundary, and keystrokes kept from
 * the portal's own shortcuts.
 */
export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

export function createShadowHost(name: string, css: string): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (event) => event.stopPropagation());
  return { host, container };
}
