// Fake Azure portal / Entra admin center: one static SPA page whose hash routes mimic the real
// portal's URLs, so the content script meets the same URL shapes and hash navigation as in production.
import { escapeHtml, sendHtml } from './http.mjs';
import { hostileScript } from './hostile.mjs';

const ENTRA_HOSTS = ['entra.microsoft.com', 'entra.microsoft.us', 'entra.microsoftonline.cn'];

/** Routes offered for each app: [label, hash, provisioning?]. Forms from portal-urls.md. */
function routesOf(/** @type {{ appId: string, objectId: string }} */ a) {
  const app = `appId/${a.appId}/objectId/${a.objectId}`;
  return [
    ['Overview', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${a.objectId}/appId/${a.appId}`, false],
    ['Users and groups', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/objectId/${a.objectId}/appId/${a.appId}`, false],
    ['Provisioning', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/${app}`, true],
  ];
}

/** Other URL forms of provisioning pages seen in the wild, shown for one app so tests can click them. */
function variantRoutes(/** @type {{ appId: string, objectId: string }} */ a) {
  return [
    ['ProvisioningManagement, appId only', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${a.appId}`],
    ['Provisioning, objectId first', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/${a.objectId}/appId/${a.appId}`],
    ['Provisioning logs of the app', `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningActivity/objectId/${a.objectId}`],
    ['Connect_Provisioning overview', `#view/Microsoft_AAD_Connect_Provisioning/ProvisioningMenuBlade/~/Overview/objectId/${a.objectId}/appId/${a.appId}`],
    ['Legacy #blade form', `#blade/Microsoft_AAD_IAM/ManagedAppMenuBlade/Provisioning/objectId/${a.objectId}/appId/${a.appId}`],
  ];
}

const GLOBAL_ROUTES = [
  ['Home', '#home'],
  ['All users', '#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers'],
  ['Enterprise applications', '#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview'],
  ['Provisioning logs', '#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/ProvisioningEvents'],
];

/** Quarantined per the rule in graph-sync-api.md, so the banner agrees with what the extension will say. */
function isQuarantined(/** @type {any} */ job) {
  const began = job?.status?.quarantine?.currentBegan;
  return job?.status?.code === 'Quarantine' || (!!began && !String(began).startsWith('0001-'));
}

/**
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {{ host: string, url: URL, tenant: import('./tenant.mjs').DemoTenant, extensionId?: string }} ctx
 *   `?variant=hostile` serves the same page plus the attacking script of hostile.mjs, aimed at `extensionId`.
 */
export function handlePortal(req, res, { host, url, tenant, extensionId = 'mofanfafdanblddiihokhplkbibmpdnm' }) {
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
  if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
  const hostile = url.searchParams.get('variant') === 'hostile' ? hostileScript(extensionId) : undefined;
  sendHtml(res, 200, renderPortal(host, tenant, { hostile }));
}

/** @param {string} host @param {import('./tenant.mjs').DemoTenant} tenant @param {{ hostile?: string }} [options] */
export function renderPortal(host, tenant, { hostile } = {}) {
  const entra = ENTRA_HOSTS.includes(host);
  const product = entra ? 'Microsoft Entra admin center' : 'Microsoft Azure';
  const link = (/** @type {string} */ label, /** @type {string} */ hash, extra = '') =>
    `<a href="${escapeHtml(hash)}"${extra}>${escapeHtml(label)}</a>`;
  const apps = tenant.apps.map((a) => `
      <li class="app" data-app="${escapeHtml(a.key)}"><span class="app-name">${escapeHtml(a.displayName)}</span>
        ${routesOf(a).map(([label, hash, prov]) => link(String(label), String(hash), ` data-route="${prov ? 'provisioning' : 'other'}"`)).join('\n        ')}</li>`).join('');
  const variantApp = tenant.apps.find((a) => a.jobs.some(isQuarantined)) ?? tenant.apps[0];
  const variants = variantApp ? variantRoutes(variantApp).map(([l, h]) => `<li>${link(l, h, ' data-route="provisioning"')}</li>`).join('') : '';
  // Only ids, names and a boolean reach the page script; job text (untrusted) never does.
  const data = tenant.apps.map((a) => ({ appId: a.appId, objectId: a.objectId, displayName: a.displayName, quarantined: a.jobs.some(isQuarantined) }));
  const json = JSON.stringify(data).replace(/</g, '\\u003c');

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${product}</title>
${hostile ? `<script>${hostile.replace(/<\//g, '<\\/')}</script>` : ''}
<style>
  body { margin: 0; font: 14px "Segoe UI", system-ui, sans-serif; color: #323130; }
  #topbar { position: fixed; inset: 0 0 auto 0; height: 40px; background: ${entra ? '#0f1b2d' : '#0078d4'}; color: #fff;
    display: flex; align-items: center; gap: 16px; padding: 0 16px; z-index: 10; }
  #topbar .search { flex: 1; max-width: 480px; background: #fff2; border-radius: 2px; padding: 4px 8px; color: #fffc; }
  #shell { display: flex; padding-top: 40px; min-height: calc(100vh - 40px); }
  #menu { width: 300px; border-right: 1px solid #edebe9; padding: 8px 12px; overflow: auto; }
  #menu a { display: inline-block; margin: 2px 6px 2px 0; color: #0078d4; text-decoration: none; }
  #menu .app-name { display: block; font-weight: 600; margin-top: 8px; }
  #menu ul { list-style: none; padding: 0; margin: 0; }
  #blade { flex: 1; padding: 0 24px; }
  #commandbar { display: flex; gap: 4px; border-bottom: 1px solid #edebe9; padding: 6px 0; }
  #commandbar button { background: none; border: 0; padding: 6px 8px; color: #323130; cursor: pointer; }
  #quarantine-banner { background: #fff4ce; padding: 8px 12px; margin: 8px 0; }
</style></head>
<body>
<header id="topbar" role="banner"><strong>${product}</strong><span class="search">Search resources, services, and docs (G+/)</span>
  <span id="account">${escapeHtml(tenant.admin.name)} · ${escapeHtml(tenant.displayName.toUpperCase())}</span></header>
<div id="shell">
  <nav id="menu" aria-label="Navigation">
    <ul>${GLOBAL_ROUTES.map(([l, h]) => `<li>${link(l, h, ' data-route="other"')}</li>`).join('')}</ul>
    <h2>Enterprise applications</h2><ul id="apps">${apps}</ul>
    <h2>Other provisioning URL forms</h2><ul id="variants">${variants}</ul>
  </nav>
  <main id="blade">
    <div id="breadcrumb">Home</div>
    <h1 id="blade-title">${product}</h1>
    <div id="commandbar" role="toolbar" aria-label="Command bar"></div>
    <div id="quarantine-banner" role="status" hidden></div>
    <div id="blade-content"></div>
  </main>
</div>
<script>
(() => {
  const apps = ${json};
  const product = ${JSON.stringify(product)};
  const commands = {
    provisioning: ['Start provisioning', 'Stop provisioning', 'Restart provisioning', 'Edit provisioning', 'Provision on demand', 'Refresh', 'Got feedback?'],
    app: ['Delete', 'Got feedback?'],
    other: ['Refresh', 'Got feedback?'],
  };
  const provisioningMenu = /^(Provisioning|ProvisioningManagement|ProvisioningActivity|Overview|OverviewPreview)$/;
  function parse(hash) {
    const parts = hash.replace(/^#(@[^/]*\\/)?/, '').split('/').map((p) => decodeURIComponent(p));
    const find = (key) => { const i = parts.findIndex((p) => p.toLowerCase() === key.toLowerCase()); return i >= 0 ? parts[i + 1] : undefined; };
    const tilde = parts.indexOf('~');
    const menu = tilde >= 0 ? parts[tilde + 1] : parts[0] === 'blade' ? parts[3] : undefined;
    const objectId = find('objectId'), appId = find('appId');
    const app = apps.find((a) => a.objectId === objectId?.toLowerCase() || a.appId === appId?.toLowerCase());
    const provisioning = !!app && !!menu && (parts.includes('Microsoft_AAD_Connect_Provisioning') ? provisioningMenu.test(menu) : /^Provisioning/.test(menu));
    return { parts, menu, app, provisioning };
  }
  function render() {
    const route = parse(location.hash);
    const title = route.app ? route.app.displayName + (route.menu ? ' | ' + route.menu : '') : (route.menu || 'Home');
    document.getElementById('blade-title').textContent = title;
    document.getElementById('breadcrumb').textContent = route.app ? 'Home > Enterprise applications > ' + route.app.displayName : 'Home';
    document.title = title + ' - ' + product;
    const bar = document.getElementById('commandbar');
    bar.replaceChildren(...commands[route.provisioning ? 'provisioning' : route.app ? 'app' : 'other'].map((label) => {
      const b = document.createElement('button'); b.type = 'button'; b.textContent = label; return b;
    }));
    const banner = document.getElementById('quarantine-banner');
    banner.hidden = !(route.provisioning && route.app.quarantined);
    banner.textContent = 'This application is in quarantine. Learn more about quarantine status.';
    document.getElementById('blade-content').textContent = route.provisioning
      ? 'Current cycle status: view provisioning details below. Statistics to date.'
      : route.app ? 'Properties of ' + route.app.displayName + '.' : 'Welcome to ' + product + '.';
    document.body.dataset.route = route.provisioning ? 'provisioning' : 'other';
  }
  addEventListener('hashchange', render);
  addEventListener('popstate', render);
  render();
})();
</script>
</body></html>`;
}
