// Small response helpers shared by the fake services.

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
export function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Extension pages and workers send `Origin: chrome-extension://<id>`; host permissions usually
 * bypass CORS, but an offscreen document or content script may not, so answer like the real services.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function applyCors(req, res, exposed = []) {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  if (exposed.length) res.setHeader('Access-Control-Expose-Headers', exposed.join(', '));
}

/** Answers a CORS preflight; returns true when it did. */
export function handlePreflight(req, res, methods = 'GET, POST, OPTIONS') {
  if (req.method !== 'OPTIONS') return false;
  applyCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', methods);
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] || 'authorization, content-type');
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
  return true;
}

/** @param {import('node:http').ServerResponse} res */
export function sendJson(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** @param {import('node:http').ServerResponse} res */
export function sendHtml(res, status, html, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}

export function escapeHtml(/** @type {unknown} */ value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const base64url = (/** @type {Buffer | string} */ data) => Buffer.from(data).toString('base64url');
