/**
 * Checks the fake Microsoft cloud itself (so an end-to-end failure points at the extension, not the
 * fake), then that a real Chromium with the built extension reaches it through the resolver rules.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appByKey, ensureBuilt, EXTENSION_ID, launchExtension, provisioningUrl, startFakeCloud, TENANT_ID,
  type ExtensionHarness, type FakeCloud,
} from './harness';

const REDIRECT = `https://${EXTENSION_ID}.chromiumapp.org/`;
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const SCOPE = 'Synchronization.Read.All openid profile offline_access';
const LOGIN = 'https://login.microsoftonline.com';

const decodeJwtPayload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string | undefined>, tenant = 'organizations') {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return `${LOGIN}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(defined)}`;
}

describe('fake cloud over HTTPS', () => {
  let cloud: FakeCloud;
  const clientId = randomUUID();

  beforeAll(async () => {
    cloud = await startFakeCloud();
  });
  afterEach(() => cloud.reset());
  afterAll(() => cloud?.stop());

  async function authorize(overrides: Record<string, string | undefined> = {}) {
    const { verifier, challenge } = pkce();
    const res = await cloud.fetch(authorizeUrl({
      client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', response_mode: 'fragment', scope: SCOPE,
      code_challenge: challenge, code_challenge_method: 'S256', state: 'state-1', nonce: 'nonce-1', ...overrides,
    }));
    return { res, verifier, location: String(res.headers.location ?? '') };
  }
  const fragmentOf = (location: string) => new URLSearchParams(new URL(location).hash.slice(1));
  const token = (form: Record<string, string>) =>
    cloud.fetch(`${LOGIN}/organizations/oauth2/v2.0/token`, {
      method: 'POST', headers: { origin: ORIGIN }, body: new URLSearchParams({ client_id: clientId, ...form }),
    });
  async function signIn() {
    const { verifier, location } = await authorize();
    const res = await token({ grant_type: 'authorization_code', code: fragmentOf(location).get('code') ?? '', redirect_uri: REDIRECT, code_verifier: verifier, scope: SCOPE });
    expect(res.status).toBe(200);
    return res.json();
  }
  const graphGet = (path: string, accessToken?: string, host = 'graph.microsoft.com', headers: Record<string, string> = {}) =>
    cloud.fetch(`https://${host}${path}`, { headers: { ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}), ...headers } });

  it('authorize answers 302 to the redirect URI with code, state and client_info in the fragment', async () => {
    const { res, location } = await authorize();
    expect(res.status).toBe(302);
    expect(location.startsWith(`${REDIRECT}#`)).toBe(true);
    const f = fragmentOf(location);
    expect(f.get('code')).toMatch(/^fake-code-/);
    expect(f.get('state')).toBe('state-1');
    expect(JSON.parse(Buffer.from(f.get('client_info') ?? '', 'base64url').toString())).toEqual({ uid: cloud.tenant.admin.oid, utid: TENANT_ID });
    const query = await authorize({ response_mode: 'query' });
    expect(new URL(query.location).searchParams.get('code')).toMatch(/^fake-code-/);
  });

  it('authorize rejects bad requests the way Entra does', async () => {
    const noPkce = await authorize({ code_challenge: undefined });
    expect(fragmentOf(noPkce.location).get('error')).toBe('invalid_request');
    expect(fragmentOf((await authorize({ nonce: undefined })).location).get('error')).toBe('invalid_request');
    expect(fragmentOf((await authorize({ response_type: 'token' })).location).get('error')).toBe('unsupported_response_type');
    // A bad client or redirect URI gets an error page, never a redirect.
    expect((await authorize({ redirect_uri: 'https://evil.example/' })).res.status).toBe(400);
    expect((await authorize({ client_id: 'not-a-guid' })).res.status).toBe(400);
    cloud.idp.hasSession = false;
    const silent = fragmentOf((await authorize({ prompt: 'none' })).location);
    expect(silent.get('error')).toBe('login_required');
    expect(silent.get('state')).toBe('state-1');
  });

  it('redeems a code only with the right PKCE verifier, once, and returns MSAL-shaped tokens', async () => {
    const first = await authorize();
    const wrong = await token({ grant_type: 'authorization_code', code: fragmentOf(first.location).get('code') ?? '', redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.json().error).toBe('invalid_grant');
    expect(wrong.json().error_description).toContain('AADSTS50148');

    const { verifier, location } = await authorize();
    const code = fragmentOf(location).get('code') ?? '';
    const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, scope: SCOPE });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    const body = ok.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(body.access_token).toMatch(/^fake-at-/);
    expect(body.scope.split(' ')).toContain('Synchronization.Read.All');
    expect(body.scope.split(' ')).not.toContain('offline_access');
    const claims = decodeJwtPayload(body.id_token);
    expect(claims).toMatchObject({
      nonce: 'nonce-1', aud: clientId, tid: TENANT_ID, oid: cloud.tenant.admin.oid, name: cloud.tenant.admin.name,
      preferred_username: cloud.tenant.admin.upn, iss: `${LOGIN}/${TENANT_ID}/v2.0`,
    });
    expect(claims.exp).toBeGreaterThan(claims.iat);
    expect(JSON.parse(Buffer.from(body.client_info, 'base64url').toString())).toEqual({ uid: cloud.tenant.admin.oid, utid: TENANT_ID });

    const reuse = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(reuse.json().error).toBe('invalid_grant');

    const preflight = await cloud.fetch(`${LOGIN}/organizations/oauth2/v2.0/token`, {
      method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-client-sku' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-client-sku');
  });

  it('rotates refresh tokens, can fail them with invalid_grant, and counts grants', async () => {
    const first = await signIn();
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: SCOPE });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json().refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.json().access_token).not.toBe(first.access_token);

    cloud.idp.rotateStrictly = true;
    const second = refreshed.json().refresh_token;
    expect((await token({ grant_type: 'refresh_token', refresh_token: second })).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: second })).json().error).toBe('invalid_grant');

    const fresh = await signIn();
    cloud.idp.refreshFails = true;
    const revoked = await token({ grant_type: 'refresh_token', refresh_token: fresh.refresh_token });
    expect(revoked.status).toBe(400);
    expect(revoked.json().error).toBe('invalid_grant');
    cloud.idp.refreshFails = false;
    cloud.idp.revokeRefreshTokens();
    expect((await token({ grant_type: 'refresh_token', refresh_token: fresh.refresh_token })).json().error).toBe('invalid_grant');

    expect(cloud.idp.counts).toMatchObject({ authorization_code: 2, refresh_token: 5, authorize: 2 });
  });

  it('asks for consent the way Entra does: a refresh for an unconsented permission fails with AADSTS65001, an interactive sign-in for it grants it', async () => {
    const LOGS = 'https://graph.microsoft.com/AuditLog.Read.All https://graph.microsoft.com/Directory.Read.All offline_access';
    const first = await signIn();
    const refused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: LOGS });
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });
    expect(refused.json().error_description).toContain('AADSTS65001');
    // What the tenant had consented to before still refreshes.
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: SCOPE })).status).toBe(200);

    cloud.idp.declineConsent = true;
    const declined = await authorize({ scope: LOGS });
    expect(fragmentOf(declined.location).get('error')).toBe('access_denied');
    expect(cloud.idp.consented.has('AuditLog.Read.All')).toBe(false);

    cloud.idp.declineConsent = false;
    const { verifier, location } = await authorize({ scope: LOGS });
    const granted = await token({ grant_type: 'authorization_code', code: fragmentOf(location).get('code') ?? '', redirect_uri: REDIRECT, code_verifier: verifier, scope: LOGS });
    expect(granted.json().scope.split(' ')).toEqual(['https://graph.microsoft.com/AuditLog.Read.All', 'https://graph.microsoft.com/Directory.Read.All']);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: LOGS })).status).toBe(200);
    cloud.reset();
    expect(cloud.idp.consented.has('AuditLog.Read.All')).toBe(false);
  });

  it('honours the access-token lifetime and expiry controls', async () => {
    cloud.idp.accessTokenLifetime = 120;
    const tokens = await signIn();
    expect(tokens.expires_in).toBe(120);
    const sp = appByKey(cloud.tenant, 'scim-healthy');
    expect((await graphGet(`/v1.0/servicePrincipals/${sp.objectId}/synchronization/jobs`, tokens.access_token)).status).toBe(200);
    cloud.idp.expireAccessTokens();
    const expired = await graphGet(`/v1.0/servicePrincipals/${sp.objectId}/synchronization/jobs`, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json().error.message).toMatch(/expired/);
  });

  it('Graph rejects a missing, unknown or other-cloud token with Graph error shape and ids', async () => {
    const path = `/v1.0/servicePrincipals/${appByKey(cloud.tenant, 'salesforce-sandbox').objectId}/synchronization/jobs`;
    const missing = await graphGet(path, undefined, 'graph.microsoft.com', { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
    expect(missing.status).toBe(401);
    expect(missing.headers['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(missing.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer /);
    const error = missing.json().error;
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.innerError).toMatchObject({ 'request-id': missing.headers['request-id'], 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' });
    expect(error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    expect((await graphGet(path, 'fake-at-never-issued')).status).toBe(401);
    const global = cloud.idp.issueTokens();
    expect((await graphGet(path, global.access_token, 'graph.microsoft.us')).status).toBe(401);
    const usgov = cloud.idp.issueTokens({ loginHost: 'login.microsoftonline.us' });
    expect((await graphGet(path, usgov.access_token, 'dod-graph.microsoft.us')).status).toBe(200);
  });

  it('serves every demo app: job list, single job by encoded id, service principal by appId', async () => {
    const at = cloud.idp.issueTokens().access_token;
    for (const app of cloud.tenant.apps) {
      const list = await graphGet(`/v1.0/servicePrincipals/${app.objectId}/synchronization/jobs`, at);
      expect(list.status, app.key).toBe(200);
      expect(list.headers['content-type']).toMatch(/^application\/json/);
      expect(list.json().value).toEqual(app.jobs);
      for (const job of app.jobs) {
        const one = await graphGet(`/beta/servicePrincipals/${app.objectId}/synchronization/jobs/${encodeURIComponent(job.id)}`, at);
        expect(one.status, job.id).toBe(200);
        const { '@odata.context': context, ...rest } = one.json();
        expect(context).toContain('/$entity');
        expect(rest).toEqual(job);
      }
      const sp = await graphGet(`/v1.0/servicePrincipals(appId='${app.appId}')?$select=id,appId,displayName`, at);
      expect(sp.json()).toMatchObject({ id: app.objectId, appId: app.appId, displayName: app.displayName });
      expect(Object.keys(sp.json())).toHaveLength(4);
    }
    const cloudSync = appByKey(cloud.tenant, 'cloud-sync');
    expect(cloudSync.jobs.map((j) => j.templateId)).toEqual(['AD2AADProvisioning', 'AD2AADPasswordHash']);

    const unknownSp = await graphGet(`/v1.0/servicePrincipals/${randomUUID()}/synchronization/jobs`, at);
    expect(unknownSp.status).toBe(404);
    expect(unknownSp.json().error.code).toBe('Request_ResourceNotFound');
    const sf = appByKey(cloud.tenant, 'salesforce-sandbox');
    const unknownJob = await graphGet(`/v1.0/servicePrincipals/${sf.objectId}/synchronization/jobs/scim.nope`, at);
    expect(unknownJob.json().error.code).toBe('Request_ResourceNotFound');
    expect((await graphGet(`/v1.0/servicePrincipals(appId='${randomUUID()}')`, at)).status).toBe(404);
    expect((await graphGet('/v1.0/servicePrincipals/not-a-guid/synchronization/jobs', at)).status).toBe(400);
  });

  it('keeps demo timestamps relative to the start time, with Graph 7-digit fractions and sentinels', () => {
    const now = cloud.tenant.now;
    const q = appByKey(cloud.tenant, 'salesforce-sandbox').jobs[0].status.quarantine;
    const hours = (iso: string) => (Date.parse(iso.replace(/(\.\d{3})\d+Z$/, '$1Z')) - now) / 3_600_000;
    expect(hours(q.currentBegan)).toBeCloseTo(-48, 0);
    expect(hours(q.nextAttempt)).toBeCloseTo(5, 0);
    expect(hours(q.seriesBegan) / 24).toBeCloseTo(-9.1, 0);
    expect(q).toMatchObject({ reason: 'EncounteredQuarantineException', seriesCount: 4, error: { code: 'SalesforceInvalidCredentials', tenantActionable: true } });
    expect(q.currentBegan).toMatch(/\.\d{7}Z$/);
    const slack = appByKey(cloud.tenant, 'slack').jobs[0];
    expect(slack.status.code).toBe('NotConfigured');
    expect(slack.schedule.interval).toBe('P10675199DT2H48M5.4775807S');
    expect(slack.status.steadyStateFirstAchievedTime).toBe('0001-01-01T00:00:00Z');
    expect(appByKey(cloud.tenant, 'box').jobs[0].status.code).toBe('Throttled');
    expect(appByKey(cloud.tenant, 'northwind-scim').jobs[0].status.quarantine.error.message).toContain('<img src=x onerror="window.__pwned=1">');
  });

  it('plays scripted Graph faults in order for matching requests only, then behaves normally', async () => {
    const at = cloud.idp.issueTokens().access_token;
    const sf = appByKey(cloud.tenant, 'salesforce-sandbox');
    const jobs = `/v1.0/servicePrincipals/${sf.objectId}/synchronization/jobs`;
    cloud.graph.failNext('/synchronization/jobs', [
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 401, body: { error: { code: 'UnknownError', message: '' } } },
    ]);
    const first = await graphGet(jobs, at, 'graph.microsoft.com', { 'client-request-id': 'r-1' });
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.json().error).toMatchObject({ code: 'TooManyRequests', innerError: { 'client-request-id': 'r-1' } });
    // A request that does not match leaves the script alone.
    expect((await graphGet(`/v1.0/servicePrincipals(appId='${sf.appId}')`, at)).status).toBe(200);
    const second = await graphGet(jobs, at);
    expect(second.status).toBe(401);
    expect(second.json().error).toMatchObject({ code: 'UnknownError', message: '', innerError: { 'request-id': second.headers['request-id'] } });
    expect(cloud.graph.faults.pending()).toBe(0);
    expect((await graphGet(jobs, at)).status).toBe(200);
    expect(cloud.graphRequests().map((e) => e.status)).toEqual([429, 200, 401, 200]);
  });

  it('can answer malformed JSON, an HTML error page, late, never, or drop the connection', async () => {
    const at = cloud.idp.issueTokens().access_token;
    const jobs = `/v1.0/servicePrincipals/${appByKey(cloud.tenant, 'scim-healthy').objectId}/synchronization/jobs`;
    cloud.graph.failNext('', [{ malformed: true }, { html: true, status: 502 }, { delayMs: 300 }, { hang: true }, { reset: true }]);
    const malformed = await graphGet(jobs, at);
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    const html = await graphGet(jobs, at);
    expect(html.status).toBe(502);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    const t0 = Date.now();
    expect((await graphGet(jobs, at)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await expect(cloud.fetch(`https://graph.microsoft.com${jobs}`, { headers: { authorization: `Bearer ${at}` }, timeoutMs: 300 })).rejects.toThrow(/timeout/);
    await expect(graphGet(jobs, at)).rejects.toThrow();
    expect((await graphGet(jobs, at)).status).toBe(200);

    cloud.idp.faults.failNext('/token', { status: 503, body: { error: 'temporarily_unavailable' } });
    const t = await token({ grant_type: 'refresh_token', refresh_token: 'x' });
    expect(t.status).toBe(503);
  });

  it('logs every request with the headers and grant type the client sent', async () => {
    await signIn();
    const at = cloud.idp.issueTokens().access_token;
    await graphGet(`/v1.0/servicePrincipals/${appByKey(cloud.tenant, 'box').objectId}/synchronization/jobs`, at, 'graph.microsoft.com', {
      'client-request-id': 'log-test', origin: ORIGIN,
    });
    const [tokenReq] = cloud.tokenRequests();
    expect(tokenReq).toMatchObject({ service: 'idp', method: 'POST', host: 'login.microsoftonline.com', grantType: 'authorization_code', status: 200 });
    expect(tokenReq?.form?.code_verifier).toBeTruthy();
    expect(cloud.authorizeRequests()).toHaveLength(1);
    const [graphReq] = cloud.graphRequests();
    expect(graphReq).toMatchObject({
      host: 'graph.microsoft.com', method: 'GET', status: 200,
      headers: { authorization: `Bearer ${at}`, origin: ORIGIN, 'client-request-id': 'log-test' },
    });
    expect(graphReq?.path).toMatch(/\/synchronization\/jobs$/);
    expect(Date.parse(graphReq?.time ?? '')).not.toBeNaN();
    cloud.clearLog();
    expect(cloud.log).toHaveLength(0);
  });

  it('serves the fake portal on every portal host, at / and /{tenantId}/', async () => {
    for (const host of cloud.hosts.portal) {
      for (const path of ['/', `/${TENANT_ID}/`]) {
        const res = await cloud.fetch(cloud.url(host, path));
        expect(res.status, host + path).toBe(200);
        expect(res.text).toContain('id="commandbar"');
        for (const app of cloud.tenant.apps) expect(res.text).toContain(`ProvisioningManagement/appId/${app.appId}/objectId/${app.objectId}`);
      }
    }
    const page = (await cloud.fetch(cloud.url('portal.azure.com'))).text;
    expect(page).not.toContain('onerror="window.__pwned'); // job text never reaches the portal page
  });
});

describe('browser with the built extension', () => {
  let cloud: FakeCloud;
  let browser: ExtensionHarness;

  beforeAll(async () => {
    ensureBuilt();
    cloud = await startFakeCloud();
    browser = await launchExtension({ cloud });
  });
  afterAll(async () => {
    await browser?.stop();
    await cloud?.stop();
  });

  it('loads the extension with its pinned id', () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
    expect(browser.serviceWorker.url()).toBe(`${ORIGIN}/background.js`);
  });

  it('shows the fake portal at https://portal.azure.com/ and routes by hash', async () => {
    const page = await browser.page('https://portal.azure.com/');
    expect(await page.title()).toBe('Home - Microsoft Azure');
    await expect(page.locator('#commandbar').isVisible()).resolves.toBe(true);
    await page.click('[data-app="salesforce-sandbox"] a[data-route="provisioning"]');
    expect(page.url()).toBe(provisioningUrl(appByKey(cloud.tenant, 'salesforce-sandbox')));
    await page.locator('#quarantine-banner').waitFor({ state: 'visible' });
    await page.evaluate((hash) => { location.hash = hash; }, '#home');
    await page.locator('#quarantine-banner').waitFor({ state: 'hidden' });
    expect(cloud.portalRequests().some((e) => e.host === 'portal.azure.com' && e.path === '/')).toBe(true);
    await page.close();
  });

  it('lets the service worker reach fake Graph over trusted HTTPS, and nothing else', async () => {
    const sp = appByKey(cloud.tenant, 'salesforce-sandbox');
    const url = `https://graph.microsoft.com/v1.0/servicePrincipals/${sp.objectId}/synchronization/jobs`;
    const anonymous = await browser.serviceWorker.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, requestId: r.headers.get('request-id'), code: (await r.json()).error.code };
    }, url);
    expect(anonymous).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(anonymous.requestId).toBeTruthy();

    const at = cloud.idp.issueTokens().access_token;
    const jobs = await browser.serviceWorker.evaluate(async ([u, t]) => {
      const r = await fetch(u as string, { headers: { authorization: `Bearer ${t}` } });
      return (await r.json()).value.map((j: { id: string }) => j.id);
    }, [url, at]);
    expect(jobs).toEqual(sp.jobs.map((j) => j.id));

    const outside = await browser.serviceWorker.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'blocked'));
    expect(outside).toBe('blocked');
  });

  it('delivers a scripted connection reset to the worker as one network error', async () => {
    // The first fetch leaves a keep-alive connection, so Chromium would silently resend after a reset.
    const url = 'https://graph.microsoft.com/v1.0/servicePrincipals';
    const fetchStatus = () => browser.serviceWorker.evaluate((u) => fetch(u).then((r) => r.status, (e) => String(e)), url);
    expect(await fetchStatus()).toBe(401);
    cloud.graph.failNext('/v1.0/servicePrincipals', { reset: true });
    expect(await fetchStatus()).toBe('TypeError: Failed to fetch');
    expect(await fetchStatus()).toBe(401);
  });

  it('signs in through chrome.identity.launchWebAuthFlow against the fake IdP', async () => {
    const { challenge } = pkce();
    const url = authorizeUrl({
      client_id: randomUUID(), redirect_uri: REDIRECT, response_type: 'code', response_mode: 'fragment', scope: SCOPE,
      code_challenge: challenge, code_challenge_method: 'S256', state: 'sw-state', nonce: 'sw-nonce',
    });
    const redirected = await browser.serviceWorker.evaluate(
      (u) => (globalThis as any).chrome.identity.launchWebAuthFlow({ url: u, interactive: false }) as Promise<string>, url);
    const fragment = new URLSearchParams(new URL(redirected).hash.slice(1));
    expect(fragment.get('state')).toBe('sw-state');
    expect(fragment.get('code')).toMatch(/^fake-code-/);
  });

  it('stops and restarts the service worker through CDP', async () => {
    await browser.serviceWorker.evaluate(() => { (globalThis as any).__marker = 1; });
    await browser.stopServiceWorker();
    expect(browser.serviceWorkerStatus()).toBe('stopped');
    const worker = await browser.startServiceWorker();
    expect(await worker.evaluate(() => (globalThis as any).__marker ?? 'fresh')).toBe('fresh');
  });
});
