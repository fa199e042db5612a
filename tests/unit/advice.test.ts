/**
 * The advice for a job in trouble (lib/job/advice) and the one link that goes with it
 * (components/links). Rows use the templates, reasons and codes of quarantine.md and tests/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { adviceLink, portalLinks } from '@/components/links';
import { adviceFor, KNOWN_QUARANTINE_REASONS, MAX_STEPS, type Advice } from '@/lib/job/advice';
import { LABEL_MAX } from '@/lib/json-fields';
import { provisioningLogsUrl, provisioningPageUrl } from '@/lib/portal-url';

const HOST = 'portal.azure.com';
const SP = 'c9f1a2b3-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const PAGE = provisioningPageUrl(HOST, APP, SP)!;
const LOGS = provisioningLogsUrl(HOST)!;
const GUIDE = 'https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status';

/** What each host offers: the popup every page, the overlay all but the Provisioning page it sits on. */
const POPUP = portalLinks(HOST, APP, SP);
const OVERLAY = portalLinks(HOST, APP, SP, 'provisioningPage');

const CLOUD_SYNC = /^(AD2AAD|AAD2AD)/;

type Row = [template: string, reason: string | null, code: string, why: RegExp, firstStep: RegExp, popupLink: string | null];

// reason null: the job is not quarantined (its last run failed, or it carries a last quarantine error).
const ROWS: Row[] = [
  // Cloud Sync: the provisioning agent or its service account, never admin credentials.
  ['AD2AADProvisioning', 'EncounteredQuarantineException', 'HybridIdentityServiceNoActiveAgents', /agent .* is active: .*not running.*firewall/, /provisioning agent .*is running/, null],
  ['AD2AADPasswordHash', 'EncounteredQuarantineException', 'HybridIdentityServiceNoAgentsAssigned', /No provisioning agent is assigned/, /^Assign a provisioning agent/, null],
  ['AD2AADProvisioning', 'EncounteredQuarantineException', '', /on-premises directory.*provisioning agent/, /provisioning agent .*is running/, null],
  ['AAD2ADGroupProvisioning', 'EncounteredQuarantineException', '', /on-premises directory.*provisioning agent/, /provisioning agent .*is running/, null],
  ['AD2AADProvisioning', 'EncounteredQuarantineException', 'AzureActiveDirectoryInvalidCredential', /service account is missing/, /Repair-AADCloudSyncToolsAccount/, null],
  ['AD2AADPasswordHash', 'EncounteredQuarantineException', 'AzureActiveDirectoryExpiredCredentials', /service account has expired/, /Repair-AADCloudSyncToolsAccount/, null],
  ['AD2AADProvisioning', 'EncounteredQuarantineException', 'SalesforceInvalidCredentials', /service account/, /Repair-AADCloudSyncToolsAccount/, null],
  ['AD2AADProvisioning', null, 'HybridIdentityServiceNoActiveAgents', /not running.*firewall/, /provisioning agent .*is running/, null],
  ['AD2AADProvisioning', 'TooManyDeletes', '', /accidental-deletion threshold/, /pending deletions \(StagedDelete\)/, LOGS],
  // API-driven provisioning to on-premises AD writes through the same agent.
  ['API2AD', 'EncounteredQuarantineException', '', /on-premises directory.*provisioning agent/, /provisioning agent .*is running/, null],
  // The code beats the template it arrived on (tests/fixtures/jobs/numbers-as-strings).
  ['scim', 'EncounteredQuarantineException', 'AzureActiveDirectoryExpiredCredentials', /service account has expired/, /Repair-AADCloudSyncToolsAccount/, null],
  // SCIM and gallery apps: admin credentials, Test Connection, save.
  ['scim', 'EncounteredQuarantineException', 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', /Test Connection .*failed/, /Admin Credentials.*ECMA host.*Test Connection and save/, PAGE],
  ['SfSandboxOutDelta', 'EncounteredQuarantineException', 'SalesforceInvalidCredentials', /Salesforce rejected the admin credentials/, /Admin Credentials.*security token, run Test Connection and save/, PAGE],
  ['BoxOutDelta', 'EncounteredQuarantineException', 'BoxInsufficientPermissions', /lacks the needed rights in Box/, /Admin Credentials.*Box admin account.*Test Connection/, PAGE],
  // Not in the reference: a code this version has no entry for, told by its name.
  ['Slack', 'EncounteredQuarantineException', 'SlackUnauthorized', /admin credentials are wrong or expired/, /Admin Credentials.*Test Connection/, PAGE],
  ['scim', 'EncounteredQuarantineException', '', /cannot reach the target app at all.*admin credentials/, /Admin Credentials.*Test Connection/, PAGE],
  ['BoxOutDelta', null, 'SalesforceInvalidCredentials', /Salesforce rejected/, /security token/, PAGE], // Microsoft's "Get synchronizationJob" example
  ['scim', 'EncounteredQuarantineException', 'SystemForCrossDomainIdentityManagementServiceIncompatible', /SCIM standard/, /tenant URL.*Test Connection/, PAGE],
  // Cross-tenant sync: the cross-tenant access settings of both tenants.
  ['Azure2Azure', 'EncounteredQuarantineException', 'AzureDirectoryB2BManagementPolicyCheckFailure', /cross-tenant access settings.*automatic redemption/, /target tenant's cross-tenant access settings.*automatic redemption/, null],
  ['Azure2Azure', 'EncounteredQuarantineException', '', /cross-tenant access settings/, /automatic redemption/, null],
  // Thresholds: the logs.
  ['serviceNow', 'TooManyDeletes', '', /accidental-deletion threshold/, /pending deletions \(StagedDelete\) in the provisioning logs/, LOGS],
  ['scim', 'EncounteredEscrowProportionThreshold', '', /More than 40 %/, /provisioning logs filtered on failures/, LOGS],
  // A busy server gives way to the threshold it ran into (tests/fixtures/jobs/quarantine.EncounteredEscrowProportionThreshold).
  ['scim', 'EncounteredEscrowProportionThreshold', 'AzureDirectoryServiceServerBusy', /More than 40 %/, /provisioning logs filtered on failures/, LOGS],
  ['scim', 'EncounteredBaseEscrowThreshold', 'EscrowThresholdExceeded', /base escrow threshold/, /provisioning logs filtered on failures/, LOGS],
  ['scim', 'EncounteredTotalEscrowThreshold', '', /40,000.*60,000/, /provisioning logs filtered on failures/, LOGS],
  ['scim', null, 'EscrowThresholdExceeded', /escrow threshold/, /provisioning logs filtered on failures/, LOGS],
  // Transient: wait.
  ['scim', 'EncounteredQuarantineException', 'AzureDirectoryServiceServerBusy', /busy: a temporary fault/, /^Wait for the next attempt/, null],
  ['aws', null, 'AzureDirectoryServiceServerBusy', /busy: a temporary fault/, /^Wait for the next attempt/, null], // tests/fixtures/jobs/failing.Active
  // Reasons whose advice does not depend on the code.
  ['serviceNow', 'QuarantinedOnDemand', '', /Microsoft quarantined the job/, /support case quoting the job id/, null],
  ['API2AAD', 'IngestionInterrupted', '', /Ingestion was interrupted/, /bulk-upload client/, null],
  // Unknown: the error quoted, the logs.
  ['scim', 'Unknown', '', /^Graph gave no reason\.$/, /provisioning logs and the audit logs/, LOGS],
  ['scim', '', '', /^Graph gave no reason\.$/, /provisioning logs and the audit logs/, LOGS],
  ['scim', 'SomethingNew', '', /^Graph gave a reason this version does not know: SomethingNew$/, /provisioning logs and the audit logs/, LOGS],
  ['scim', 'SomethingNew', 'SomethingBroke', /does not know: SomethingNew$/, /^Look this error up in the provisioning logs: "SomethingBroke: It broke\."$/, LOGS],
  ['scim', null, 'SomethingBroke', /error this version does not explain/, /"SomethingBroke: It broke\."/, LOGS],
  ['scim', null, '', /last run failed, and Graph named no error/, /failures in the provisioning logs/, LOGS],
];

const advise = ([templateId, reason, errorCode]: Row): Advice => adviceFor({ templateId, reason, errorCode, message: errorCode && 'It broke.' });

describe('adviceFor: the code family and template first, the reason second', () => {
  it.each(ROWS)('%s · %s · %s', (...row) => {
    const [, , , why, firstStep] = row;
    const advice = advise(row);
    expect(advice.why).toMatch(why);
    expect(advice.steps[0]).toMatch(firstStep);
  });

  it.each(ROWS)('%s · %s · %s: 1 to 3 steps, at most one link, the popup links the page that does the step', (...row) => {
    const advice = advise(row);
    expect(advice.steps.length).toBeGreaterThanOrEqual(1);
    expect(advice.steps.length).toBeLessThanOrEqual(MAX_STEPS);
    expect(adviceLink(advice, POPUP)?.href ?? null).toBe(row[5]);
  });

  it('never sends a Cloud Sync job to Admin Credentials, whatever the reason or code', () => {
    const reasons = [...KNOWN_QUARANTINE_REASONS, '', null, 'SomethingNew'];
    const codes = [...new Set(ROWS.map((row) => row[2]))];
    const templates = [...new Set(ROWS.map((row) => row[0]).filter((t) => CLOUD_SYNC.test(t)))];
    expect(templates).toEqual(['AD2AADProvisioning', 'AD2AADPasswordHash', 'AAD2ADGroupProvisioning']);
    for (const templateId of templates)
      for (const reason of reasons)
        for (const errorCode of codes) {
          const advice = adviceFor({ templateId, reason, errorCode, message: 'Enter your admin credentials.' });
          const said = [advice.why, ...advice.steps.filter((step) => !step.startsWith('Look this error up'))].join(' ');
          expect(said, `${templateId} · ${reason} · ${errorCode}`).not.toMatch(/admin credentials|Test Connection/i);
          expect(advice.link, `${templateId} · ${reason} · ${errorCode}`).not.toBe('provisioningPage');
        }
  });

  it('keeps "why" and the steps on the same subject', () => {
    for (const row of ROWS) {
      const { why, steps } = advise(row);
      const all = steps.join(' ');
      if (/Admin Credentials/.test(all)) expect(why, row.join(' · ')).toMatch(/credentials|rights|Test Connection|SCIM/);
      if (/agent/.test(all)) expect(why, row.join(' · ')).toMatch(/agent|service account/);
      if (/cross-tenant/.test(all)) expect(why, row.join(' · ')).toMatch(/[Cc]ross-tenant/);
      if (/^Wait/.test(all)) expect(why, row.join(' · ')).toMatch(/temporary/);
    }
  });

  it('explains every quarantineReason member of the Graph schema, each in a row above', () => {
    const schema = [
      'EncounteredBaseEscrowThreshold', 'EncounteredTotalEscrowThreshold', 'EncounteredEscrowProportionThreshold',
      'EncounteredQuarantineException', 'Unknown', 'QuarantinedOnDemand', 'TooManyDeletes', 'IngestionInterrupted',
    ];
    expect([...KNOWN_QUARANTINE_REASONS].sort()).toEqual([...schema].sort());
    for (const reason of schema) expect(ROWS.some((row) => row[1] === reason), reason).toBe(true);
  });

  it('hands out copies: a caller cannot edit the table', () => {
    adviceFor({ reason: 'TooManyDeletes' }).steps.push('tampered');
    expect(adviceFor({ reason: 'TooManyDeletes' }).steps).not.toContain('tampered');
  });
});

describe('adviceFor with untrusted values', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['encounteredquarantineexception'], // Graph's enums are case-sensitive
    ['__proto__'],
    ['constructor'],
  ])('quotes an unknown reason %j verbatim, as text', (reason) => {
    expect(adviceFor({ templateId: 'scim', reason }).why).toBe(`Graph gave a reason this version does not know: ${reason}`);
  });

  it('reads a number as its text, and an object as no reason', () => {
    expect(adviceFor({ reason: 7 }).why).toBe('Graph gave a reason this version does not know: 7');
    expect(adviceFor({ reason: {} }).why).toBe('Graph gave no reason.');
  });

  it('cuts a long reason and a long error like other labels', () => {
    const advice = adviceFor({ reason: 'R'.repeat(1 << 20), errorCode: 'Big', message: `${'<b>x</b>\n'.repeat(100_000)}END` });
    expect(advice.why.length).toBeLessThanOrEqual('Graph gave a reason this version does not know: '.length + LABEL_MAX);
    expect(advice.why.endsWith('…')).toBe(true);
    const quote = 'Look this error up in the provisioning logs: ""';
    expect(advice.steps[0]).toMatch(/^Look this error up in the provisioning logs: "Big: <b>x<\/b> <b>x<\/b> .*…"$/);
    expect(advice.steps[0]!.length).toBeLessThanOrEqual(quote.length + LABEL_MAX);
  });

  it.each([['constructor'], ['toString'], ['__proto__'], [42], [null], [{}]])('an odd code %j is no known code', (errorCode) => {
    expect(adviceFor({ templateId: 'scim', reason: 'EncounteredQuarantineException', errorCode }).steps[0]).toMatch(/Admin Credentials/);
  });
});

describe('the one link', () => {
  it('the overlay never links to the Provisioning page it sits on', () => {
    expect(OVERLAY.provisioningPage).toBeUndefined();
    for (const row of ROWS) {
      for (const guide of [null, GUIDE]) {
        const href = adviceLink(advise(row), OVERLAY, guide)?.href ?? null;
        expect(href, row.join(' · ')).not.toBe(PAGE);
        expect(href ?? '', row.join(' · ')).not.toMatch(/ProvisioningManagement/);
      }
    }
  });

  it('falls back to the troubleshooting guide when the host cannot offer the page that does the step', () => {
    const credentials = adviceFor({ templateId: 'scim', reason: 'EncounteredQuarantineException' });
    expect(adviceLink(credentials, POPUP, GUIDE)).toEqual({ label: 'Open Provisioning in the portal', href: PAGE });
    expect(adviceLink(credentials, OVERLAY, GUIDE)).toEqual({ label: 'Troubleshooting guide', href: GUIDE });
    expect(adviceLink(credentials, OVERLAY, null)).toBeNull();
    const agents = adviceFor({ templateId: 'AD2AADProvisioning', reason: 'EncounteredQuarantineException' });
    expect(adviceLink(agents, POPUP, GUIDE)?.href).toBe(GUIDE);
    expect(adviceLink(adviceFor({ reason: 'TooManyDeletes' }), OVERLAY, GUIDE)).toEqual({ label: 'Open the provisioning logs', href: LOGS });
  });

  it('only ever an https link', () => {
    const credentials = adviceFor({ reason: 'EncounteredQuarantineException' });
    const hostBug = { provisioningPage: { label: 'Evil', href: 'javascript:alert(1)' } };
    expect(adviceLink(credentials, hostBug, 'http://help.example/')).toBeNull();
    expect(adviceLink(credentials, hostBug, GUIDE)?.href).toBe(GUIDE);
    expect(adviceLink(null, POPUP, GUIDE)).toBeNull();
  });

  it('offers no page it cannot build', () => {
    expect(portalLinks(HOST, null, SP)).toEqual({ provisioningLogs: { label: 'Open the provisioning logs', href: LOGS } });
    expect(portalLinks('evil.example', APP, SP)).toEqual({});
  });
});
