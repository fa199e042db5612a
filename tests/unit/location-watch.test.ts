import { afterEach, describe, expect, it, vi } from 'vitest';
import { POLL_MS, watchLocation, type LocationSource } from '@/lib/location-watch';

const A = 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/objectId/aaaa/appId/bbbb';
const B = 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/aaaa/appId/bbbb';

/** A window with a settable URL, events we fire by hand (trusted or not) and, optionally, the Navigation API. */
function fakeWindow(withNavigation: boolean) {
  const target = new EventTarget();
  const navigation = withNavigation ? new EventTarget() : undefined;
  const source: LocationSource & { href: string } = {
    href: A,
    location: { get href() { return source.href; } },
    navigation,
    addEventListener: (type, listener) => target.addEventListener(type, listener),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener),
    setInterval: (handler, ms) => setInterval(handler, ms) as unknown as number,
    clearInterval: (id) => clearInterval(id),
  };
  const fire = (on: EventTarget, type: string, extra: Record<string, unknown> = {}, trusted = true) => {
    const event = Object.assign(new Event(type), extra);
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    on.dispatchEvent(event);
  };
  return { source, target, navigation, fire };
}

afterEach(() => vi.useRealTimers());

describe('watchLocation with the Navigation API (Chrome, Edge)', () => {
  it('reports the destination of a navigation once, before location changes', () => {
    const w = fakeWindow(true);
    const seen: string[] = [];
    watchLocation((href) => seen.push(href), w.source);
    w.fire(w.navigation!, 'navigate', { destination: { url: B } });
    expect(seen).toEqual([B]);
    w.source.href = B;
    w.fire(w.target, 'hashchange');
    expect(seen).toEqual([B]);
  });

  it.each([
    ['an untrusted navigate event (a page script)', false, { destination: { url: B } }],
    ['a navigate event without a destination', true, {}],
    ['a destination that is not a string', true, { destination: { url: { toString: (): string => B } } }],
  ])('ignores %s', (_name, trusted, extra) => {
    const w = fakeWindow(true);
    const seen: string[] = [];
    watchLocation((href) => seen.push(href), w.source);
    w.fire(w.navigation!, 'navigate', extra, trusted);
    expect(seen).toEqual([]);
  });

  it('a fake hashchange only makes it read the real URL: no change, no report', () => {
    const w = fakeWindow(true);
    const seen: string[] = [];
    watchLocation((href) => seen.push(href), w.source);
    w.fire(w.target, 'hashchange', {}, false);
    expect(seen).toEqual([]);
  });

  it('stops when told to', () => {
    const w = fakeWindow(true);
    const seen: string[] = [];
    watchLocation((href) => seen.push(href), w.source)();
    w.fire(w.navigation!, 'navigate', { destination: { url: B } });
    w.source.href = B;
    w.fire(w.target, 'hashchange');
    expect(seen).toEqual([]);
  });
});

describe('watchLocation without the Navigation API (older Firefox)', () => {
  it('reports hash changes and history navigation at once', () => {
    const w = fakeWindow(false);
    const seen: string[] = [];
    watchLocation((href) => seen.push(href), w.source);
    w.source.href = B;
    w.fire(w.target, 'hashchange');
    w.source.href = A;
    w.fire(w.target, 'popstate');
    expect(seen).toEqual([B, A]);
  });

  it('notices pushState (which fires no event) within one poll, and stops polling when told to', () => {
    vi.useFakeTimers();
    const w = fakeWindow(false);
    const seen: string[] = [];
    const stop = watchLocation((href) => seen.push(href), w.source);
    w.source.href = B;
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual([B]);
    stop();
    w.source.href = A;
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(seen).toEqual([B]);
  });
});
