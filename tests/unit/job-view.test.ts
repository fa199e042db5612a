import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickDefaultJob, toJobView, type JobView } from '@/lib/job-view';

/** Sat 28 Nov 2026, 09:05 UTC: every fixture is written against this moment. */
const NOW = new Date('2026-11-28T09:05:00Z');
const OPTIONS = { now: NOW, timeZone: 'UTC' };

const here = path.dirname(fileURLToPath(import.meta.url));
const OWN = path.resolve(here, '../fixtures/jobs');
// Microsoft's documentation examples, copied byte for byte (tests/fixtures/graph-docs/README.md).
const DOCS = path.resolve(here, '../fixtures/graph-docs');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const fixture = (name: string): unknown => readJson(path.join(OWN, `${name}.json`));
const view = (name: string): JobView => toJobView(fixture(name), OPTIONS);

describe('job state', () => {
  it.each([
    ['status.Active', 'active', 'Active', 'success', 'Active', false],
    ['status.Paused', 'paused', 'Paused', 'warning', 'Paused', false],
    ['status.Quarantine', 'quarantined', 'Quarantined', 'error', 'Quarantine', true],
    ['status.NotRun', 'notRun', 'Not run', 'neutral', 'NotRun', false],
    ['status.NotConfigured', 'notConfigured', 'Not configured', 'neutral', 'NotConfigured', false],
    ['failing.Active', 'active', 'Active', 'success', 'Active', true], // last run failed twice in a row
    ['quarantine.code-Active-with-currentBegan', 'quarantined', 'Quarantined', 'error', 'Active', true],
    ['quarantine.TooManyDeletes', 'quarantined', 'Quarantined', 'error', 'Quarantine', true],
    ['unknown.code-Throttled', 'unknown', 'Throttled', 'neutral', 'Throttled', true],
    ['unknown.schedule-Hibernating', 'active', 'Active', 'success', 'Active', false],
    ['unknown.run-PartiallySucceeded', 'active', 'Active', 'success', 'Active', false],
    ['sentinels', 'active', 'Active', 'success', 'Active', false], // quarantine object, but sentinel currentBegan
    ['missing-fields', 'active', 'Active', 'success', 'Active', false],
  ])('%s → %s "%s" (%s), code %s, needs attention: %s', (name, key, label, tone, code, needsAttention) => {
    const v = view(name);
    expect(v.state).toEqual({ key, label, tone, code });
    expect(v.needsAttention).toBe(needsAttention);
  });
});

describe('quarantine details', () => {
  it.each([
    // fixture, reason, since, seriesCount, nextAttempt, daysUntilDisable, disableAt, error code
    ['status.Quarantine', 'EncounteredQuarantineException', '2026-11-27T08:00:00.123Z', 4, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', 'SalesforceInvalidCredentials'],
    ['quarantine.EncounteredBaseEscrowThreshold', 'EncounteredBaseEscrowThreshold', '2026-11-27T21:05:00.000Z', 0, 'in 5 h', 28, 'Fri 25 Dec 2026, 21:05', 'EscrowThresholdExceeded'],
    // seriesBegan is the sentinel: counted from currentBegan instead
    ['quarantine.EncounteredTotalEscrowThreshold', 'EncounteredTotalEscrowThreshold', '2026-11-10T09:05:00.000Z', 12, 'in 5 h', 10, 'Tue 8 Dec 2026, 09:05', null],
    // no quarantine.error: the last run's error is shown
    ['quarantine.EncounteredEscrowProportionThreshold', 'EncounteredEscrowProportionThreshold', '2026-11-27T08:00:00.123Z', 20, 'in 5 h', 1, 'Sun 29 Nov 2026, 09:05', 'AzureDirectoryServiceServerBusy'],
    ['quarantine.EncounteredQuarantineException', 'EncounteredQuarantineException', '2026-11-27T08:00:00.123Z', 4, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', 'SystemForCrossDomainIdentityManagementServiceIncompatible'],
    ['quarantine.Unknown', 'Unknown', '2026-11-27T08:00:00.123Z', 4, null, 0, 'Thu 29 Oct 2026, 00:00', null],
    ['quarantine.QuarantinedOnDemand', 'QuarantinedOnDemand', '2026-11-27T08:00:00.123Z', 1, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', null],
    ['quarantine.TooManyDeletes', 'TooManyDeletes', '2026-11-27T08:00:00.123Z', 4, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', null],
    ['quarantine.IngestionInterrupted', 'IngestionInterrupted', '2026-11-27T08:00:00.123Z', 4, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', null],
    ['unknown.reason-SomethingNew', 'SomethingNew', '2026-11-27T08:00:00.123Z', 4, 'in 5 h', 20, 'Fri 18 Dec 2026, 08:00', null],
  ])('%s: %s', (name, reason, since, seriesCount, nextAttempt, days, disableAt, errorCode) => {
    const q = view(name).quarantine;
    expect(q).not.toBeNull();
    expect(q?.reason).toBe(reason);
    expect(q?.since?.iso).toBe(since);
    expect(q?.seriesCount).toBe(seriesCount);
    expect(q?.nextAttempt?.relative ?? null).toBe(nextAttempt);
    expect(q?.daysUntilDisable).toBe(days);
    expect(q?.disableAt?.absolute).toBe(disableAt);
    expect(q?.error?.code ?? null).toBe(errorCode);
  });

  it('tells a quarantine completely (status.Quarantine)', () => {
    expect(view('status.Quarantine').quarantine).toEqual({
      reason: 'EncounteredQuarantineException',
      advice: {
        why: 'Salesforce rejected the admin credentials used for provisioning.',
        steps: [
          'Under Provisioning → Admin Credentials, re-enter the Salesforce admin user name, password and security token, run Test Connection and save.',
          'Then restart provisioning.',
        ],
        link: 'provisioningPage',
      },
      error: {
        code: 'SalesforceInvalidCredentials',
        message: expect.stringMatching(/^Your Salesforce\.com credentials are invalid\./),
        tenantActionable: true,
      },
      since: { iso: '2026-11-27T08:00:00.123Z', relative: '1 day ago', absolute: 'Fri 27 Nov 2026, 08:00' },
      seriesBegan: { iso: '2026-11-20T08:00:00.000Z', relative: '8 days ago', absolute: 'Fri 20 Nov 2026, 08:00' },
      seriesCount: 4,
      nextAttempt: { iso: '2026-11-28T14:05:00.000Z', relative: 'in 5 h', absolute: 'Sat 28 Nov 2026, 14:05' },
      daysUntilDisable: 20,
      disableAt: { iso: '2026-12-18T08:00:00.000Z', relative: 'in 20 days', absolute: 'Fri 18 Dec 2026, 08:00' },
    });
  });

  it('quotes an unknown reason verbatim', () => {
    expect(view('unknown.reason-SomethingNew').quarantine?.advice.why).toBe(
      'Graph gave a reason this version does not know: SomethingNew',
    );
  });

  it.each([
    // fixture, why, first step: the error code and template decide before the reason (lib/job/advice)
    ['tenant/cloud-sync.AD2AADProvisioning', /agent .* is active: .*not running.*firewall/, /provisioning agent .*is running/],
    ['tenant/northwind-scim.scim', /Test Connection .*failed/, /Admin Credentials.*Test Connection and save/],
    ['tenant/servicenow.serviceNow', /accidental-deletion threshold/, /StagedDelete/],
    ['tenant/fabrikam-learning.scim', /More than 40 %/, /provisioning logs filtered on failures/],
    ['jobs/quarantine.EncounteredEscrowProportionThreshold', /More than 40 %/, /provisioning logs filtered on failures/],
    ['jobs/quarantine.EncounteredQuarantineException', /SCIM standard/, /tenant URL/],
    ['jobs/numbers-as-strings', /service account has expired/, /Repair-AADCloudSyncToolsAccount/],
  ])('%s: advice from its error code and template', (name, why, firstStep) => {
    const q = toJobView(readJson(path.resolve(OWN, '..', `${name}.json`)), OPTIONS).quarantine;
    expect(q?.advice.why).toMatch(why);
    expect(q?.advice.steps[0]).toMatch(firstStep);
  });

  it.each([
    // a job that is not quarantined gets the advice its error would get in quarantine
    ['failing.Active', /temporary fault/, /^Wait for the next attempt/],
    ['unknown.schedule-Hibernating', /not running.*firewall/, /provisioning agent .*is running/],
  ])('%s: advice beside the failed run', (name, why, firstStep) => {
    const v = view(name);
    expect(v.advice?.why).toMatch(why);
    expect(v.advice?.steps[0]).toMatch(firstStep);
  });

  it.each([['status.Active'], ['status.Paused'], ['status.NotRun'], ['sentinels'], ['status.Quarantine']])('%s: no advice beside the details', (name) => {
    expect(view(name).advice).toBeNull();
  });

  it.each([['status.Active'], ['status.Paused'], ['status.NotRun'], ['sentinels'], ['failing.Active']])(
    '%s is not quarantined',
    (name) => {
      expect(view(name).quarantine).toBeNull();
      expect(view(name).lastQuarantineError).toBeNull();
    },
  );
});

describe("Microsoft's documentation examples (tests/fixtures/graph-docs)", () => {
  it('finds every copied example', () => {
    expect(readdirSync(DOCS).filter((f) => f.endsWith('.json')).sort()).toEqual([
      'get-job.docs-example.json',
      'provisioning-log.failure.docs-example.json',
      'status.quarantined.docs-2017-fragment.json',
    ]);
  });

  it('Get synchronizationJob: Paused with an empty-timestamp quarantine is Paused, its error kept aside', () => {
    const v = toJobView(readJson(path.join(DOCS, 'get-job.docs-example.json')), OPTIONS);
    expect(v).toEqual({
      jobId: '{jobId}',
      templateId: 'BoxOutDelta',
      state: { key: 'paused', label: 'Paused', tone: 'warning', code: 'Paused' },
      needsAttention: false,
      quarantine: null,
      lastQuarantineError: {
        code: 'SalesforceInvalidCredentials',
        message: expect.stringMatching(/^Your Salesforce\.com credentials are invalid\./),
        tenantActionable: true,
      },
      advice: {
        why: 'Salesforce rejected the admin credentials used for provisioning.',
        steps: [
          'Under Provisioning → Admin Credentials, re-enter the Salesforce admin user name, password and security token, run Test Connection and save.',
          'Then restart provisioning.',
        ],
        link: 'provisioningPage',
      },
      lastRun: null,
      consecutiveFailures: 0,
      steadyStateFirst: null,
      steadyStateLast: null,
      schedule: { label: 'disabled', state: 'Disabled', interval: 'P10675199DT2H48M5.4775807S' },
      entryCounts: [],
      troubleshootingUrl: null,
    });
  });

  it('2017 draft: code Quarantine, the error on lastExecution, 7-digit times, sentinel nextAttempt', () => {
    const v = toJobView(readJson(path.join(DOCS, 'status.quarantined.docs-2017-fragment.json')), OPTIONS);
    expect(v.state.key).toBe('quarantined');
    expect(v.needsAttention).toBe(true);
    expect(v.quarantine).toMatchObject({
      reason: 'EncounteredQuarantineException',
      error: { code: 'BoxInsufficientPermissions', tenantActionable: true },
      since: { iso: '2017-07-19T12:35:27.086Z', absolute: 'Wed 19 Jul 2017, 12:35', relative: '9 years ago' },
      seriesBegan: { iso: '2017-07-19T06:56:58.246Z' },
      seriesCount: 6,
      nextAttempt: null,
      daysUntilDisable: 0,
      disableAt: { iso: '2017-08-16T06:56:58.246Z' },
    });
    expect(v.lastRun).toMatchObject({ result: 'Failed', tone: 'error', began: null, ended: null, imported: null });
    expect(v.schedule).toEqual({ label: 'unknown', state: '', interval: null });
    expect(v.jobId).toBe('');
  });
});

describe('schedule', () => {
  it.each([
    ['status.Active', 'every 40 minutes', 'Active', 'PT40M'],
    ['status.Paused', 'paused (every 40 minutes)', 'Paused', 'PT40M'],
    ['status.NotConfigured', 'disabled', 'Disabled', 'P10675199DT2H48M5.4775807S'],
    ['sentinels', 'no schedule', 'Active', 'P10675199DT2H48M5.4775807S'],
    ['unknown.schedule-Hibernating', 'Hibernating (every 2 minutes)', 'Hibernating', 'PT2M'],
    ['missing-fields', 'unknown', '', null],
  ])('%s → %j', (name, label, state, interval) => {
    expect(view(name).schedule).toEqual({ label, state, interval });
  });

  it.each([
    [{ state: 'Paused', interval: 'P10675199DT2H48M5.4775807S' }, 'paused'],
    [{ state: 'Disabled', interval: 'PT20M' }, 'disabled (every 20 minutes)'],
    [{ state: 'Active', interval: 'whenever' }, 'whenever'],
    [{ state: 'Active' }, 'unknown'],
    [{ interval: 'PT2H' }, 'every 2 hours'],
    [{ state: 5, interval: 40 }, '5'],
  ])('%j → %j', (schedule, label) => {
    expect(toJobView({ schedule }, OPTIONS).schedule.label).toBe(label);
  });
});

describe('last run', () => {
  it.each([
    ['status.Active', 'Succeeded', 'success', 5, 3, 0, null],
    ['failing.Active', 'Failed', 'error', 5, 0, 0, 'AzureDirectoryServiceServerBusy'],
    ['unknown.schedule-Hibernating', 'Entry-level errors', 'warning', 5, 3, 2, 'HybridIdentityServiceNoActiveAgents'],
    ['unknown.run-PartiallySucceeded', 'PartiallySucceeded', 'neutral', 5, 3, 0, null],
    ['numbers-as-strings', 'Failed', 'error', 120, 0, 7, null],
  ])('%s → %s (%s), imported %i, exported %i, escrowed %i, error %s', (name, result, tone, imported, exported, escrowed, code) => {
    const run = view(name).lastRun;
    expect(run).toMatchObject({ result, tone, imported, exported, escrowed });
    expect(run?.error?.code ?? null).toBe(code);
  });

  it('is null for a job that never ran', () => {
    expect(view('status.NotRun').lastRun).toBeNull();
    expect(view('status.NotConfigured').lastRun).toBeNull();
  });

  it('tells run times relative and absolute', () => {
    expect(view('status.Active').lastRun?.ended).toEqual({
      iso: '2026-11-28T08:46:01.086Z',
      relative: '19 min ago',
      absolute: 'Sat 28 Nov 2026, 08:46',
    });
  });
});

describe('times, sentinels and fractions', () => {
  it.each([
    ['status.Active', '2026-03-02T10:14:40.521Z', '2026-11-28T08:46:01.086Z'],
    ['status.NotRun', null, null],
    ['sentinels', null, null], // …00.0000000Z and …+00:00 forms of the sentinel
    ['fractions', '2026-11-28T08:00:00.086Z', '2026-11-28T08:59:59.120Z'], // +01:00 offset, 2 digits
    ['missing-fields', null, null],
  ])('%s: steady state first %s, last %s', (name, first, last) => {
    const v = view(name);
    expect(v.steadyStateFirst?.iso ?? null).toBe(first);
    expect(v.steadyStateLast?.iso ?? null).toBe(last);
  });

  it('a run still in progress (timeEnded = sentinel) has no end', () => {
    expect(view('sentinels').lastRun?.ended).toBeNull();
    expect(view('sentinels').lastRun?.began?.iso).toBe('2026-11-28T08:45:12.345Z');
  });

  it('7-digit fractions are truncated to milliseconds, never rounded up', () => {
    expect(view('fractions').lastRun?.began?.iso).toBe('2026-11-28T08:00:00.100Z');
    expect(view('fractions').lastRun?.ended?.iso).toBe('2026-11-28T08:00:59.999Z');
  });

  it('absolute times follow the time zone option', () => {
    const v = toJobView(fixture('status.Quarantine'), { now: NOW, timeZone: 'Europe/Berlin' });
    expect(v.quarantine?.nextAttempt?.absolute).toBe('Sat 28 Nov 2026, 15:05');
  });
});

describe('untrusted text and URLs', () => {
  it('keeps markup in messages as plain text, verbatim', () => {
    const v = view('markup');
    expect(v.quarantine?.error?.message).toBe(
      '<html><body><h1>404</h1><script>alert(document.cookie)</script><a href="javascript:alert(1)">retry</a></body></html>',
    );
    expect(v.quarantine?.reason).toBe('<img src=x onerror=alert(1)>');
    // The code decides (a SCIM endpoint answering 404); the unknown reason stays verbatim, as data.
    expect(v.quarantine?.reason).toBe('<img src=x onerror=alert(1)>');
    expect(v.quarantine?.advice.why).toMatch(/^The SCIM endpoint does not answer/);
    expect(v.entryCounts).toEqual([{ key: '<b>user</b> to User', value: 3 }]);
  });

  it.each([
    ['https://learn.microsoft.com/entra/x?a=1#b', 'https://learn.microsoft.com/entra/x?a=1#b'],
    ['  https://aka.ms/provisioning  ', 'https://aka.ms/provisioning'],
    ['javascript:alert(document.domain)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['http://learn.microsoft.com/', null],
    ['//learn.microsoft.com/', null],
    ['/relative/path', null],
    ['', null],
    [null, null],
    [42, null],
  ])('troubleshootingUrl %j → %j', (url, expected) => {
    expect(toJobView({ status: { troubleshootingUrl: url } }, OPTIONS).troubleshootingUrl).toBe(expected);
  });

  it('the markup fixture loses its javascript: URL; status.Active keeps its https one', () => {
    expect(view('markup').troubleshootingUrl).toBeNull();
    expect(view('status.Active').troubleshootingUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('keeps a 1 MB message whole', () => {
    const message = `${'<b>x</b>'.repeat(131_072)}`;
    const job = { status: { code: 'Quarantine', quarantine: { error: { code: 'Big', message } } } };
    expect(toJobView(job, OPTIONS).quarantine?.error?.message).toHaveLength(1_048_576);
  });
});

describe('numbers as strings', () => {
  it('reads counts sent as strings, drops what is not a number', () => {
    const v = view('numbers-as-strings');
    expect(v.consecutiveFailures).toBe(3);
    expect(v.quarantine?.seriesCount).toBe(5);
    expect(v.quarantine?.error).toEqual({
      code: 'AzureActiveDirectoryExpiredCredentials',
      message: 'The service account credentials have expired.',
      tenantActionable: true,
    });
    expect(v.entryCounts).toEqual([{ key: 'user to User', value: 42 }]);
    expect(v.needsAttention).toBe(true);
  });
});

describe('hostile input never throws', () => {
  const EMPTY = {
    jobId: '',
    templateId: '',
    state: { key: 'unknown', label: 'Unknown', tone: 'neutral', code: '' },
    needsAttention: true,
    quarantine: null,
    lastQuarantineError: null,
    advice: null,
    lastRun: null,
    consecutiveFailures: null,
    steadyStateFirst: null,
    steadyStateLast: null,
    schedule: { label: 'unknown', state: '', interval: null },
    entryCounts: [],
    troubleshootingUrl: null,
  };

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', []],
    ['a string', 'x'],
    ['a number', 42],
    ['a boolean', true],
    ['an empty object', {}],
    ['status null', { status: null }],
    ['status an array', { status: [] }],
    ['status a string', { status: 'Quarantine' }],
  ])('%s → the empty view', (_what, input) => {
    expect(toJobView(input, OPTIONS)).toEqual(EMPTY);
  });

  it.each([
    ['quarantine "yes"', { status: { code: 'Active', quarantine: 'yes' } }, 'active', null],
    ['quarantine []', { status: { code: 'Active', quarantine: [] } }, 'active', null],
    ['quarantine null with code Quarantine', { status: { code: 'Quarantine', quarantine: null } }, 'quarantined', ''],
    ['quarantine "yes" with code Quarantine', { status: { code: 'Quarantine', quarantine: 'yes' } }, 'quarantined', ''],
    ['code as a number', { status: { code: 3 } }, 'unknown', null],
    ['code as an object', { status: { code: { value: 'Active' } } }, 'unknown', null],
    ['reason as a number', { status: { quarantine: { currentBegan: '2026-11-27T08:00:00Z', reason: 4 } } }, 'quarantined', '4'],
  ])('%s', (_what, input, key, reason) => {
    const v = toJobView(input, OPTIONS);
    expect(v.state.key).toBe(key);
    expect(v.quarantine?.reason ?? null).toBe(reason);
  });

  it('a code-Quarantine job without a quarantine object still says what it can', () => {
    const v = toJobView({ status: { code: 'Quarantine', quarantine: null } }, OPTIONS);
    expect(v.quarantine).toMatchObject({ advice: { why: 'Graph gave no reason.' }, since: null, daysUntilDisable: null, disableAt: null });
  });

  it('an object whose getters throw yields the empty view', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('boom'); } });
    expect(toJobView(trap, OPTIONS)).toEqual(EMPTY);
    expect(toJobView({ status: trap }, OPTIONS)).toEqual(EMPTY);
  });

  it('holds for any JSON value, anywhere in the job', () => {
    const field = fc.oneof(fc.jsonValue(), fc.constantFrom('0001-01-01T00:00:00Z', '', 'Quarantine', 'PT40M', '2026-11-27T08:00:00.1234567Z'));
    const job = fc.record(
      {
        id: field, templateId: field, schedule: fc.oneof(field, fc.record({ state: field, interval: field })),
        status: fc.oneof(field, fc.record({
          code: field, countSuccessiveCompleteFailures: field, lastExecution: field, troubleshootingUrl: field,
          steadyStateLastAchievedTime: field, synchronizedEntryCountByType: fc.oneof(field, fc.array(field)),
          quarantine: fc.oneof(field, fc.record({ currentBegan: field, seriesBegan: field, reason: field, error: field, seriesCount: field })),
        }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), job), (input) => {
      const v = toJobView(input, OPTIONS);
      expect(typeof v.state.label).toBe('string');
      expect(typeof v.schedule.label).toBe('string');
    }), { numRuns: 300 });
  });
});

describe('fixtures', () => {
  const names = readdirSync(OWN).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

  it.each(names)('%s is a job object with an id and a template', (name) => {
    const job = fixture(name) as { id?: unknown; templateId?: unknown };
    expect(typeof job.id).toBe('string');
    expect(typeof job.templateId).toBe('string');
    expect(() => view(name)).not.toThrow();
  });
});

describe('pickDefaultJob', () => {
  const v = (name: string) => view(name);

  it.each([
    ['the first that needs attention', ['status.Active', 'status.Paused', 'status.Quarantine', 'failing.Active'], 2],
    ['an unknown state needs attention', ['status.Active', 'unknown.code-Throttled'], 1],
    ['a failing run needs attention', ['status.NotRun', 'failing.Active', 'status.Quarantine'], 1],
    ['else the first', ['status.Paused', 'status.Active', 'status.NotRun'], 0],
    ['a single job', ['status.Quarantine'], 0],
  ])('%s', (_what, names, index) => {
    expect(pickDefaultJob(names.map(v))).toBe(index);
  });

  it('is -1 when there is no job', () => {
    expect(pickDefaultJob([])).toBe(-1);
  });
});
