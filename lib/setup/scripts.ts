/**
 * The app registration in one paste: an Azure CLI and a Microsoft Graph PowerShell script, generated
 * for this browser's redirect URI, the admin's cloud and the features they want. Each creates the
 * registration with the Single-page application redirect URI, the delegated permissions, the service
 * principal and the tenant-wide consent, then prints one line the options page reads back.
 * Everything put into a script is validated first: a script is code the admin will run.
 */
import type { CloudId } from '../clouds';
import { GRANTS, SYNC_SCOPE, type Grant } from '../auth/grants';
import { isGuid } from '../ids';

/** Microsoft Graph's application id, the resource every permission below belongs to. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Delegated permission ids on Microsoft Graph (setup-and-deployment.md: the same in every public dump). */
export const PERMISSION_IDS: Readonly<Record<string, string>> = {
  'Synchronization.Read.All': '7aa02aeb-824f-4fbe-a3f7-611f751f5b55',
  'Synchronization.ReadWrite.All': '7bb27fa3-ea8f-4d67-a916-87715b6188bd',
  'AuditLog.Read.All': 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20',
  'Directory.Read.All': '06da0dbc-49e2-44d2-8312-53f166ab848a',
  'Application.Read.All': 'c79f8feb-a9db-4090-85f9-90d820caa0eb',
};

const ENVIRONMENTS: Record<CloudId, { az: string; mg: string; graph: string }> = {
  global: { az: 'AzureCloud', mg: 'Global', graph: 'https://graph.microsoft.com' },
  usgov: { az: 'AzureUSGovernment', mg: 'USGov', graph: 'https://graph.microsoft.us' },
  usgovdod: { az: 'AzureUSGovernment', mg: 'USGovDoD', graph: 'https://dod-graph.microsoft.us' },
  china: { az: 'AzureChinaCloud', mg: 'China', graph: 'https://microsoftgraph.chinacloudapi.cn' },
};

/** The line both scripts end with; the options page takes the ids from it. */
export const OUTPUT_MARK = 'PROVISIONING_LENS';

export interface SetupScriptInput {
  /** identity.getRedirectURL() of this browser, plus any store build's. */
  redirectUris: readonly string[];
  /** The features whose permissions to add now; Synchronization.Read.All is always there. */
  grants: readonly Grant[];
  cloud: CloudId;
}

/** Only the shapes browsers give extensions: https, a bare host of letters, digits, dots and dashes, a slash. */
const REDIRECT_URI = /^https:\/\/[a-z0-9][a-z0-9.-]{0,250}\.(chromiumapp\.org|extensions\.allizom\.org)\/$/;

export function isExtensionRedirectUri(uri: unknown): uri is string {
  return typeof uri === 'string' && REDIRECT_URI.test(uri);
}

/** The permissions the scripts add, in a stable order, read scope first. */
export function scriptPermissions(grants: readonly Grant[]): string[] {
  const wanted = new Set<string>([SYNC_SCOPE]);
  for (const grant of (['appRead', 'logs', 'actions'] as const).filter((g) => grants.includes(g))) for (const scope of GRANTS[grant]) wanted.add(scope);
  return [...wanted];
}

function checked(input: SetupScriptInput): { uris: string[]; permissions: string[] } {
  const uris = [...new Set(input.redirectUris)].filter(isExtensionRedirectUri);
  if (uris.length === 0) throw new Error('No valid extension redirect URI to register.');
  return { uris, permissions: scriptPermissions(input.grants) };
}

/** Bash for Azure Cloud Shell. The CLI has no flag for SPA redirect URIs, so they go in with a PATCH through az rest. */
export function azureCliScript(input: SetupScriptInput): string {
  const { uris, permissions } = checked(input);
  const env = ENVIRONMENTS[input.cloud];
  const spa = JSON.stringify({ spa: { redirectUris: uris } });
  return [
    `# Provisioning Lens: app registration (${permissions.join(', ')})`,
    'set -euo pipefail',
    `az cloud set --name ${env.az} >/dev/null`,
    'appId=$(az ad app create --display-name "Provisioning Lens" --sign-in-audience AzureADMyOrg --query appId -o tsv)',
    'objectId=$(az ad app show --id "$appId" --query id -o tsv)',
    `az rest --method PATCH --uri "${env.graph}/v1.0/applications/$objectId" --headers "Content-Type=application/json" --body '${spa}'`,
    `az ad app permission add --id "$appId" --api ${GRAPH_APP_ID} --api-permissions ${permissions.map((p) => `${PERMISSION_IDS[p]}=Scope`).join(' ')}`,
    'az ad sp create --id "$appId" >/dev/null',
    '# A new registration takes a moment to reach every replica before consent can be granted.',
    'sleep 30',
    'az ad app permission admin-consent --id "$appId"',
    `echo "${OUTPUT_MARK} clientId=$appId tenant=$(az account show --query tenantId -o tsv)"`,
    '',
  ].join('\n');
}

/** PowerShell with the Microsoft Graph module (Cloud Shell has it): the grant is a tenant-wide delegated consent. */
export function powerShellScript(input: SetupScriptInput): string {
  const { uris, permissions } = checked(input);
  const env = ENVIRONMENTS[input.cloud];
  const access = permissions.map((p) => `@{ Id = "${PERMISSION_IDS[p]}"; Type = "Scope" }`).join(', ');
  return [
    `# Provisioning Lens: app registration (${permissions.join(', ')})`,
    '$ErrorActionPreference = "Stop"',
    `Connect-MgGraph -Environment ${env.mg} -Scopes "Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All" -NoWelcome`,
    `$graphAppId = "${GRAPH_APP_ID}"`,
    `$app = New-MgApplication -DisplayName "Provisioning Lens" -SignInAudience AzureADMyOrg -Spa @{ RedirectUris = @(${uris.map((u) => `"${u}"`).join(', ')}) } -RequiredResourceAccess @(@{ ResourceAppId = $graphAppId; ResourceAccess = @(${access}) })`,
    '$sp = New-MgServicePrincipal -AppId $app.AppId',
    '$graphSp = Get-MgServicePrincipal -Filter "appId eq \'$graphAppId\'"',
    `New-MgOauth2PermissionGrant -ClientId $sp.Id -ConsentType AllPrincipals -ResourceId $graphSp.Id -Scope "${permissions.join(' ')}" | Out-Null`,
    `"${OUTPUT_MARK} clientId=$($app.AppId) tenant=$((Get-MgContext).TenantId)"`,
    '',
  ].join('\n');
}

/** The ids from the line a script printed (pasted alone or with the output around it), or null. */
export function parseScriptOutput(text: string): { clientId: string; tenant: string } | null {
  const match = new RegExp(`${OUTPUT_MARK}\\s+clientId=(\\S+)\\s+tenant=(\\S+)`).exec(text.slice(0, 100_000));
  if (!match || !isGuid(match[1]) || !isGuid(match[2])) return null;
  return { clientId: match[1]!.toLowerCase(), tenant: match[2]!.toLowerCase() };
}

/** Azure Cloud Shell in the admin's cloud, where both scripts run. */
export function cloudShellUrl(portalHost: string): string {
  return `https://${portalHost}/#cloudshell/`;
}
