// Fake Microsoft identity platform (v2.0 endpoints): just enough of authorize + token for MSAL's
// auth-code-with-PKCE flow, strict about the parameters so the extension's requests are really checked.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { applyCors, base64url, escapeHtml, handlePreflight, readBody, sendHtml, sendJson } from './http.mjs';
import { createFaults, playFault } from './faults.mjs';

/** Which Graph hosts accept tokens from which sign-in host: tokens never cross clouds. */
export const GRAPH_OF_LOGIN = {
  'login.microsoftonline.com': ['graph.microsoft.com'],
  'login.microsoftonline.us': ['graph.microsoft.us', 'dod-graph.microsoft.us'],
  'login.partner.microsoftonline.cn': ['microsoftgraph.chinacloudapi.cn'],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_TTL_MS = 10 * 60_000;
/** Redirect URIs an extension can use: Chrome/Edge identity, Firefox identity, loopback, extension pages. */
const DEFAULT_REDIRECTS = [
  /^https:\/\/[a-p]{32}\.chromiumapp\.org\//, /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\//,
  /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//, /^chrome-extension:\/\/[a-p]{32}\//,
];

/** @typedef {import('./tenant.mjs').DemoTenant} DemoTenant */

/** What the demo tenant has consented to before any feature asks for more: sign-in, and the README's read scopes. */
const DEFAULT_CONSENT = ['openid', 'profile', 'email', 'offline_access', 'Synchronization.Read.All', 'Application.Read.All'];

/** `https://graph.microsoft.us/AuditLog.Read.All` → `AuditLog.Read.All`: consent is per permission, whatever the cloud. */
export const bareScope = (/** @type {string} */ scope) => scope.slice(scope.lastIndexOf('/') + 1);

/** @param {{ tenant: DemoTenant }} options */
export function createIdp({ tenant }) {
  /** @type {Map<string, any>} */ const codes = new Map();
  /** @type {Map<string, any>} */ const refreshTokens = new Map();
  /** @type {Map<string, { exp: number, clientId: string, scopes: string[], loginHost: string, oid: string, tid: string }>} */
  const accessTokens = new Map();
  const faults = createFaults();

  const idp = {
    /** Seconds an access token lives (expires_in). MSAL renews 5 min early: below 300 it refreshes every time. */
    accessTokenLifetime: 3600,
    /** false: `prompt=none` gets `error=login_required` (no browser session at the IdP). */
    hasSession: true,
    /** true: authorize shows a page with a "Sign in" button instead of redirecting at once. */
    interactive: false,
    /** true: every refresh_token grant fails with 400 invalid_grant (refresh token revoked). */
    refreshFails: false,
    /** true: a refresh token works once; reusing a rotated one fails (Entra itself tolerates reuse). */
    rotateStrictly: false,
    /** Client ids accepted; null = any GUID. */
    clientIds: /** @type {string[] | null} */ (null),
    /**
     * Permissions (bare names) the tenant has consented to for the app. A refresh-token grant for any
     * other scope fails with AADSTS65001 (consent_required), as Entra answers, so the extension must
     * sign in interactively for it; the interactive sign-in adds what it asked for (the consent screen).
     */
    consented: new Set(DEFAULT_CONSENT),
    /** true: the admin declines the consent screen (authorize answers access_denied, AADSTS65004). */
    declineConsent: false,
    /**
     * The next authorize request is sent back with this Entra error instead of a code (once), as Entra
     * does for Conditional Access, MFA, consent and tenant errors: `{ error, code, text }`.
     */
    failAuthorize: /** @type {{ error: string, code: number, text: string } | null} */ (null),
    /** Token requests by grant_type, failures included; `authorize` counts authorize requests. */
    counts: /** @type {Record<string, number>} */ ({}),
    faults,

    /** Revokes every refresh token issued so far (new sign-ins still work). */
    revokeRefreshTokens() {
      for (const rt of refreshTokens.values()) rt.revoked = true;
    },
    /** Every access and refresh token issued so far (expired and revoked ones too), so tests can scan for leaks. */
    issuedTokens() {
      return [...accessTokens.keys(), ...refreshTokens.keys()];
    },
    /** Expires every access token issued so far: Graph answers 401 to them. */
    expireAccessTokens() {
      for (const at of accessTokens.values()) at.exp = 0;
    },
    reset() {
      Object.assign(idp, { accessTokenLifetime: 3600, hasSession: true, interactive: false, refreshFails: false,
        rotateStrictly: false, clientIds: null, counts: {}, consented: new Set(DEFAULT_CONSENT), declineConsent: false, failAuthorize: null });
      faults.clear();
    },
    /**
     * Tokens without a browser, for tests of Graph alone.
     * @param {{ clientId?: string, scope?: string, loginHost?: string }} [o]
     */
    issueTokens({ clientId = randomUUID(), scope = 'Synchronization.Read.All', loginHost = 'login.microsoftonline.com' } = {}) {
      return tokenResponse({ clientId, scopes: scope.split(' '), loginHost, nonce: undefined });
    },
    /** Graph's check. @returns {{ ok: true, token: any } | { ok: false, message: string }} */
    checkAccessToken(/** @type {string | undefined} */ authorization, /** @type {string} */ graphHost) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) return { ok: false, message: 'Access token is empty.' };
      const token = accessTokens.get(m[1]);
      if (!token) return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
      if (!GRAPH_OF_LOGIN[token.loginHost]?.includes(graphHost)) return { ok: false, message: 'Invalid audience.' };
      if (token.exp <= Date.now()) return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
      return { ok: true, token };
    },
    handle,
  };

  const knownTenant = (/** @type {string} */ t) =>
    [tenant.id, tenant.domain, 'organizations', 'common'].includes(t.toLowerCase());
  const clientOk = (/** @type {string | null} */ id) =>
    !!id && GUID.test(id) && (!idp.clientIds || idp.clientIds.includes(id.toLowerCase()));
  const redirectOk = (/** @type {string | null} */ uri) => !!uri && DEFAULT_REDIRECTS.some((re) => re.test(uri));
  const clientInfo = () => base64url(JSON.stringify({ uid: tenant.admin.oid, utid: tenant.id }));
  const newId = (/** @type {string} */ prefix) => `${prefix}${randomBytes(24).toString('base64url')}`;

  function idToken(/** @type {{ clientId: string, loginHost: string, nonce?: string }} */ o) {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      aud: o.clientId, iss: `https://${o.loginHost}/${tenant.id}/v2.0`, iat: now, nbf: now, exp: now + 3600,
      name: tenant.admin.name, oid: tenant.admin.oid, preferred_username: tenant.admin.upn,
      sub: base64url(createHash('sha256').update(`${tenant.admin.oid}:${o.clientId}`).digest()).slice(0, 43),
      tid: tenant.id, ver: '2.0', ...(o.nonce ? { nonce: o.nonce } : {}),
    };
    return `${base64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${base64url(JSON.stringify(payload))}.`;
  }

  /** @param {{ clientId: string, scopes: string[], loginHost: string, nonce?: string }} grant */
  function tokenResponse(grant) {
    const accessToken = newId('fake-at-');
    const refreshToken = newId('fake-rt-');
    const resourceScopes = grant.scopes.filter((s) => s && s !== 'offline_access');
    accessTokens.set(accessToken, { exp: Date.now() + idp.accessTokenLifetime * 1000, clientId: grant.clientId,
      scopes: resourceScopes, loginHost: grant.loginHost, oid: tenant.admin.oid, tid: tenant.id });
    refreshTokens.set(refreshToken, { clientId: grant.clientId, scopes: grant.scopes, loginHost: grant.loginHost, revoked: false });
    return {
      token_type: 'Bearer', scope: resourceScopes.join(' '), expires_in: idp.accessTokenLifetime,
      ext_expires_in: idp.accessTokenLifetime, refresh_token_expires_in: 86_400, access_token: accessToken,
      refresh_token: refreshToken, id_token: idToken(grant), client_info: clientInfo(),
    };
  }

  function aadError(res, req, status, error, description, code = 0, suberror = undefined) {
    applyCors(req, res);
    sendJson(res, status, {
      error, ...(suberror ? { suberror } : {}), error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString().replace('T', ' ').slice(0, 19)}Z`,
      error_codes: [code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID(),
    });
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {{ host: string, url: URL, entry: import('./log.mjs').LogEntry }} ctx
   */
  async function handle(req, res, { host, url, entry }) {
    if (handlePreflight(req, res)) return;
    const m = /^\/([^/]+)\/(oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token|v2\.0\/\.well-known\/openid-configuration)\/?$/i.exec(url.pathname);
    if (url.pathname.toLowerCase() === '/common/discovery/instance') return discovery(req, res, host);
    if (!m) return sendHtml(res, 404, '<h1>Not found</h1>');
    const tenantSegment = m[1] ?? '', endpoint = m[2] ?? '';
    if (!knownTenant(tenantSegment)) {
      return aadError(res, req, 400, 'invalid_tenant', `Tenant '${tenantSegment}' not found.`, 90002);
    }
    if (/openid-configuration/i.test(endpoint)) return openidConfiguration(req, res, host, tenantSegment);

    const form = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await readBody(req))) : {};
    if (endpoint.toLowerCase().endsWith('token')) {
      entry.grantType = form.grant_type;
      entry.form = form;
      idp.counts[form.grant_type ?? '(none)'] = (idp.counts[form.grant_type ?? '(none)'] ?? 0) + 1;
    } else {
      idp.counts.authorize = (idp.counts.authorize ?? 0) + 1;
    }
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    const fault = faults.take({ host, method: req.method ?? 'GET', path: req.url ?? '/', userAgent: req.headers['user-agent'], reusedConnection: (entry.connectionRequest ?? 1) > 1 });
    if (fault) {
      entry.fault = JSON.stringify(fault);
      const played = await playFault(fault, req, res, (status, body) => {
        applyCors(req, res);
        sendJson(res, status, body ?? { error: 'temporarily_unavailable', error_description: 'AADSTS50196: fake fault' });
      });
      if (played) return;
    }
    if (endpoint.toLowerCase().endsWith('authorize')) return authorize(req, res, host, url);
    if (req.method !== 'POST') return aadError(res, req, 405, 'invalid_request', 'The token endpoint accepts POST only.', 900561);
    return token(req, res, host, form);
  }

  function authorize(req, res, host, /** @type {URL} */ url) {
    const p = url.searchParams;
    const clientId = p.get('client_id');
    const redirectUri = p.get('redirect_uri');
    // Like Entra: a bad client or redirect URI gets an error page, never a redirect.
    if (!clientOk(clientId)) return errorPage(res, 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'.`);
    if (!redirectOk(redirectUri)) return errorPage(res, 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`);
    const responseMode = p.get('response_mode') ?? 'query';
    const sep = responseMode === 'fragment' ? '#' : '?';
    const back = (/** @type {Record<string, string>} */ params) => {
      const state = p.get('state');
      const qs = new URLSearchParams({ ...params, ...(state ? { state } : {}) });
      res.writeHead(302, { Location: `${redirectUri}${sep}${qs}`, 'Cache-Control': 'no-store' }).end();
    };
    const fail = (/** @type {string} */ error, /** @type {number} */ code, /** @type {string} */ text) =>
      back({ error, error_description: `AADSTS${code}: ${text}`, error_codes: `[${code}]`, error_uri: `https://${host}/error?code=${code}` });

    if (!['fragment', 'query'].includes(responseMode)) return fail('invalid_request', 900144, `response_mode '${responseMode}' is not supported by this fake.`);
    if (p.get('response_type') !== 'code') return fail('unsupported_response_type', 700054, "response_type must be 'code'.");
    if (p.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(p.get('code_challenge') ?? '')) {
      return fail('invalid_request', 9002325, 'Proof Key for Code Exchange (S256) is required for cross-origin authorization code redemption.');
    }
    if (!p.get('state')) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'state'.");
    if (!p.get('nonce')) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'nonce'.");
    if (!p.get('scope')) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    if (p.get('prompt') === 'none' && !idp.hasSession) {
      return fail('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
    }
    if (idp.failAuthorize) {
      const { error, code, text } = idp.failAuthorize;
      idp.failAuthorize = null;
      return fail(error, code, text);
    }
    const asked = (p.get('scope') ?? '').split(' ').filter(Boolean).map(bareScope);
    if (asked.some((scope) => !idp.consented.has(scope))) {
      if (idp.declineConsent) return fail('access_denied', 65004, 'User declined to consent to access the app.');
      for (const scope of asked) idp.consented.add(scope);
    }
    const code = newId('fake-code-');
    codes.set(code, {
      nonce: p.get('nonce'), challenge: p.get('code_challenge'), clientId, redirectUri, loginHost: host,
      scopes: (p.get('scope') ?? '').split(' ').filter(Boolean), exp: Date.now() + CODE_TTL_MS,
    });
    const success = { code, client_info: clientInfo(), session_state: randomUUID() };
    idp.hasSession = true; // approximation: showing the account picker counts as signing in
    if (idp.interactive && p.get('prompt') !== 'none') return signInPage(res, redirectUri, sep, { ...success, state: p.get('state') ?? '' });
    return back(success);
  }

  function token(req, res, host, /** @type {Record<string, string>} */ form) {
    const clientId = form.client_id ?? null;
    if (!clientOk(clientId)) return aadError(res, req, 400, 'unauthorized_client', `Application with identifier '${clientId}' was not found.`, 700016);
    if (form.grant_type === 'authorization_code') {
      const grant = codes.get(form.code ?? '');
      codes.delete(form.code ?? ''); // single use, even when the redemption fails
      if (!grant || grant.exp < Date.now() || grant.loginHost !== host) return aadError(res, req, 400, 'invalid_grant', 'The provided authorization code or refresh token has expired or is invalid.', 70008);
      if (grant.clientId !== clientId) return aadError(res, req, 400, 'invalid_grant', 'The code was issued to a different client.', 70000);
      if (grant.redirectUri !== form.redirect_uri) return aadError(res, req, 400, 'invalid_grant', 'The redirect URI does not match the one used in the authorization request.', 50011);
      if (!form.code_verifier) return aadError(res, req, 400, 'invalid_request', "The request body must contain the following parameter: 'code_verifier'.", 900144);
      if (base64url(createHash('sha256').update(form.code_verifier).digest()) !== grant.challenge) {
        return aadError(res, req, 400, 'invalid_grant', 'The code_verifier provided does not match the code_challenge supplied in the authorization request for PKCE.', 50148);
      }
      applyCors(req, res);
      return sendJson(res, 200, tokenResponse({ ...grant, clientId, scopes: form.scope ? form.scope.split(' ') : grant.scopes }));
    }
    if (form.grant_type === 'refresh_token') {
      const rt = refreshTokens.get(form.refresh_token ?? '');
      if (!rt || rt.clientId !== clientId || rt.loginHost !== host) return aadError(res, req, 400, 'invalid_grant', 'The refresh token is malformed or not valid.', 9002313);
      if (idp.refreshFails || rt.revoked) return aadError(res, req, 400, 'invalid_grant', "The refresh token has been revoked or has expired due to sign-in frequency checks by conditional access. The token was issued on a date before the user's session was revoked.", 50173);
      const missing = (form.scope ?? '').split(' ').filter(Boolean).map(bareScope).filter((scope) => !idp.consented.has(scope));
      if (missing.length > 0) {
        return aadError(res, req, 400, 'invalid_grant', `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`, 65001, 'consent_required');
      }
      if (idp.rotateStrictly) rt.revoked = true;
      applyCors(req, res);
      return sendJson(res, 200, tokenResponse({ clientId, loginHost: host, scopes: form.scope ? form.scope.split(' ') : rt.scopes }));
    }
    return aadError(res, req, 400, 'unsupported_grant_type', `The grant type '${form.grant_type}' is not supported.`, 70003);
  }

  function errorPage(res, code, text) {
    sendHtml(res, 400, `<!DOCTYPE html><title>Sign in to your account</title><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">AADSTS${code}: ${escapeHtml(text)}</p>`);
  }

  function signInPage(res, redirectUri, sep, params) {
    const target = `${redirectUri}${sep}${new URLSearchParams(params)}`;
    sendHtml(res, 200, `<!DOCTYPE html><title>Sign in to your account</title>
<h1>Pick an account</h1>
<a id="account" href="${escapeHtml(target)}">${escapeHtml(tenant.admin.name)} (${escapeHtml(tenant.admin.upn)})</a>`);
  }

  function openidConfiguration(req, res, host, tenantSegment) {
    const base = `https://${host}/${tenantSegment}`;
    applyCors(req, res);
    sendJson(res, 200, {
      token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`, device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      jwks_uri: `https://${host}/${tenantSegment}/discovery/v2.0/keys`,
      issuer: `https://${host}/${tenant.id}/v2.0`, userinfo_endpoint: `https://graph.microsoft.com/oidc/userinfo`,
      response_modes_supported: ['query', 'fragment', 'form_post'], response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'], subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      code_challenge_methods_supported: ['plain', 'S256'], request_uri_parameter_supported: false, http_logout_supported: true, frontchannel_logout_supported: true,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
      tenant_region_scope: 'EU', cloud_instance_name: host.endsWith('.cn') ? 'partner.microsoftonline.cn' : host.endsWith('.us') ? 'microsoftonline.us' : 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net', msgraph_host: GRAPH_OF_LOGIN[host]?.[0] ?? 'graph.microsoft.com', rbac_url: 'https://pas.windows.net',
    });
  }

  function discovery(req, res, host) {
    applyCors(req, res);
    sendJson(res, 200, {
      tenant_discovery_endpoint: `https://${host}/common/v2.0/.well-known/openid-configuration`, 'api-version': '1.1',
      metadata: Object.keys(GRAPH_OF_LOGIN).map((h) => ({ preferred_network: h, preferred_cache: h, aliases: [h] })),
    });
  }

  return idp;
}
