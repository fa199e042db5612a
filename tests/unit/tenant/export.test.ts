import { describe, expect, it } from 'vitest';
import { csvCell, rowsToCsv, scanToJson, CSV_COLUMNS } from '@/lib/tenant/export';
import { filterRows, sortRows, toTenantRows } from '@/lib/tenant/rows';
import { sanitizeStoredScan, boundScan, MAX_STORED_APPS, type StoredScan } from '@/lib/tenant/last-scan';
import type { ScannedApp } from '@/lib/tenant/types';

const sp = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = new Date('2026-12-01T12:00:00Z');
const job = (id: string, status: Record<string, unknown>) => ({ id, templateId: 'scim', status, schedule: { interval: 'PT40M', state: 'Active' } });
const QUARANTINED = job('scim.q', {
  code: 'Quarantine', countSuccessiveCompleteFailures: 4,
  quarantine: { reason: 'EncounteredQuarantineException', currentBegan: '2026-11-29T12:00:00Z', seriesBegan: '2026-11-29T12:00:00Z', nextAttempt: '2026-12-01T18:00:00Z', error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', message: 'bad' } },
});
const apps: ScannedApp[] = [
  { id: sp(1), appId: sp(11), displayName: '=HYPERLINK("https://evil")', jobs: [job('scim.a', { code: 'Active', lastExecution: { state: 'Succeeded' } })], fetchedAt: '2026-12-01T11:59:00.000Z' },
  { id: sp(2), appId: sp(12), displayName: 'Zeta, "quoted"', jobs: [QUARANTINED], fetchedAt: '2026-12-01T11:59:00.000Z' },
  { id: sp(3), appId: sp(13), displayName: 'Paused app', jobs: [job('scim.p', { code: 'Paused' })], fetchedAt: '2026-12-01T11:59:00.000Z' },
];
const rows = apps.flatMap((app) => toTenantRows(app, { now, timeZone: 'UTC' }));

describe('tenant rows', () => {
  it('come from the job view model: state, reason in words, days before disable; attention first', () => {
    const sorted = sortRows(rows, { column: 'attention', descending: false });
    expect(sorted.map((r) => r.view.state.label)).toEqual(['Quarantined', 'Paused', 'Active']);
    const q = sorted[0]!;
    expect(q).toMatchObject({ appName: 'Zeta, "quoted"', template: 'Custom SCIM app', consecutiveFailures: 4, daysUntilDisable: 26, health: 'quarantined' });
    expect(q.reason).not.toBe('');
    expect(q.nextAttempt?.iso).toBe('2026-12-01T18:00:00.000Z');
  });

  it('sort by any column either way; filter by state and text', () => {
    expect(sortRows(rows, { column: 'appName', descending: false }).map((r) => r.servicePrincipalId)).toEqual([sp(1), sp(3), sp(2)]);
    expect(sortRows(rows, { column: 'appName', descending: true }).map((r) => r.servicePrincipalId)).toEqual([sp(2), sp(3), sp(1)]);
    expect(sortRows(rows, { column: 'consecutiveFailures', descending: true })[0]!.servicePrincipalId).toBe(sp(2));
    expect(filterRows(rows, { state: 'quarantined', text: '' }).map((r) => r.servicePrincipalId)).toEqual([sp(2)]);
    expect(filterRows(rows, { state: 'attention', text: '' })).toHaveLength(2);
    expect(filterRows(rows, { state: 'all', text: 'PAUSED app' }).map((r) => r.servicePrincipalId)).toEqual([sp(3)]);
    expect(filterRows(rows, { state: 'all', text: sp(1) })).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('neutralises formula starters and quotes separators', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 20')).toBe("'+31 20");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it('one line per row in the order given, the header first', () => {
    const sorted = sortRows(rows, { column: 'attention', descending: false });
    const lines = rowsToCsv(sorted).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]!.startsWith('"Zeta, ""quoted""",Custom SCIM app,Quarantined,')).toBe(true);
    expect(lines[3]!.startsWith('"\'=HYPERLINK(""https://evil"")",')).toBe(true);
  });

  it('JSON export carries the jobs exactly as Graph returned them', () => {
    const parsed = JSON.parse(scanToJson(apps, { scannedAt: '2026-12-01T12:00:00.000Z', tenant: 'contoso', cloud: 'global' }));
    expect(parsed.apps[1].jobs[0]).toEqual(QUARANTINED);
    expect(parsed).toMatchObject({ tenant: 'contoso', cloud: 'global' });
  });
});

describe('the stored last scan', () => {
  const scan: StoredScan = {
    tenant: 'contoso.onmicrosoft.com', clientId: sp(99), cloud: 'global', startedAt: '2026-12-01T11:00:00.000Z', finishedAt: '2026-12-01T11:01:00.000Z',
    complete: true, counts: { apps: 3, skipped: 0, checked: 3, failed: 0 }, apps, failures: [],
  };
  it('survives a round trip and drops what it cannot trust', () => {
    expect(sanitizeStoredScan(JSON.parse(JSON.stringify(scan)))).toEqual(scan);
    expect(sanitizeStoredScan({ ...scan, cloud: 'mars' })).toBeNull();
    expect(sanitizeStoredScan('x')).toBeNull();
    const broken = sanitizeStoredScan({ ...scan, apps: [{ id: '../x', jobs: [{}] }, { id: sp(5), jobs: [] }, { id: sp(6), jobs: ['str', { id: 'j' }] }] });
    expect(broken?.apps).toEqual([{ id: sp(6), appId: '', displayName: '', jobs: [{ id: 'j' }], fetchedAt: '' }]);
  });
  it('is bounded', () => {
    const many = Array.from({ length: MAX_STORED_APPS + 5 }, (_, i) => ({ ...apps[0]!, id: sp(i) }));
    expect(boundScan({ ...scan, apps: many }).apps).toHaveLength(MAX_STORED_APPS);
  });
});

describe('Refresh known jobs: mergeRefresh', () => {
  const a = (n: number, jobs: unknown[] = [{ id: `scim.${n}` }]) => ({ id: sp(n), appId: sp(n + 10), displayName: `App ${n}`, jobs, fetchedAt: '2026-12-01T11:00:00.000Z' });
  it('takes the new jobs, drops apps answered with none, keeps unread and unreached apps', async () => {
    const { mergeRefresh } = await import('@/lib/tenant/refresh');
    const previous = [a(1), a(2), a(3), a(4)];
    const fresh = { ...a(1, [{ id: 'scim.new' }]), fetchedAt: '2026-12-01T12:00:00.000Z' };
    const merged = mergeRefresh(previous, [fresh], [{ servicePrincipalId: sp(3), displayName: 'App 3', status: 403 }], new Set([sp(1), sp(2), sp(3)]));
    expect(merged.map((x) => x.id)).toEqual([sp(1), sp(3), sp(4)]);
    expect(merged[0]).toBe(fresh);
    expect(merged[1]).toBe(previous[2]);
  });
});
