/**
 * The reports throttle, kept on our side: Graph allows 5 provisioning-log requests per 10 s per app
 * and tenant. An admin opening six quarantined apps at once would otherwise earn a 429 for the
 * sixth; instead it waits for a slot. Every HTTP request counts (pages and retries included).
 */
export const REPORTS_LIMIT = 5;
export const REPORTS_WINDOW_MS = 10_000;

export function createReportsThrottle(options: { now?: () => number; sleep?: (ms: number) => Promise<void>; limit?: number; windowMs?: number } = {}) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = options.limit ?? REPORTS_LIMIT;
  const windowMs = options.windowMs ?? REPORTS_WINDOW_MS;
  const starts: number[] = [];
  // One waiter at a time, in arrival order, so a slot goes to the request that asked first.
  let queue: Promise<void> = Promise.resolve();

  async function take(): Promise<void> {
    for (;;) {
      const at = now();
      while (starts.length && at - starts[0]! >= windowMs) starts.shift();
      if (starts.length < limit) {
        starts.push(at);
        return;
      }
      await sleep(starts[0]! + windowMs - at);
    }
  }

  return {
    /** Resolves when a request may start, and counts it. */
    slot(): Promise<void> {
      const mine = queue.then(take);
      queue = mine.catch(() => {});
      return mine;
    },
  };
}

/** `fetch` that waits for the throttle before each request. */
export function throttledFetch(throttle: ReturnType<typeof createReportsThrottle>, base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    await throttle.slot();
    return base(input, init);
  }) as typeof fetch;
}
