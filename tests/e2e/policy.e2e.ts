/**
 * Managed settings (issue 11): Debian's Chromium reads policies from /etc/chromium/policies/managed.
 * This suite writes one there for the extension (as root), starts the browser, and checks that the
 * policy's values are in force and locked on the options page, and that sign-in uses them with
 * nothing entered locally. The file is removed afterwards. Skipped, saying so, where the folder
 * cannot be written (not root, another distribution).
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appByKey, DEMO_CLIENT_ID, EXTENSION_ID, provisioningUrl, type FakeCloud } from './harness';
import { overlay, signIn, useExtension, type Harness } from './flows';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/provisioning-lens-e2e.json`;
const TENANT_ID = '0efcc5ce-d806-4c95-8b16-a4a486432729'; // the demo tenant (tests/fake-cloud/tenant.mjs)

/** Why the policy folder cannot be written here, or null when it can (nothing is written yet). */
function cannotWrite(): string | null {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function writePolicy(): void {
  const policy = { clientId: DEMO_CLIENT_ID, tenant: TENANT_ID, cloud: 'global', watchIntervalMinutes: 30 };
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
}
const removePolicy = () => rmSync(POLICY_FILE, { force: true });

const cannot = cannotWrite();
if (cannot) console.log(`[policy] skipped: cannot write ${POLICY_FILE} (${cannot})`);
// Every Chromium started on this machine reads the folder: never leave the file behind.
process.once('exit', removePolicy);

describe.skipIf(cannot !== null)('settings set by the organization (Chromium policy)', () => {
  // Written just before this suite's browser starts (hooks run in order), removed when it ends.
  beforeAll(writePolicy);
  const env = useExtension();
  let cloud: FakeCloud;
  let h: Harness;
  beforeAll(() => void ({ cloud, h } = env));
  afterAll(removePolicy);

  it('shows the policy values on the options page, read-only, and keeps the rest editable', async () => {
    expect(cloud.tenant.id).toBe(TENANT_ID);
    const options = await h.page('options.html');
    const clientId = options.getByLabel('Application (client) ID');
    await clientId.waitFor();
    expect(await clientId.inputValue()).toBe(DEMO_CLIENT_ID);
    expect(await clientId.isDisabled()).toBe(true);
    expect(await options.getByLabel('Directory (tenant) ID').inputValue()).toBe(TENANT_ID);
    expect(await options.getByLabel('Directory (tenant) ID').isDisabled()).toBe(true);
    expect(await options.getByLabel('Cloud').isDisabled()).toBe(true);
    expect(await options.getByText('Set by your organization.', { exact: false }).count()).toBeGreaterThanOrEqual(4);
    expect(await options.getByLabel('Graph version').isDisabled()).toBe(false);
    expect(await options.getByLabel('Check every (minutes)').inputValue()).toBe('30');
    expect(await options.getByLabel('Check every (minutes)').isDisabled()).toBe(true);
    await options.close();
  });

  it('signs in and reads a job with the policy\'s app registration, nothing entered locally', async () => {
    await signIn(h, cloud.tenant.admin.upn);
    const authorize = new URL(cloud.authorizeRequests()[0]!.path, 'https://x');
    expect(authorize.searchParams.get('client_id')).toBe(DEMO_CLIENT_ID);
    expect(authorize.pathname.startsWith(`/${TENANT_ID}/`)).toBe(true);
    const page = await h.page(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await overlay(page).getByRole('region', { name: 'Quarantine' }).waitFor();
    const stored = await h.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
      return (await chrome.storage.local.get('settings')).settings ?? null;
    });
    expect(stored).toBeNull(); // the policy was not copied into local storage
    await page.close();
  });
});
