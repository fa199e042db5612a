// Every request the fake cloud sees, so tests can assert what the extension actually sent.

const SELECTED = ['authorization', 'origin', 'client-request-id', 'content-type', 'accept', 'referer',
  'x-client-sku', 'x-client-ver', 'x-anchormailbox', 'access-control-request-method', 'access-control-request-headers'];

/**
 * @typedef {object} LogEntry
 * @property {number} seq
 * @property {string} time ISO time the request arrived
 * @property {'portal' | 'idp' | 'graph' | 'unknown'} service
 * @property {string} host
 * @property {string} method
 * @property {string} path      path and query, as sent
 * @property {string} pathname
 * @property {Record<string, string>} headers  the selected headers above, when present
 * @property {Record<string, string | string[] | undefined>} allHeaders
 * @property {string} [grantType]  token requests
 * @property {Record<string, string>} [form]  token requests: the posted form
 * @property {string} [body]    Graph writes (POST): the body as sent
 * @property {string} [fault]   which scripted fault answered, if any
 * @property {number} [status]  set when the answer finished (absent for hung or dropped requests)
 * @property {string} [responseRequestId]  the `request-id` header of a finished answer, when it had one
 * @property {number} [connectionRequest]  1 for the first request on its TLS connection, 2 for the next…
 * @property {string} [error]   stack of an exception in the fake itself (answered 500)
 */

export function createLog() {
  /** @type {LogEntry[]} */
  let entries = [];
  let seq = 0;
  return {
    get entries() {
      return entries;
    },
    /** @param {import('node:http').IncomingMessage} req @param {string} host @param {LogEntry['service']} service */
    add(req, host, service) {
      const path = req.url ?? '/';
      /** @type {Record<string, string>} */
      const headers = {};
      for (const name of SELECTED) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      /** @type {LogEntry} */
      const entry = {
        seq: ++seq, time: new Date().toISOString(), service, host, method: req.method ?? 'GET', path,
        pathname: path.split('?')[0], headers, allHeaders: { ...req.headers },
      };
      entries.push(entry);
      return entry;
    },
    clear() {
      entries = [];
    },
  };
}
