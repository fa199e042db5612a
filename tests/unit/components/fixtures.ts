/** Hand-built job views for component tests: each test states only what it changes. */
import type { JobView, QuarantineView, TimeView } from '@/lib/job-view';

export function time(relative: string, iso: string): TimeView {
  const d = new Date(iso);
  return { iso: d.toISOString(), relative, absolute: `abs ${d.toISOString().slice(0, 16).replace('T', ' ')}` };
}

export function quarantine(overrides: Partial<QuarantineView> = {}): QuarantineView {
  return {
    reason: 'EncounteredQuarantineException',
    advice: {
      why: 'The service cannot talk to the target app: most often invalid or expired admin credentials.',
      steps: ['Provisioning → Admin Credentials: enter valid credentials, Test Connection, save.', 'Restart provisioning.'],
      link: 'provisioningPage',
    },
    error: { code: 'SalesforceInvalidCredentials', message: 'The admin credentials are invalid.', tenantActionable: true },
    since: time('3 days ago', '2026-11-25T08:00:00Z'),
    seriesBegan: time('5 days ago', '2026-11-23T08:00:00Z'),
    seriesCount: 4,
    nextAttempt: time('in 5 h', '2026-11-28T19:00:00Z'),
    daysUntilDisable: 23,
    disableAt: time('in 23 days', '2026-12-21T08:00:00Z'),
    ...overrides,
  };
}

export function view(overrides: Partial<JobView> = {}): JobView {
  return {
    jobId: 'scim.5f4eb598671f406688307ec82393defd',
    templateId: 'scim',
    state: { key: 'quarantined', label: 'Quarantined', tone: 'error', code: 'Quarantine' },
    needsAttention: true,
    quarantine: quarantine(),
    lastRun: {
      result: 'Failed',
      tone: 'error',
      began: time('1 day ago', '2026-11-27T08:00:00Z'),
      ended: time('1 day ago', '2026-11-27T08:00:04Z'),
      imported: 5,
      exported: 0,
      escrowed: 2,
      error: null,
    },
    consecutiveFailures: 4,
    steadyStateFirst: null,
    steadyStateLast: null,
    schedule: { label: 'every 40 minutes', state: 'Active', interval: 'PT40M' },
    entryCounts: [{ key: 'user to User', value: 120 }],
    troubleshootingUrl: null,
    ...overrides,
  };
}

export function activeView(overrides: Partial<JobView> = {}): JobView {
  return view({
    jobId: 'Box.aaaa1111bbbb2222cccc3333dddd4444',
    templateId: 'Box',
    state: { key: 'active', label: 'Active', tone: 'success', code: 'Active' },
    needsAttention: false,
    quarantine: null,
    lastRun: { result: 'Succeeded', tone: 'success', began: null, ended: null, imported: 10, exported: 10, escrowed: 0, error: null },
    consecutiveFailures: 0,
    steadyStateFirst: time('2 months ago', '2026-09-28T08:00:00Z'),
    steadyStateLast: time('10 min ago', '2026-11-28T13:50:00Z'),
    ...overrides,
  });
}
