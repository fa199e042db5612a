// Scripted misbehaviour, shared by the Graph and sign-in fakes. A test queues answers for requests
// matching a path substring; each matching request consumes one, then the service behaves normally.

/**
 * @typedef {object} Fault
 * @property {number} [status]   answer with this status (body: `body`, else the service's usual error body)
 * @property {Record<string, string>} [headers]
 * @property {unknown} [body]    object → JSON; string → sent as is
 * @property {number} [delayMs]  wait first; alone (no status/kind) the normal answer follows
 * @property {boolean} [hang]      never answer (the socket stays open until the client gives up or stop())
 * @property {boolean} [reset]     drop the connection without an answer
 * @property {boolean} [malformed] status (default 200) with a truncated JSON body
 * @property {boolean} [html]      status (default 502) with an HTML error page, as a proxy would send
 *
 * @typedef {{ host: string, method: string, path: string, userAgent?: string, reusedConnection?: boolean }} FaultRequest
 * @typedef {string | RegExp | ((req: FaultRequest) => boolean)} Matcher  string: substring of path+query ('' = any)
 */

export function createFaults() {
  /** @type {{ matcher: Matcher, items: Fault[] }[]} */
  let queues = [];
  /**
   * Chromium silently resends a request once when a reused keep-alive connection dies before any
   * answer. So one scripted reset would never reach the extension: the resend gets the same reset.
   * @type {{ method: string, path: string, until: number, fault: Fault }[]}
   */
  let resends = [];
  const matches = (/** @type {Matcher} */ m, /** @type {FaultRequest} */ req) =>
    typeof m === 'function' ? m(req) : m instanceof RegExp ? m.test(req.path) : req.path.includes(m);

  return {
    /** Added to every request of this service, before any fault. */
    delayMs: 0,
    /** Queue answers for the next requests whose path+query matches; consumed in order. */
    failNext(/** @type {Matcher} */ matcher, /** @type {Fault | Fault[]} */ faults) {
      queues.push({ matcher, items: Array.isArray(faults) ? [...faults] : [faults] });
      return this;
    },
    /** Unconsumed faults, so a test can assert its script was used up. */
    pending() {
      return queues.reduce((n, q) => n + q.items.length, 0);
    },
    clear() {
      queues = [];
      resends = [];
      this.delayMs = 0;
    },
    /** @param {FaultRequest} req @returns {Fault | undefined} */
    take(req) {
      const now = Date.now();
      resends = resends.filter((r) => r.until > now);
      const resend = resends.findIndex((r) => r.method === req.method && r.path === req.path);
      if (resend >= 0) return resends.splice(resend, 1)[0]?.fault;
      const queue = queues.find((q) => q.items.length > 0 && matches(q.matcher, req));
      const fault = queue?.items.shift();
      queues = queues.filter((q) => q.items.length > 0);
      if (fault?.reset && req.reusedConnection && /Chrome\//.test(req.userAgent ?? '')) {
        // Chromium resends at once; the window only has to outlast a loaded machine's scheduling.
        resends.push({ method: req.method, path: req.path, until: now + 10_000, fault });
      }
      return fault;
    },
  };
}

/** @typedef {ReturnType<typeof createFaults>} Faults */

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Plays a fault. Returns true when the request is dealt with (answered, hung or dropped),
 * false when the normal handler should still answer (a pure delay).
 * @param {Fault} fault
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {(status: number, body: unknown) => void} sendError the service's error writer (fills ids etc.)
 */
export async function playFault(fault, req, res, sendError) {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.hang) return true;
  if (fault.reset) {
    // An RST on the TCP socket under TLS when Node allows it; else a close without an answer.
    const socket = /** @type {any} */ (req.socket);
    try {
      (socket._parent ?? socket).resetAndDestroy();
    } catch {
      socket.destroy();
    }
    return true;
  }
  for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, v);
  if (fault.malformed) {
    res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#x","value":[{"id":"trunc');
    return true;
  }
  if (fault.html) {
    const status = fault.status ?? 502;
    res.writeHead(status, { 'Content-Type': 'text/html' });
    res.end(`<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>`);
    return true;
  }
  if (fault.status === undefined) return false;
  sendError(fault.status, fault.body);
  return true;
}
