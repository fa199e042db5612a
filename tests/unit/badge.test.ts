import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTabBadges, toolbarBadge, type ActionApi } from '@/lib/badge';
import { jobHealth } from '@/lib/job/health';
import { toJobView } from '@/lib/job-view';
import type { JobLookup, JobsFound } from '@/lib/protocol';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/jobs', `${name}.json`), 'utf8'));
const SP = '35aa7736-b3e5-439c-9e24-d3cb861fed45';
const found = (...jobs: unknown[]): JobsFound => ({ kind: 'jobs', servicePrincipalId: SP, jobs, fetchedAt: '2026-12-02T10:00:00Z' });

describe('jobHealth: one rule for the card and the toolbar', () => {
  it.each([
    ['status.Quarantine', 'quarantined'],
    ['quarantine.code-Active-with-currentBegan', 'quarantined'],
    ['quarantine.TooManyDeletes', 'quarantined'],
    ['failing.Active', 'failing'],
    ['status.Paused', 'paused'],
    ['status.Active', 'healthy'],
    ['status.NotRun', 'healthy'],
    ['sentinels', 'healthy'],
    ['missing-fields', 'healthy'],
  ])('%s is %s', (name, health) => {
    const job = fixture(name);
    expect(jobHealth(job)).toBe(health);
    // The card agrees: quarantined exactly when the view model has a quarantine block.
    expect(toJobView(job, { now: new Date('2026-11-28T09:05:00Z') }).quarantine !== null).toBe(health === 'quarantined');
  });

  it.each([null, 'x', 42, [], { status: 'Quarantine' }, { status: { code: { toString: 'Quarantine' } } }])('%j reads as healthy, never throws', (job) => {
    expect(jobHealth(job)).toBe('healthy');
  });
});

describe('toolbarBadge', () => {
  it.each<[string, JobLookup, { text: string; title: string }]>([
    ['a quarantined job: "!" and the state in words', found(fixture('status.Quarantine')), { text: '!', title: expect.stringMatching(/^Provisioning Lens — Quarantined: \S+/) as never }],
    ['a failing job: "!"', found(fixture('failing.Active')), { text: '!', title: expect.stringContaining('— Failing') as never }],
    ['a paused job: "!"', found(fixture('status.Paused')), { text: '!', title: expect.stringContaining('— Paused') as never }],
    ['a healthy job: no badge, the title says so', found(fixture('status.Active')), { text: '', title: expect.stringContaining('— Healthy') as never }],
    ['several jobs: the one that needs attention most speaks', found(fixture('status.Active'), fixture('status.Paused'), fixture('status.Quarantine')), { text: '!', title: expect.stringContaining('— Quarantined') as never }],
    ['no job', found(), { text: '', title: 'Provisioning Lens — this app has no provisioning job' }],
    ['signed out', { kind: 'signedOut' }, { text: '', title: "Provisioning Lens — sign in to see this app's provisioning job" }],
    ['not set up', { kind: 'notConfigured' }, { text: '', title: 'Provisioning Lens — not set up yet' }],
    ['an error', { kind: 'error', error: { kind: 'graph', title: 'Graph denied access (403).', action: 'x' } }, { text: '', title: 'Provisioning Lens — Graph denied access (403).' }],
  ])('%s', (_, lookup, expected) => {
    expect(toolbarBadge(lookup)).toMatchObject(expected);
  });

  it('names the app when the lookup knows it, and cuts hostile names', () => {
    const badge = toolbarBadge({ ...found(fixture('status.Quarantine')), displayName: `Contoso ${'x'.repeat(500)}` });
    expect(badge.title).toContain('(Contoso x');
    expect(badge.title.length).toBeLessThan(300);
  });
});

describe('createTabBadges', () => {
  const api = () => {
    const calls: [string, unknown][] = [];
    const action: ActionApi = {
      setBadgeText: vi.fn(async (d) => void calls.push(['text', d])),
      setBadgeBackgroundColor: vi.fn(async (d) => void calls.push(['color', d])),
      setTitle: vi.fn(async (d) => void calls.push(['title', d])),
    };
    return { action, calls };
  };

  it("applies answers in the order they were asked: a late answer for the app the admin left changes nothing", async () => {
    const { action, calls } = api();
    const badges = createTabBadges(action);
    const first = badges.begin(7);
    const second = badges.begin(7);
    await second(found(fixture('status.Active')));
    await first(found(fixture('status.Quarantine')));
    expect(calls.filter(([kind]) => kind === 'text')).toEqual([['text', { tabId: 7, text: '' }]]);
  });

  it('keeps tabs apart, and clears a tab that left provisioning pages (even against a late answer)', async () => {
    const { action, calls } = api();
    const badges = createTabBadges(action);
    const late = badges.begin(1);
    await badges.begin(2)(found(fixture('status.Quarantine')));
    await badges.clear(1);
    await late(found(fixture('status.Quarantine')));
    expect(calls.filter(([kind]) => kind === 'text')).toEqual([
      ['text', { tabId: 2, text: '!' }],
      ['text', { tabId: 1, text: '' }],
    ]);
    expect(calls).toContainEqual(['title', { tabId: 1, title: 'Provisioning Lens' }]);
  });

  it('a closed tab does not break it', async () => {
    const badges = createTabBadges({
      setBadgeText: async () => Promise.reject(new Error('No tab with id: 9')),
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    });
    await expect(badges.begin(9)(found())).resolves.toBeUndefined();
  });
});
