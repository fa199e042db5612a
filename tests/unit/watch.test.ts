import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkWatched, type WatchCheckDeps } from '@/lib/watch/checker';
import {
  describeEvent, MAX_WATCHED, needingAttention, sanitizeWatched, toggleWatched, watchEvents, watchMinutes,
  type WatchedJob, type WatchedState,
} from '@/lib/watch/watched';
import type { JobLookup, JobQuery } from '@/lib/protocol';

const SP_A = '35aa7736-b3e5-439c-9e24-d3cb861fed45';
const SP_B = '8a6f2f6e-0a53-4a53-9d0b-6d4c3b0f2a11';
const job = (over: Partial<WatchedJob> = {}): WatchedJob => ({ cloud: 'global', servicePrincipalId: SP_A, jobId: 'scim.1', label: 'Contoso HR', ...over });
const at = (health: WatchedState['health'], consecutiveFailures = 0): WatchedState => ({ health, consecutiveFailures, checkedAt: '2026-12-02T10:00:00.000Z' });
const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/jobs', `${name}.json`), 'utf8'));

describe('the watched list', () => {
  it('adds a job first, removes it, keeps its last state when watched again, and stays bounded', () => {
    const a = job();
    const b = job({ jobId: 'scim.2' });
    let list = toggleWatched([], a, true);
    list = toggleWatched(list, b, true);
    expect(list.map((j) => j.jobId)).toEqual(['scim.2', 'scim.1']);
    list = [{ ...list[0]!, last: at('paused') }, list[1]!];
    expect(toggleWatched(list, b, true)[0]!.last).toEqual(at('paused'));
    expect(toggleWatched(list, b, false).map((j) => j.jobId)).toEqual(['scim.1']);
    const many = Array.from({ length: MAX_WATCHED + 5 }, (_, i) => job({ jobId: `scim.${i}` })).reduce<WatchedJob[]>((l, j) => toggleWatched(l, j, true), []);
    expect(many).toHaveLength(MAX_WATCHED);
  });

  it('rebuilds what storage holds from known fields, whatever it is', () => {
    expect(sanitizeWatched('nope')).toEqual([]);
    expect(
      sanitizeWatched([
        { ...job(), servicePrincipalId: SP_A.toUpperCase(), extra: 1, last: { health: 'quarantined', consecutiveFailures: '3', checkedAt: '2026-12-02T10:00:00Z' } },
        job(), // duplicate
        { ...job(), jobId: '../../me' },
        { ...job(), cloud: 'mars' },
        { ...job({ jobId: 'scim.9' }), label: `<img src=x onerror=alert(1)>${'x'.repeat(500)}`, last: { health: 'exploded', checkedAt: 'x' } },
        null,
        { ...job({ jobId: 'scim.8' }), label: 42 },
      ]),
    ).toEqual([
      { ...job(), last: { health: 'quarantined', consecutiveFailures: 3, checkedAt: '2026-12-02T10:00:00.000Z' } },
      { ...job({ jobId: 'scim.9' }), label: expect.stringMatching(/^<img src=x onerror=alert\(1\)>x+…$/) },
      { ...job({ jobId: 'scim.8' }), label: 'scim.8' },
    ]);
  });

  it.each([[undefined, 15], ['x', 15], [1, 5], [5, 5], [15.4, 15], [60, 60], [1e9, 1440]])('check interval %j → %i minutes', (value, minutes) => {
    expect(watchMinutes(value)).toBe(minutes);
  });
});

describe('what changed between two checks', () => {
  it.each<[string, WatchedState | undefined, WatchedState, string[]]>([
    ['the first check only sets the baseline', undefined, at('quarantined'), []],
    ['went into quarantine', at('healthy'), at('quarantined'), ['enteredQuarantine']],
    ['came out of quarantine', at('quarantined'), at('healthy'), ['leftQuarantine']],
    ['stayed quarantined', at('quarantined'), at('quarantined'), []],
    ['failures in a row grew', at('failing', 1), at('failing', 3), ['failuresGrew']],
    ['failures went down: nothing to say', at('failing', 3), at('healthy', 0), []],
    ['quarantined and failing more', at('failing', 2), at('quarantined', 4), ['enteredQuarantine', 'failuresGrew']],
    ['the job disappeared', at('healthy'), at('gone'), ['gone']],
    ['still gone', at('gone'), at('gone'), []],
  ])('%s', (_, before, after, kinds) => {
    expect(watchEvents(before, after).map((e) => e.kind)).toEqual(kinds);
  });

  it('says it in words, with the app and the job', () => {
    expect(describeEvent(job(), { kind: 'enteredQuarantine' })).toEqual({
      title: 'Contoso HR: in quarantine',
      message: 'Provisioning job scim.1 went into quarantine. Open it to see why and what to do.',
    });
    expect(describeEvent(job(), { kind: 'failuresGrew', from: 1, to: 3 }).message).toBe('Provisioning job scim.1 failed 3 times in a row (was 1).');
  });

  it('counts the jobs needing attention (never-checked ones do not count)', () => {
    expect(needingAttention([job({ last: at('quarantined') }), job({ jobId: 'b', last: at('healthy') }), job({ jobId: 'c' }), job({ jobId: 'd', last: at('paused') })])).toBe(2);
  });
});

describe('checkWatched', () => {
  function setup(list: WatchedJob[], answers: Record<string, JobLookup>, sessionEnded = false) {
    let stored = list;
    let ended = sessionEnded;
    const deps = {
      read: vi.fn(async () => stored),
      write: vi.fn(async (next: WatchedJob[]) => void (stored = next)),
      lookupJobs: vi.fn(async (query: JobQuery) => answers[query.servicePrincipalId!] ?? { kind: 'notConfigured' as const }),
      notify: vi.fn(async () => {}),
      notifySessionEnded: vi.fn(async () => {}),
      readSessionEnded: vi.fn(async () => ended),
      writeSessionEnded: vi.fn(async (value: boolean) => void (ended = value)),
      showSummary: vi.fn(async () => {}),
      now: () => Date.parse('2026-12-02T11:00:00Z'),
    } satisfies WatchCheckDeps;
    return { deps, stored: () => stored };
  }
  const found = (sp: string, ...jobs: unknown[]): JobLookup => ({ kind: 'jobs', servicePrincipalId: sp, jobs, fetchedAt: '2026-12-02T11:00:00Z' });
  const withId = (name: string, id: string) => ({ ...fixture(name), id });

  it('asks once per service principal, fresh, notes each state and tells what changed', async () => {
    const list = [
      job({ jobId: 'a.1', last: at('healthy') }),
      job({ jobId: 'a.2', last: at('quarantined') }),
      job({ servicePrincipalId: SP_B, jobId: 'b.1', label: 'Box', last: at('healthy') }),
    ];
    const { deps, stored } = setup(list, {
      [SP_A]: found(SP_A, withId('status.Quarantine', 'a.1'), withId('status.Active', 'a.2')),
      [SP_B]: found(SP_B),
    });
    const result = await checkWatched(deps);
    expect(deps.lookupJobs.mock.calls.map(([q]) => q)).toEqual([
      { cloud: 'global', servicePrincipalId: SP_A, fresh: true },
      { cloud: 'global', servicePrincipalId: SP_B, fresh: true },
    ]);
    expect(result.events.map(({ job, event }) => [job.jobId, event.kind])).toEqual([
      ['a.1', 'enteredQuarantine'],
      ['a.1', 'failuresGrew'], // 0 → 4 failures in a row (the fixture's countSuccessiveCompleteFailures)
      ['a.2', 'leftQuarantine'],
      ['b.1', 'gone'],
    ]);
    expect(stored().map((j) => [j.jobId, j.last?.health])).toEqual([['a.1', 'quarantined'], ['a.2', 'healthy'], ['b.1', 'gone']]);
    expect(deps.notify).toHaveBeenCalledTimes(4);
    expect(deps.showSummary).toHaveBeenCalledWith({ attention: 2, sessionEnded: false });
  });

  it('stops when the session has ended, never signing in by itself, and says so once', async () => {
    const list = [job({ last: at('healthy') }), job({ servicePrincipalId: SP_B, jobId: 'b.1' })];
    const { deps, stored } = setup(list, { [SP_A]: { kind: 'signedOut', expired: true } });
    const first = await checkWatched(deps);
    expect(first.sessionEnded).toBe(true);
    expect(deps.lookupJobs).toHaveBeenCalledTimes(1);
    expect(stored()).toEqual(list);
    await checkWatched(deps);
    expect(deps.notifySessionEnded).toHaveBeenCalledTimes(1);
    expect(deps.showSummary).toHaveBeenLastCalledWith({ attention: 0, sessionEnded: true });
  });

  it('keeps the last state on other failures, and what the admin unwatched meanwhile stays unwatched', async () => {
    const list = [job({ last: at('quarantined') }), job({ servicePrincipalId: SP_B, jobId: 'b.1', last: at('healthy') })];
    const { deps, stored } = setup(list, {
      [SP_A]: { kind: 'error', error: { kind: 'timeout', title: 'Graph did not answer.', action: 'Retry.' } },
      [SP_B]: found(SP_B, withId('status.Quarantine', 'b.1')),
    });
    deps.read.mockResolvedValueOnce(list).mockResolvedValueOnce([list[1]!]);
    await checkWatched(deps);
    expect(stored()).toEqual([{ ...list[1]!, last: { health: 'quarantined', consecutiveFailures: expect.any(Number), checkedAt: '2026-12-02T11:00:00.000Z' } }]);
  });

  it('asks for several service principals in one JSON batch when the background can, one lookup otherwise', async () => {
    const list = [job({ jobId: 'a.1', last: at('healthy') }), job({ servicePrincipalId: SP_B, jobId: 'b.1', last: at('healthy') })];
    const { deps, stored } = setup(list, {});
    const checkJobs = vi.fn(async (ids: readonly string[]) => ({
      kind: 'checked' as const,
      fetchedAt: '2026-12-02T11:00:00Z',
      requests: 1,
      throttled: 0,
      results: ids.map((id) =>
        id === SP_A
          ? { servicePrincipalId: id, outcome: { ok: true as const, jobs: [withId('status.Quarantine', 'a.1')] } }
          : { servicePrincipalId: id, outcome: { ok: false as const, status: 404, code: 'Request_ResourceNotFound' } },
      ),
    }));
    const result = await checkWatched({ ...deps, checkJobs });
    expect(checkJobs.mock.calls).toEqual([[[SP_A, SP_B]]]);
    expect(deps.lookupJobs).not.toHaveBeenCalled();
    expect(result.events.map(({ job, event }) => [job.jobId, event.kind])).toEqual([
      ['a.1', 'enteredQuarantine'],
      ['a.1', 'failuresGrew'],
      ['b.1', 'gone'],
    ]);
    expect(stored().map((j) => j.last?.health)).toEqual(['quarantined', 'gone']);

    // A single service principal: no batch.
    const single = setup([job({ jobId: 'a.1' })], { [SP_A]: found(SP_A, withId('status.Active', 'a.1')) });
    await checkWatched({ ...single.deps, checkJobs });
    expect(checkJobs).toHaveBeenCalledTimes(1);
    expect(single.deps.lookupJobs).toHaveBeenCalledTimes(1);
  });

  it('a batch that finds the session ended stops the check like a lookup would', async () => {
    const list = [job({ jobId: 'a.1' }), job({ servicePrincipalId: SP_B, jobId: 'b.1' })];
    const { deps } = setup(list, {});
    const result = await checkWatched({ ...deps, checkJobs: async () => ({ kind: 'signedOut' as const, expired: true }) });
    expect(result.sessionEnded).toBe(true);
    expect(deps.lookupJobs).not.toHaveBeenCalled();
  });
});
