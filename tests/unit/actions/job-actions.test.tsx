import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobActions } from '@/components/actions/JobActions';
import { SECOND_LOOK_MS } from '@/components/actions/useJobAction';
import { ActionHistory } from '@/components/actions/ActionHistory';
import type { ActionOutcome, ActionTicket } from '@/lib/protocol';
import type { JobView } from '@/lib/job-view';
import { quarantine, view } from '../components/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SP = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const TOKEN = '0c0ffee0-0000-4000-8000-000000000001';
const settle = () => act(async () => {});

function client(outcomes: ActionOutcome[] = [{ kind: 'done', at: '2026-12-02T05:00:00Z', requestId: 'req-1', clientRequestId: TOKEN }]) {
  return {
    prepareJobAction: vi.fn(async (): Promise<ActionTicket> => ({ ok: true, token: TOKEN })),
    runJobAction: vi.fn(async () => outcomes.shift() ?? { kind: 'failed' as const, error: { kind: 'graph' as const, title: 'no more', action: '' } }),
    signIn: vi.fn(async () => ({ ok: true as const, account: { username: 'adele@contoso' } })),
  };
}

function actions(v: JobView, c = client(), extra: { raw?: unknown } = {}) {
  const onChanged = vi.fn();
  render(<JobActions client={c} view={v} raw={extra.raw ?? {}} servicePrincipalId={SP} appName="Contoso HR" onChanged={onChanged} />);
  return { c, onChanged };
}

const names = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('job actions on the card', () => {
  it('offers what fits the state', () => {
    actions(view());
    expect(names()).toEqual(['Restart…', 'Start', 'Pause…']);
    cleanup();
    actions(view({ quarantine: null, state: { key: 'active', label: 'Active', tone: 'success', code: 'Active' } }));
    expect(names()).toEqual(['Restart…', 'Pause…']);
    cleanup();
    actions(view({ quarantine: null, state: { key: 'notConfigured', label: 'Not configured', tone: 'neutral', code: 'NotConfigured' } }));
    expect(screen.queryByRole('region', { name: 'Job actions' })).toBeNull();
  });

  it('Restart opens a named modal naming app and job; Escape and Cancel close it without sending', async () => {
    const { c } = actions(view());
    fireEvent.click(screen.getByRole('button', { name: 'Restart…' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Restart provisioning job' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Contoso HR');
    expect(dialog.textContent).toContain('scim.5f4eb598671f406688307ec82393defd');
    expect(screen.queryByRole('radio', { name: /Let the held deletions through/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Clear the quarantine and retry' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Restart…' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(c.runJobAction).not.toHaveBeenCalled();
  });

  it('Tab stays inside the dialog', async () => {
    actions(view());
    fireEvent.click(screen.getByRole('button', { name: 'Restart…' }));
    await settle();
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 5; i++) fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('held deletions are offered for TooManyDeletes only, with the threshold, and need a second confirmation', async () => {
    const raw = { synchronizationJobSettings: [{ name: 'QuarantineTooManyDeletesThreshold', value: '500' }] };
    const { c } = actions(view({ quarantine: quarantine({ reason: 'TooManyDeletes' }) }), client(), { raw });
    fireEvent.click(screen.getByRole('button', { name: 'Restart…' }));
    await settle();
    fireEvent.click(screen.getByRole('radio', { name: /Let the held deletions through/ }));
    expect(screen.getByRole('dialog').textContent).toContain("threshold (500 per cycle)");
    const confirm = screen.getByRole('button', { name: 'Restart job' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    await settle();
    expect(c.runJobAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('checkbox', { name: /I have checked the pending deletions/ }));
    fireEvent.click(confirm);
    await settle();
    expect(c.runJobAction).toHaveBeenCalledWith({ token: TOKEN, action: { kind: 'restart', scope: 'forceDeletes' } });
  });

  it('first use: consent for the actions grant, then the same token once more; refreshes now and after 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const c = client([{ kind: 'needsConsent' }, { kind: 'done', at: '2026-12-02T05:00:00Z', requestId: 'req-1', clientRequestId: TOKEN }]);
    const { onChanged } = actions(view(), c);
    fireEvent.click(screen.getByRole('button', { name: 'Restart…' }));
    await settle();
    fireEvent.click(screen.getByRole('radio', { name: /Restart as the portal does/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restart job' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Restart accepted by Graph (request ID req-1)'));
    expect(c.signIn).toHaveBeenCalledWith({ grant: 'actions' });
    expect(c.runJobAction.mock.calls).toEqual([
      [{ token: TOKEN, action: { kind: 'restart', scope: 'portal' } }],
      [{ token: TOKEN, action: { kind: 'restart', scope: 'portal' } }],
    ]);
    expect(c.prepareJobAction).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onChanged).toHaveBeenCalledTimes(1);
    await act(async () => void vi.advanceTimersByTime(SECOND_LOOK_MS));
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('while the request is out the confirm button says so and a second click sends nothing', async () => {
    let answer!: (o: ActionOutcome) => void;
    const c = client();
    c.runJobAction.mockImplementationOnce(() => new Promise<ActionOutcome>((resolve) => (answer = resolve)));
    actions(view(), c);
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Pause job' }));
    await settle();
    const busy = screen.getByRole('button', { name: 'Pausing…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(busy);
    fireEvent.keyDown(busy, { key: 'Escape' });
    await settle();
    expect(c.runJobAction).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await act(async () => answer({ kind: 'failed', error: { kind: 'graph', title: 'Graph denied the pause (403). Nothing was changed.', action: 'x', requestId: 'req-9' } }));
    // The failure replaces the progress: no spinner, no "done", the error with its request id.
    expect(screen.queryByRole('button', { name: 'Pausing…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause job' })).toBeNull();
    expect(screen.getByRole('dialog').textContent).toContain('req-9');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Error' }).textContent).toContain('Graph denied the pause (403)');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('Start needs no dialog; its failure shows on the card', async () => {
    const c = client([{ kind: 'failed', error: { kind: 'graph', title: 'The job is gone (404): nothing to start.', action: 'Refresh.' } }]);
    actions(view(), c);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Error' }).textContent).toContain('The job is gone (404)'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(c.runJobAction).toHaveBeenCalledWith({ token: TOKEN, action: { kind: 'start' } });
  });
});

describe('the history on the options page', () => {
  it('lists the records as text, and clears', () => {
    const onClear = vi.fn();
    render(<ActionHistory timeZone="UTC" onClear={onClear} records={[{ at: '2026-12-02T05:00:00Z', appName: '<b>HR</b>', servicePrincipalId: SP, jobId: 'scim.1', action: 'restart', scope: 'portal', result: 'done', status: '204', requestId: 'req-1' }]} />);
    const row = screen.getAllByRole('row')[1]!;
    expect(row.textContent).toContain('<b>HR</b>');
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('Watermark, Escrows, QuarantineState');
    expect(row.textContent).toContain('Accepted');
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(onClear).toHaveBeenCalled();
    cleanup();
    render(<ActionHistory records={[]} onClear={onClear} />);
    expect(screen.getByText('No actions yet.')).toBeTruthy();
  });
});
