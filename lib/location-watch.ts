/**
 * Following the portal's in-page navigation (hash routes, history) from a content script.
 *
 * Our own watcher rather than WXT's `wxt:locationchange`: WXT ties that event to a context that any
 * page script can end by dispatching WXT's "newer script started" event, which would freeze the
 * overlay on the previous app. Only the browser's own (trusted) events count here, and the URL
 * always comes from the browser, never from the event's sender.
 */

/** The parts of `window` this needs; a test passes its own. */
export interface LocationSource {
  location: { readonly href: string };
  navigation?: EventTarget;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/** Without the Navigation API, history.pushState fires no event: look at the URL this often too. */
export const POLL_MS = 1000;

/**
 * Calls `onChange(href)` once per change of the page's URL, with the new URL. Returns a function
 * that stops watching.
 */
export function watchLocation(onChange: (href: string) => void, source: LocationSource = window as unknown as LocationSource): () => void {
  let last = source.location.href;
  const report = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const check = () => report(source.location.href);

  // The Navigation API fires before `location` changes (the destination is in the event), so the
  // overlay starts its lookup as early as the portal starts drawing the next blade.
  const onNavigate = (event: Event) => {
    if (!event.isTrusted) return;
    const url = (event as Event & { destination?: { url?: unknown } }).destination?.url;
    if (typeof url === 'string') report(url);
  };
  // A page can fire a fake hashchange or popstate; it only makes us read the real URL again.
  const events = ['hashchange', 'popstate'] as const;
  for (const type of events) source.addEventListener(type, check);
  const navigation = source.navigation;
  navigation?.addEventListener('navigate', onNavigate);
  const timer = navigation ? undefined : source.setInterval(check, POLL_MS);

  return () => {
    for (const type of events) source.removeEventListener(type, check);
    navigation?.removeEventListener('navigate', onNavigate);
    if (timer !== undefined) source.clearInterval(timer);
  };
}
