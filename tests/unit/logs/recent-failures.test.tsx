import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentFailures, type RecentFailuresProps } from '@/components/logs/RecentFailures';
import type { FailuresSource } from '@/components/logs/useFailures';
import { digestFailures } from '@/lib/logs/digest';
import type { FailuresLookup } from '@/lib/logs/types';
import { logRecord } from '../../fake-cloud/provisioning-logs.mjs';

afterEach(cleanup);
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => {});
};
const NOW = new Date('2026-12-02T06:00:00Z');
const JOB = 'scim.5f4eb598671f406688307ec82393defd';

const found = (records: unknown[]): FailuresLookup => ({ kind: 'failures', digest: digestFailures(records), days: 7, fetchedAt: NOW.toISOString(), truncated: false });
const hostile = logRecord({ jobId: JOB, at: NOW.getTime() - 60_000, code: 'BadThing', name: '<img src=x onerror=alert(1)>', changeId: 'chg-1', reason: '<script>alert(1)</script>' + 'x'.repeat(400) });

function setup(answers: FailuresLookup[], props: Partial<RecentFailuresProps> = {}, granted = true) {
  const source: FailuresSource = {
    lookup: vi.fn(async (): Promise<FailuresLookup> => answers.shift() ?? { kind: 'notGranted' }),
    grant: vi.fn(async () => (granted ? { ok: true as const, account: { username: 'a@b.c' } } : { ok: false as const, error: { kind: 'auth' as const, title: 'Sign-in was cancelled.', action: 'Try again.' } })),
  };
  const copy = vi.fn(() => Promise.resolve());
  render(<RecentFailures jobId={JOB} needsAttention={false} quarantined={false} source={source} now={NOW} timeZone="UTC" copy={copy} {...props} />);
  return { source, copy };
}

describe('RecentFailures', () => {
  it('waits for the click on a job that is fine; the click grants when needed, then shows the digest', async () => {
    const { source } = setup([{ kind: 'notGranted' }, found([hostile])]);
    await settle();
    expect(source.lookup).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show recent failures' }));
    await settle();
    expect(source.grant).toHaveBeenCalledTimes(1);
    expect(source.lookup).toHaveBeenLastCalledWith(JOB, true);
    expect(screen.getByRole('region', { name: 'Recent failures' }).textContent).toContain('BadThing');
    expect(screen.getByText('1 object, 1 event', { exact: false })).toBeTruthy();
  });

  it('loads by itself for a job that needs attention (auto), and shows hostile text as text', async () => {
    const { source, copy } = setup([found([hostile])], { needsAttention: true, quarantined: true });
    await settle();
    expect(source.lookup).toHaveBeenCalledWith(JOB, false, true);
    const section = screen.getByRole('region', { name: 'Recent failures' });
    expect(section.querySelector('img, script')).toBeNull();
    expect(section.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(section.textContent).toContain('Show more');
    expect(section.textContent).toContain('The target app refused the change');
    fireEvent.click(screen.getByRole('button', { name: 'Copy change ID' }));
    await settle();
    expect(copy).toHaveBeenCalledWith('chg-1');
  });

  it('says what an empty result on a quarantined job means', async () => {
    setup([found([])], { needsAttention: true, quarantined: true });
    await settle();
    screen.getByText('No failed objects in the last 7 days — the service could not reach the app at all (credentials, URL or agent).');
  });

  it('offers the button when a quarantined job has no grant yet', async () => {
    // The click tries a silent token first (consent may have come from elsewhere), then the consent.
    const { source } = setup([{ kind: 'notGranted' }, { kind: 'notGranted' }, found([])], { needsAttention: true, quarantined: true });
    await settle();
    expect(source.grant).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show recent failures' }));
    await settle();
    expect(source.grant).toHaveBeenCalledTimes(1);
    screen.getByText(/No failed objects/);
  });

  it('offers Grant access for a missing consent, nothing to retry for a licence, and says China has no logs', async () => {
    const error = (problem: 'consent' | 'licence', title: string): FailuresLookup => ({ kind: 'error', problem, error: { kind: 'graph', title, action: 'x', requestId: 'req-9' } });
    setup([error('consent', 'Consent missing'), found([])], { needsAttention: true });
    await settle();
    screen.getByText('req-9');
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    await settle();
    screen.getByText(/No failed objects in the last 7 days\./);
    cleanup();
    setup([error('licence', 'Needs P1')], { needsAttention: true });
    await settle();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    cleanup();
    setup([{ kind: 'notOffered', cloud: 'china' }], { needsAttention: true });
    await settle();
    screen.getByText(/China \(21Vianet\)/);
  });

  it('tells a cancelled consent as an error, never a spinner', async () => {
    setup([{ kind: 'notGranted' }], {}, false);
    fireEvent.click(screen.getByRole('button', { name: 'Show recent failures' }));
    await settle();
    screen.getByText('Sign-in was cancelled.');
  });

  it('shows the five biggest error codes first, the rest on request', async () => {
    const records = Array.from({ length: 7 }, (_, i) => logRecord({ jobId: JOB, at: NOW.getTime() - i * 60_000, code: `Code${i}`, name: `User ${i}` }));
    setup([found(records)], { needsAttention: true });
    await settle();
    const region = screen.getByRole('region', { name: 'Recent failures' });
    expect(region.querySelectorAll('.pl-failure')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 7 error codes' }));
    await settle();
    expect(region.querySelectorAll('.pl-failure')).toHaveLength(7);
  });
});
