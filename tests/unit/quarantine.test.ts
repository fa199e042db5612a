import { describe, expect, it } from 'vitest';
import {
  daysUntilDisable,
  describeQuarantineReason,
  disableDate,
  DISABLE_AFTER_DAYS,
  errorCodeHint,
  KNOWN_QUARANTINE_REASONS,
} from '@/lib/quarantine';

const NOW = new Date('2026-11-28T09:05:00Z');

describe('quarantine reasons in plain words', () => {
  it.each([
    ['EncounteredQuarantineException', /cannot reach the target app.*credentials/, /Admin Credentials.*Test Connection/],
    ['EncounteredEscrowProportionThreshold', /40 %/, /provisioning logs/],
    ['EncounteredTotalEscrowThreshold', /40,000.*60,000/, /provisioning logs/],
    ['EncounteredBaseEscrowThreshold', /base escrow threshold/, /provisioning logs/],
    ['TooManyDeletes', /accidental-deletion threshold/, /StagedDelete/],
    ['QuarantinedOnDemand', /Microsoft quarantined/, /support case/],
    ['IngestionInterrupted', /interrupted/, /bulk-upload client/],
    ['Unknown', /no reason/, /audit logs/],
  ])('%s: %s', (reason, text, firstAction) => {
    const info = describeQuarantineReason(reason);
    expect(info.known).toBe(true);
    expect(info.text).toMatch(text);
    expect(info.actions[0]).toMatch(firstAction);
    expect(info.actions.length).toBeGreaterThanOrEqual(1);
    expect(info.actions.length).toBeLessThanOrEqual(2);
  });

  it('covers every quarantineReason member of the Graph schema', () => {
    expect([...KNOWN_QUARANTINE_REASONS].sort()).toEqual(
      [
        'EncounteredBaseEscrowThreshold', 'EncounteredTotalEscrowThreshold', 'EncounteredEscrowProportionThreshold',
        'EncounteredQuarantineException', 'Unknown', 'QuarantinedOnDemand', 'TooManyDeletes', 'IngestionInterrupted',
      ].sort(),
    );
  });

  it.each([
    ['SomethingNew', 'Graph gave a reason this version does not know: SomethingNew'],
    ['<img src=x onerror=alert(1)>', 'Graph gave a reason this version does not know: <img src=x onerror=alert(1)>'],
    ['encounteredquarantineexception', 'Graph gave a reason this version does not know: encounteredquarantineexception'],
    ['__proto__', 'Graph gave a reason this version does not know: __proto__'],
    [7, 'Graph gave a reason this version does not know: 7'],
  ])('an unknown reason %j is quoted verbatim', (reason, text) => {
    const info = describeQuarantineReason(reason);
    expect(info).toMatchObject({ known: false, text });
    expect(info.actions[0]).toMatch(/provisioning logs/);
  });

  it.each([[''], ['  '], [null], [undefined], [{}]])('a missing reason %j reads as no reason', (reason) => {
    expect(describeQuarantineReason(reason)).toMatchObject({ known: false, text: 'Graph gave no reason.' });
  });

  it('hands out copies: a caller cannot edit the table', () => {
    describeQuarantineReason('TooManyDeletes').actions.push('tampered');
    expect(describeQuarantineReason('TooManyDeletes').actions).not.toContain('tampered');
  });
});

describe('the 4-week disable rule', () => {
  it('disables 28 days after the series began', () => {
    expect(DISABLE_AFTER_DAYS).toBe(28);
    expect(disableDate(new Date('2026-11-20T08:00:00Z')).toISOString()).toBe('2026-12-18T08:00:00.000Z');
  });

  it.each([
    ['2026-11-28T09:05:00Z', 28], // began just now
    ['2026-11-27T21:05:00Z', 28], // 27.5 days left: a started day counts
    ['2026-11-20T08:00:00Z', 20],
    ['2026-11-10T09:05:00Z', 10], // exactly 10 days left
    ['2026-11-01T09:05:00Z', 1],
    ['2026-11-01T09:05:01Z', 2], // a day and a second
    ['2026-10-31T09:05:01Z', 1], // one second left
    ['2026-10-31T09:05:00Z', 0], // deadline is now
    ['2026-10-01T00:00:00Z', 0], // overdue
  ])('began %s → %i days left', (began, days) => {
    expect(daysUntilDisable(new Date(began), NOW)).toBe(days);
  });

  it('is unknown when the start is unknown', () => {
    expect(daysUntilDisable(null, NOW)).toBeNull();
    expect(daysUntilDisable(new Date(Number.NaN), NOW)).toBeNull();
  });
});

describe('error-code hints', () => {
  it.each([
    ['SalesforceInvalidCredentials', /security token/],
    ['BoxInsufficientPermissions', /rights in Box/],
    ['AzureDirectoryB2BManagementPolicyCheckFailure', /automatic redemption/],
    ['SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', /Test Connection/],
    ['HybridIdentityServiceNoAgentsAssigned', /no provisioning agent/],
    ['HybridIdentityServiceNoActiveAgents', /firewall/],
    ['AzureActiveDirectoryInvalidCredential', /Repair-AADCloudSyncToolsAccount/],
    ['AzureActiveDirectoryExpiredCredentials', /Repair-AADCloudSyncToolsAccount/],
    ['AzureDirectoryServiceServerBusy', /24 hours/],
  ])('%s → %s', (code, hint) => {
    expect(errorCodeHint(code)).toMatch(hint);
  });

  it.each([['UnknownError'], [''], [null], [42], ['constructor'], ['toString']])('%j → null', (code) => {
    expect(errorCodeHint(code)).toBeNull();
  });
});
