/**
 * What a provisioning quarantine means and what the admin can do about it (quarantine.md).
 * Figures are Microsoft's and "subject to change": they live here, in one place.
 */

export interface ReasonInfo {
  /** Plain words for the reason. */
  text: string;
  /** One or two steps the admin should take. */
  actions: string[];
  /** false when Graph sent a reason this table does not know (the text then quotes it verbatim). */
  known: boolean;
}

const FIX_FAILURES = [
  'Open the provisioning logs filtered on failures and fix the attribute mapping or the source data.',
  'Then restart provisioning.',
];

const NO_REASON = {
  text: 'Graph gave no reason.',
  actions: ['Look at the provisioning logs and the audit logs (Activity "Quarantine").'],
};

const REASONS = new Map<string, Omit<ReasonInfo, 'known'>>([
  ['EncounteredQuarantineException', {
    text: 'The service cannot reach the target app at all, most often because the admin credentials are wrong or expired.',
    actions: [
      'Under Provisioning → Admin Credentials, enter valid credentials, run Test Connection and save.',
      'Then restart provisioning.',
    ],
  }],
  ['EncounteredEscrowProportionThreshold', {
    text: 'More than 40 % of provisioning events failed.',
    actions: FIX_FAILURES,
  }],
  ['EncounteredTotalEscrowThreshold', {
    text: 'Too many failures in total (over 40,000, or 60,000 counting reference failures).',
    actions: FIX_FAILURES,
  }],
  ['EncounteredBaseEscrowThreshold', {
    text: 'Failures went past the base escrow threshold.',
    actions: FIX_FAILURES,
  }],
  ['TooManyDeletes', {
    text: 'The accidental-deletion threshold was reached, so deletions are being held back.',
    actions: [
      'Review the pending deletions (StagedDelete) in the provisioning logs.',
      'If they are intended, allow the deletes (restart with ForceDeletes); if not, fix the scoping.',
    ],
  }],
  ['QuarantinedOnDemand', {
    text: 'Microsoft quarantined the job after detecting a problem with the application.',
    actions: ['Check service health, or open a support case quoting the job id.'],
  }],
  ['IngestionInterrupted', {
    text: 'Ingestion was interrupted (not documented by Microsoft; seen with API-driven inbound provisioning).',
    actions: ['Check the bulk-upload client and its logs.'],
  }],
  ['Unknown', NO_REASON],
]);

/** The reasons this table explains, as Graph spells them. */
export const KNOWN_QUARANTINE_REASONS: readonly string[] = [...REASONS.keys()];

/**
 * Plain words and next steps for `quarantine.reason`. A missing or empty reason reads as "no reason";
 * a reason this version does not know is quoted verbatim (as text, never markup) with generic steps.
 */
export function describeQuarantineReason(reason: unknown): ReasonInfo {
  const raw = typeof reason === 'string' || typeof reason === 'number' ? String(reason) : '';
  const known = REASONS.get(raw);
  if (known) return { ...known, actions: [...known.actions], known: true };
  if (raw.trim() === '') return { ...NO_REASON, actions: [...NO_REASON.actions], known: false };
  return {
    text: `Graph gave a reason this version does not know: ${raw}`,
    actions: [...NO_REASON.actions],
    known: false,
  };
}

/** A job quarantined for longer than this is disabled (Microsoft: "more than 4 weeks"). */
export const DISABLE_AFTER_DAYS = 28;
const DAY_MS = 86_400_000;

/** When a quarantine that began at `began` (seriesBegan, else currentBegan) disables the job. */
export function disableDate(began: Date): Date {
  return new Date(began.getTime() + DISABLE_AFTER_DAYS * DAY_MS);
}

/**
 * Days left before the 4-week disable, counting a started day as a whole one (so 0 means the
 * deadline has passed, and 19 days 23 h left reads 20); null when the start is unknown.
 */
export function daysUntilDisable(began: Date | null, now: Date): number | null {
  if (!began || !Number.isFinite(began.getTime()) || !Number.isFinite(now.getTime())) return null;
  const left = disableDate(began).getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}

const ERROR_HINTS = new Map<string, string>([
  ['SalesforceInvalidCredentials', 'Re-enter the Salesforce admin user name, password and security token.'],
  ['BoxInsufficientPermissions', 'The admin account used for provisioning lacks the needed rights in Box.'],
  ['AzureDirectoryB2BManagementPolicyCheckFailure',
    'Cross-tenant sync: turn on automatic redemption in the cross-tenant access settings of both tenants.'],
  ['SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
    'Test Connection failed; for an on-premises ECMA host, check its certificate and host name.'],
  ['HybridIdentityServiceNoAgentsAssigned', 'Cloud Sync: no provisioning agent is assigned to this configuration.'],
  ['HybridIdentityServiceNoActiveAgents',
    'Cloud Sync: the agent is not running, or a firewall blocks it.'],
  ['AzureActiveDirectoryInvalidCredential',
    'Cloud Sync service account is missing: run Repair-AADCloudSyncToolsAccount.'],
  ['AzureActiveDirectoryExpiredCredentials',
    'Cloud Sync service account has expired: run Repair-AADCloudSyncToolsAccount.'],
  ['AzureDirectoryServiceServerBusy',
    'Temporary: the service retries on its own. Contact support if it lasts more than 24 hours.'],
]);

/** A short hint for an error code seen on jobs, or null when there is none. */
export function errorCodeHint(code: unknown): string | null {
  return typeof code === 'string' ? (ERROR_HINTS.get(code) ?? null) : null;
}
