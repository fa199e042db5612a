/**
 * What the advice knows: its texts per problem family, and which error codes and quarantine reasons
 * belong to which family (quarantine.md, the Cloud Sync error-code reference). Figures are Microsoft's
 * and "subject to change": they live here, in one place; lib/job/advice.ts chooses among them.
 */

/** A portal page that does a step; the host turns it into a link, or drops it when the admin is already there. */
export type PortalPlace = 'provisioningPage' | 'provisioningLogs';

export interface Advice {
  /** One sentence: why the job is in trouble. */
  why: string;
  /** One to three steps, the most useful first. */
  steps: string[];
  /** The portal page that does the first step, when there is one. */
  link?: PortalPlace;
}

export type Family =
  | 'agent'
  | 'serviceAccount'
  | 'appCredentials'
  | 'scimCompliance'
  | 'crossTenant'
  | 'deletes'
  | 'escrow'
  | 'transient'
  | 'onDemand'
  | 'ingestion';

export const RESTART = 'Then restart provisioning.';
export const LOGS_AND_AUDIT = 'Look at the provisioning logs and the audit logs (Activity "Quarantine").';

export const FAMILIES: Record<Family, Advice> = {
  agent: {
    why: 'The service cannot reach the on-premises directory, most often because no provisioning agent is active (not running, or blocked by a firewall).',
    steps: [
      'On the on-premises server, check that the provisioning agent (Microsoft Azure AD Connect Provisioning Agent service) is running.',
      'Check that the server can reach the service: outbound HTTPS (port 443) must not be blocked by a firewall or proxy.',
      'Check that the agent is assigned to this configuration and shows as active, then restart provisioning.',
    ],
  },
  serviceAccount: {
    why: 'The Cloud Sync service account is missing, expired or not accepted.',
    steps: [
      'With the AADCloudSyncTools PowerShell module, run Repair-AADCloudSyncToolsAccount to repair the service account.',
      'Check that the provisioning agent is running and can reach the service (outbound port 443).',
      RESTART,
    ],
  },
  appCredentials: {
    why: 'The service cannot reach the target app at all, most often because the admin credentials are wrong or expired.',
    steps: ['Under Provisioning → Admin Credentials, enter valid credentials, run Test Connection and save.', RESTART],
    link: 'provisioningPage',
  },
  scimCompliance: {
    why: 'The SCIM endpoint does not answer as the SCIM standard requires (for example 404 where 200 with an empty list is due).',
    steps: [
      'Under Provisioning → Admin Credentials, check the tenant URL, run Test Connection and save.',
      "If the URL is right, ask the app's developer to fix the endpoint (RFC 7644 §3.4.2).",
      RESTART,
    ],
    link: 'provisioningPage',
  },
  crossTenant: {
    why: 'Cross-tenant sync cannot reach the target tenant, most often because its cross-tenant access settings do not allow it.',
    steps: [
      "In the target tenant's cross-tenant access settings (inbound, for the source tenant), allow users to sync in and turn on automatic redemption.",
      "In the source tenant's cross-tenant access settings (outbound, for the target tenant), turn on automatic redemption.",
      RESTART,
    ],
  },
  deletes: {
    why: 'The accidental-deletion threshold was reached, so deletions are being held back.',
    steps: [
      'Review the pending deletions (StagedDelete) in the provisioning logs.',
      'If they are intended, allow the deletes (restart with ForceDeletes); if not, fix the scoping.',
    ],
    link: 'provisioningLogs',
  },
  escrow: {
    why: 'Too many objects failed to provision, so an escrow threshold was passed.',
    steps: ['Open the provisioning logs filtered on failures and fix the attribute mapping or the source data.', RESTART],
    link: 'provisioningLogs',
  },
  transient: {
    why: "A temporary fault on Microsoft's side: the service retries on its own.",
    steps: [
      'Wait for the next attempt: nothing needs changing on your side.',
      'If it lasts more than 24 hours, check service health or open a support case quoting the job id.',
    ],
  },
  onDemand: {
    why: 'Microsoft quarantined the job after detecting a problem with the application.',
    steps: ['Check service health, or open a support case quoting the job id.'],
  },
  ingestion: {
    why: 'Ingestion was interrupted (not documented by Microsoft; seen with API-driven inbound provisioning).',
    steps: ['Check the bulk-upload client and its logs.'],
  },
};

/** What a specific code adds to its family: a sharper why, and a first step in the app's own words. */
export interface CodeDetail {
  family: Family;
  why?: string;
  first?: string;
}

export const CODES = new Map<string, CodeDetail>([
  ['HybridIdentityServiceNoActiveAgents', {
    family: 'agent',
    why: 'No provisioning agent assigned to this configuration is active: the agent is not running, or a firewall blocks it.',
  }],
  ['HybridIdentityServiceNoAgentsAssigned', {
    family: 'agent',
    why: 'No provisioning agent is assigned to this configuration.',
    first: 'Assign a provisioning agent to this configuration (install one on an on-premises server if none is listed).',
  }],
  ['AzureActiveDirectoryInvalidCredential', { family: 'serviceAccount', why: 'The Cloud Sync service account is missing.' }],
  ['AzureActiveDirectoryExpiredCredentials', { family: 'serviceAccount', why: 'The Cloud Sync service account has expired.' }],
  ['SalesforceInvalidCredentials', {
    family: 'appCredentials',
    why: 'Salesforce rejected the admin credentials used for provisioning.',
    first: 'Under Provisioning → Admin Credentials, re-enter the Salesforce admin user name, password and security token, run Test Connection and save.',
  }],
  ['BoxInsufficientPermissions', {
    family: 'appCredentials',
    why: 'The admin account used for provisioning lacks the needed rights in Box.',
    first: 'Under Provisioning → Admin Credentials, authorize with a Box admin account that has the needed rights, run Test Connection and save.',
  }],
  ['SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', {
    family: 'appCredentials',
    why: 'Test Connection to the SCIM endpoint failed, so the admin credentials cannot be validated.',
    first: 'Under Provisioning → Admin Credentials, check the tenant URL and secret token (for an on-premises ECMA host, its certificate and host name), run Test Connection and save.',
  }],
  ['SystemForCrossDomainIdentityManagementServiceIncompatible', { family: 'scimCompliance' }],
  ['AzureDirectoryB2BManagementPolicyCheckFailure', {
    family: 'crossTenant',
    why: 'Cross-tenant sync is blocked by the cross-tenant access settings: automatic redemption or user sync is not allowed in one of the tenants.',
  }],
  ['AzureDirectoryServiceServerBusy', {
    family: 'transient',
    why: "The directory service was busy: a temporary fault on Microsoft's side that the service retries on its own.",
  }],
]);

/** Codes Microsoft adds over time, by the family their name gives away; first match wins. */
export const CODE_PATTERNS: readonly [RegExp, Family][] = [
  [/^HybridIdentityService/, 'agent'],
  [/^AzureActiveDirectory(InvalidCredential|ExpiredCredential)/, 'serviceAccount'],
  [/^AzureDirectoryB2BManagementPolicy/, 'crossTenant'],
  // No such code is documented yet; a threshold on deletes reads as one.
  [/TooManyDeletes|StagedDelete|Delet(e|ion)s?Threshold/i, 'deletes'],
  [/EscrowThreshold/i, 'escrow'],
  [/ServerBusy/i, 'transient'],
  [/InvalidCredentials?$|Unauthorized|InsufficientPermissions$/i, 'appCredentials'],
];

export const REASONS = new Map<string, { family: Family; why?: string }>([
  ['EncounteredQuarantineException', { family: 'appCredentials' }],
  ['EncounteredEscrowProportionThreshold', { family: 'escrow', why: 'More than 40 % of provisioning events failed.' }],
  ['EncounteredTotalEscrowThreshold', {
    family: 'escrow',
    why: 'Too many failures in total (over 40,000, or 60,000 counting reference failures).',
  }],
  ['EncounteredBaseEscrowThreshold', { family: 'escrow', why: 'Failures went past the base escrow threshold.' }],
  ['TooManyDeletes', { family: 'deletes' }],
  ['QuarantinedOnDemand', { family: 'onDemand' }],
  ['IngestionInterrupted', { family: 'ingestion' }],
]);

/** Every `quarantineReason` of the Graph schema this module explains (`Unknown` reads as "no reason"). */
export const KNOWN_QUARANTINE_REASONS: readonly string[] = [...REASONS.keys(), 'Unknown'];
