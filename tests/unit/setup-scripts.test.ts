import { describe, expect, it } from 'vitest';
import {
  azureCliScript, cloudShellUrl, isExtensionRedirectUri, parseScriptOutput, PERMISSION_IDS, powerShellScript, scriptPermissions,
} from '@/lib/setup/scripts';

const CHROME = 'https://mofanfafdanblddiihokhplkbibmpdnm.chromiumapp.org/';
const FIREFOX = 'https://2c127fa4bb4d1e1dba5fdd8ef5a4b8d0b2a1c3d4.extensions.allizom.org/';
const APP = '0d6c3d4e-0000-4000-8000-000000000abc';
const TENANT = '0efcc5ce-d806-4c95-8b16-a4a486432729';

describe('the set-up scripts', () => {
  it('Azure CLI: creates the app, sets the SPA redirect URI by PATCH, adds the read permission, the service principal and consent, then prints the ids', () => {
    const script = azureCliScript({ redirectUris: [CHROME], grants: [], cloud: 'global' });
    expect(script).toContain('az cloud set --name AzureCloud');
    expect(script).toContain('az ad app create --display-name "Provisioning Lens" --sign-in-audience AzureADMyOrg');
    expect(script).toContain(`az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectId" --headers "Content-Type=application/json" --body '{"spa":{"redirectUris":["${CHROME}"]}}'`);
    expect(script).toContain(`--api-permissions ${PERMISSION_IDS['Synchronization.Read.All']}=Scope\n`);
    expect(script).toContain('az ad sp create --id "$appId"');
    expect(script).toContain('az ad app permission admin-consent --id "$appId"');
    expect(script.trim().split('\n').at(-1)).toBe('echo "PROVISIONING_LENS clientId=$appId tenant=$(az account show --query tenantId -o tsv)"');
  });

  it('PowerShell: the same with Microsoft Graph PowerShell and a tenant-wide delegated grant', () => {
    const script = powerShellScript({ redirectUris: [FIREFOX], grants: ['logs'], cloud: 'usgov' });
    expect(script).toContain('Connect-MgGraph -Environment USGov');
    expect(script).toContain(`-Spa @{ RedirectUris = @("${FIREFOX}") }`);
    expect(script).toContain(`@{ Id = "${PERMISSION_IDS['AuditLog.Read.All']}"; Type = "Scope" }`);
    expect(script).toContain('New-MgOauth2PermissionGrant -ClientId $sp.Id -ConsentType AllPrincipals -ResourceId $graphSp.Id -Scope "Synchronization.Read.All AuditLog.Read.All Directory.Read.All"');
  });

  it.each([
    [[], ['Synchronization.Read.All']],
    [['actions'], ['Synchronization.Read.All', 'Synchronization.ReadWrite.All']],
    [['actions', 'logs', 'appRead'], ['Synchronization.Read.All', 'Application.Read.All', 'AuditLog.Read.All', 'Directory.Read.All', 'Synchronization.ReadWrite.All']],
  ] as const)('features %j add %j', (grants, permissions) => {
    expect(scriptPermissions(grants)).toEqual(permissions);
    for (const permission of permissions) expect(PERMISSION_IDS[permission]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['usgovdod', 'AzureUSGovernment', 'https://dod-graph.microsoft.us', 'USGovDoD'],
    ['china', 'AzureChinaCloud', 'https://microsoftgraph.chinacloudapi.cn', 'China'],
  ] as const)('%s: its CLI cloud, Graph host and PowerShell environment', (cloud, az, graph, mg) => {
    expect(azureCliScript({ redirectUris: [CHROME], grants: [], cloud })).toContain(`az cloud set --name ${az}`);
    expect(azureCliScript({ redirectUris: [CHROME], grants: [], cloud })).toContain(`--uri "${graph}/v1.0/applications/`);
    expect(powerShellScript({ redirectUris: [CHROME], grants: [], cloud })).toContain(`-Environment ${mg}`);
  });

  it('puts nothing but a real extension redirect URI into a script', () => {
    for (const hostile of ["https://x.chromiumapp.org/'; rm -rf ~; echo '", 'https://evil.example/', 'http://x.chromiumapp.org/', 'https://x.chromiumapp.org/path', 'https://X.chromiumapp.org/"$(id)"']) {
      expect(isExtensionRedirectUri(hostile)).toBe(false);
    }
    expect(() => azureCliScript({ redirectUris: ["https://x.chromiumapp.org/'$(id)'"], grants: [], cloud: 'global' })).toThrow(/redirect URI/);
    expect(azureCliScript({ redirectUris: [CHROME, 'javascript:alert(1)', CHROME], grants: [], cloud: 'global' })).toContain(`"redirectUris":["${CHROME}"]`);
  });

  it.each([
    [`PROVISIONING_LENS clientId=${APP} tenant=${TENANT}`, { clientId: APP, tenant: TENANT }],
    [`...\nPermissions granted.\nPROVISIONING_LENS clientId=${APP.toUpperCase()} tenant=${TENANT}\n$ `, { clientId: APP, tenant: TENANT }],
    ['PROVISIONING_LENS clientId=nope tenant=x', null],
    ['clientId only', null],
  ])('reads the ids back from %j', (text, ids) => {
    expect(parseScriptOutput(text)).toEqual(ids);
  });

  it('opens Cloud Shell in the admin\'s portal', () => {
    expect(cloudShellUrl('portal.azure.us')).toBe('https://portal.azure.us/#cloudshell/');
  });
});
