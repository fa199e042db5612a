/**
 * Publishable (issue 11): `npm run zip` makes Chrome, Edge and Firefox packages with icons and without
 * the development key, and the store listing justifies exactly what the manifests ask for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

const STORE = '.output/store';
const PACKAGES = ['chrome-mv3', 'edge-mv3', 'firefox-mv2'] as const;
type Manifest = Record<string, any>;
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(`${STORE}/${dir}/manifest.json`, 'utf8'));
const version = () => JSON.parse(readFileSync('package.json', 'utf8')).version as string;

/** The file names in a zip, from its central directory (no unzip tool needed). */
function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

beforeAll(() => {
  execFileSync('npm', ['run', 'zip'], { stdio: 'ignore' });
}, 120_000);

describe('store packages', () => {
  it.each(PACKAGES)('%s: zipped, no development key, icons 16–128 in the package', (dir) => {
    const zip = `${STORE}/provisioning-lens-${version()}-${dir.split('-')[0]}.zip`;
    expect(statSync(zip).size).toBeGreaterThan(50_000);
    const manifest = manifestOf(dir);
    expect(manifest.key).toBeUndefined();
    for (const size of ['16', '32', '48', '128']) {
      expect(manifest.icons[size]).toBe(`icon/${size}.png`);
      expect(existsSync(`${STORE}/${dir}/icon/${size}.png`)).toBe(true);
    }
    // Chrome and Edge sign in through the offscreen document: without it, no sign-in at all.
    if (manifest.manifest_version === 3) {
      expect(manifest.permissions).toContain('offscreen');
      expect(existsSync(`${STORE}/${dir}/offscreen.html`)).toBe(true);
    }
  });

  it('the sources package for Firefox reviewers leaves local output out', () => {
    const listing = zipEntries(`${STORE}/provisioning-lens-${version()}-sources.zip`).join('\n');
    expect(listing).toContain('wxt.config.ts');
    expect(listing).not.toMatch(/^demo-output\//m);
    expect(listing).not.toMatch(/^node_modules\//m);
  });

  it('the listing justifies every permission, host and portal the manifests ask for, and nothing says data leaves for the authors', () => {
    const listing = readFileSync('store/listing.md', 'utf8');
    const privacy = readFileSync('store/PRIVACY.md', 'utf8');
    for (const dir of PACKAGES) {
      const manifest = manifestOf(dir);
      const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.host_permissions ?? [])];
      for (const permission of asked) {
        const name = String(permission).replace(/^https:\/\//, '').replace(/\/\*$/, '');
        expect(listing, `${dir}: ${permission}`).toContain(`\`${name}\``);
      }
      for (const match of manifest.content_scripts[0].matches as string[]) expect(listing).toContain(`\`${match.replace(/^https:\/\//, '').replace(/\/\*$/, '')}\``);
    }
    expect(manifestOf('firefox-mv2').browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(privacy).toContain('Nothing to the authors or anyone else');
    expect(privacy).toContain('No token is ever written to disk');
  });
});
