// Throw-away TLS material for the fake cloud. Generated per run into a temp dir and removed on stop,
// so no private key ever lands in the repository.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OPENSSL = process.env.OPENSSL_PATH || 'openssl';

/**
 * @param {string[]} hosts DNS names the leaf must cover (IP:127.0.0.1 and localhost are always added).
 * @returns {{ key: string, cert: string, ca: string, spki: string }}
 */
export function generateCerts(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-cloud-certs-'));
  const f = (name) => join(dir, name);
  const run = (args) => {
    try {
      execFileSync(OPENSSL, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const detail = /** @type {any} */ (err).stderr?.toString() || String(err);
      throw new Error(`openssl ${args[0]} failed (is /usr/bin/openssl installed?): ${detail}`);
    }
  };
  try {
    // EC keys: generation is instant, which matters on a 2-core CI box.
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run(['req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '2',
      '-subj', '/CN=Provisioning Lens Fake Cloud Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    run(['req', '-new', ...ec, '-keyout', f('leaf.key'), '-out', f('leaf.csr'), '-subj', '/CN=fake-cloud.test']);
    const san = [...new Set([...hosts, 'localhost'])].map((h) => `DNS:${h}`).concat('IP:127.0.0.1').join(',');
    writeFileSync(f('leaf.ext'), [
      `subjectAltName=${san}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'));
    run(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial',
      '-days', '2', '-sha256', '-extfile', f('leaf.ext'), '-out', f('leaf.crt')]);
    const cert = readFileSync(f('leaf.crt'), 'utf8');
    const ca = readFileSync(f('ca.crt'), 'utf8');
    const key = readFileSync(f('leaf.key'), 'utf8');
    return { key, cert, ca, spki: spkiHash(cert) };
  } finally {
    // The server keeps the key in memory only: nothing is left on disk even if the process is killed.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** base64(sha256(SubjectPublicKeyInfo DER)): the form --ignore-certificate-errors-spki-list expects. */
export function spkiHash(certPem) {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
