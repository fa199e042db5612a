/**
 * What a job's `templateId` says about the app behind it: a name an admin recognises, and the family
 * that decides where its problems are fixed (agents for Cloud Sync, credentials for SCIM and gallery
 * apps, cross-tenant access settings for cross-tenant sync). Template ids from graph-sync-api.md and
 * the jobs seen in tenants; an unknown id keeps its own spelling.
 */
export type TemplateFamily = 'cloudSync' | 'crossTenant' | 'apiInbound' | 'scim' | 'gallery' | 'unknown';

export interface TemplateInfo {
  /** "Salesforce Sandbox", "Cloud Sync"; the template id itself when unknown. */
  name: string;
  family: TemplateFamily;
  /** Connects through the provisioning agent on an on-premises server, never with admin credentials. */
  viaAgent: boolean;
  known: boolean;
}

const TEMPLATES = new Map<string, Omit<TemplateInfo, 'known' | 'viaAgent'>>([
  ['scim', { name: 'Custom SCIM app', family: 'scim' }],
  ['AD2AADProvisioning', { name: 'Cloud Sync (Active Directory to Microsoft Entra ID)', family: 'cloudSync' }],
  ['AD2AADPasswordHash', { name: 'Cloud Sync password hash sync', family: 'cloudSync' }],
  ['AAD2ADGroupProvisioning', { name: 'Cloud Sync group provisioning to Active Directory', family: 'cloudSync' }],
  ['Azure2Azure', { name: 'Cross-tenant synchronization', family: 'crossTenant' }],
  ['API2AAD', { name: 'API-driven inbound provisioning to Microsoft Entra ID', family: 'apiInbound' }],
  ['API2AD', { name: 'API-driven inbound provisioning to Active Directory', family: 'apiInbound' }],
  ['BoxOutDelta', { name: 'Box', family: 'gallery' }],
  ['SfOutDelta', { name: 'Salesforce', family: 'gallery' }],
  ['SfSandboxOutDelta', { name: 'Salesforce Sandbox', family: 'gallery' }],
  ['Slack', { name: 'Slack', family: 'gallery' }],
  ['serviceNow', { name: 'ServiceNow', family: 'gallery' }],
  ['aws', { name: 'Amazon Web Services (AWS)', family: 'gallery' }],
]);

/** Cloud Sync's templates, including ones this version has not met, go both ways between AD and Entra ID. */
const CLOUD_SYNC = /^(AD2AAD|AAD2AD)/i;

/** The name and family of a template id (untrusted: any value yields an answer). */
export function templateInfo(templateId: unknown): TemplateInfo {
  const id = typeof templateId === 'string' ? templateId : '';
  const known = TEMPLATES.get(id);
  const family = known?.family ?? (CLOUD_SYNC.test(id) ? 'cloudSync' : id.trim() === '' ? 'unknown' : 'gallery');
  // API-driven inbound provisioning to AD writes through the same agent as Cloud Sync.
  const viaAgent = family === 'cloudSync' || id === 'API2AD';
  return { name: known?.name ?? id, family, viaAgent, known: known !== undefined };
}

/**
 * What to call the app a lookup shows: its display name when one is known (a lookup by application
 * ID, or one learned earlier), else the name of its first job's template. `fromTemplate` says which,
 * so the card can say the name is a guess from the template. null when there is nothing to go on.
 */
export function appName(displayName: string | undefined, templateIds: readonly string[]): { name: string; fromTemplate: boolean } | null {
  const name = displayName?.trim();
  if (name) return { name, fromTemplate: false };
  const first = templateIds.find((id) => id.trim() !== '');
  return first === undefined ? null : { name: templateInfo(first).name, fromTemplate: true };
}
