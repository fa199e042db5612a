import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobCard } from '@/components/JobCard';
import { JobsPanel, type JobsPanelProps } from '@/components/JobsPanel';
import { Overlay, type OverlayPosition } from '@/components/Overlay';
import { portalLinks } from '@/components/links';
import { lookupSummary } from '@/components/summary';
import { toJobView, type JobView } from '@/lib/job-view';
import type { JobLookup } from '@/lib/protocol';
import { activeView, view } from './components/fixtures';
import { StatePill } from '@/components/StatePill';
import { lookupPill } from '@/components/summary';

afterEach(cleanup);

const settle = () => act(async () => {});
const NOW = new Date('2026-11-28T14:00:00Z');
const SP = 'c9f1a2b3-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const RAW = { id: 'scim.5f4eb598671f406688307ec82393defd', templateId: 'scim', status: { code: 'Quarantine', note: 'é <b>' } };

describe('JobCard', () => {
  function card(overrides: Partial<Parameters<typeof JobCard>[0]> = {}) {
    const props = { view: view(), raw: RAW, fetchedAt: '2026-11-28T13:58:00Z', now: NOW, timeZone: 'UTC', onRefresh: vi.fn(), copy: vi.fn(() => Promise.resolve()), ...overrides };
    return { props, ...render(<JobCard {...props} />) };
  }

  it('leads with state, template and job id, then the quarantine answers, then the details', () => {
    const { container } = card();
    const text = container.textContent!;
    expect(text.indexOf('Quarantined')).toBeLessThan(text.indexOf('scim.5f4e'));
    expect(text.indexOf('scim.5f4e')).toBeLessThan(text.indexOf('Why it is in quarantine'));
    expect(text.indexOf('Tenant can act')).toBeLessThan(text.indexOf('Last run'));
    expect(screen.getByRole('region', { name: 'Quarantine' })).toBeTruthy();
  });

  it('shows one link with the advice: the Provisioning page from the popup, never from the overlay that sits on it', () => {
    const popup = portalLinks('portal.azure.com', APP, SP);
    const overlay = portalLinks('portal.azure.com', APP, SP, 'provisioningPage');
    card({ links: popup });
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Open Provisioning in the portal']);
    cleanup();
    card({ links: overlay });
    expect(screen.queryAllByRole('link')).toEqual([]);
    cleanup();
    card({ links: overlay, view: view({ troubleshootingUrl: 'https://learn.microsoft.com/x' }) });
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Troubleshooting guide']);
  });

  it('has no quarantine block for an active job', () => {
    card({ view: activeView() });
    expect(screen.queryByRole('region', { name: 'Quarantine' })).toBeNull();
  });

  it('copies the job exactly as Graph returned it, 2-space indented', async () => {
    const { props, container } = card();
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await settle();
    expect(props.copy).toHaveBeenCalledWith(JSON.stringify(RAW, null, 2));
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
    expect([...container.querySelectorAll('[aria-live="polite"]')].some((el) => el.textContent === 'Copied')).toBe(true);
  });

  it('copies the job id', async () => {
    const { props } = card();
    fireEvent.click(screen.getByRole('button', { name: 'Copy job ID' }));
    await settle();
    expect(props.copy).toHaveBeenCalledWith('scim.5f4eb598671f406688307ec82393defd');
  });

  it('refreshes, and tells when the job was fetched', () => {
    const { props, container } = card();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(props.onRefresh).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain('Updated 2 min ago (Sat 28 Nov 2026, 13:58)');
    expect(container.querySelector('time[datetime="2026-11-28T13:58:00.000Z"]')).toBeTruthy();
  });

  it('ignores Refresh while a refresh is in flight', () => {
    const { props } = card({ refreshing: true });
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(refresh);
    expect(props.onRefresh).not.toHaveBeenCalled();
  });

  it('toggles the raw JSON', () => {
    const { container } = card();
    const toggle = screen.getByRole('button', { name: 'Show raw JSON' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: 'Raw JSON' })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.textContent).toBe('Hide raw JSON');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('group', { name: 'Raw JSON' })).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    fireEvent.click(toggle);
    expect(screen.queryByRole('group', { name: 'Raw JSON' })).toBeNull();
  });
});

describe('JobsPanel', () => {
  const jobsFound = (jobs: unknown[]): JobLookup => ({ kind: 'jobs', servicePrincipalId: 'sp', jobs, fetchedAt: '2026-11-28T13:59:30Z' });
  // Hand-built views, looked up by the raw job's id.
  const byId = new Map<string, JobView>([view(), activeView()].map((v) => [v.jobId, v]));
  const toView = (raw: unknown) => byId.get((raw as { id: string }).id)!;

  function panel(state: JobsPanelProps['state'], overrides: Partial<JobsPanelProps> = {}) {
    const props: JobsPanelProps = {
      state, toView, now: NOW, timeZone: 'UTC',
      onRefresh: vi.fn(), onSignIn: vi.fn(), onOpenSettings: vi.fn(), copy: vi.fn(() => Promise.resolve()),
      ...overrides,
    };
    return { props, ...render(<JobsPanel {...props} />) };
  }

  it('shows a busy skeleton while loading', () => {
    const { container } = panel({ kind: 'loading' });
    expect(container.querySelector('[aria-busy="true"]')).toBeTruthy();
    expect(container.querySelectorAll('.pl-skeleton-bar').length).toBeGreaterThan(1);
  });

  it('offers Sign in when signed out', () => {
    const { props } = panel({ kind: 'signedOut' });
    expect(screen.getAllByText("You're not signed in").length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(props.onSignIn).toHaveBeenCalledTimes(1);
  });

  it('sends an unconfigured extension to the settings', () => {
    const { props } = panel({ kind: 'notConfigured' });
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('shows an error with its request id, and Refresh', () => {
    const error = { kind: 'graph' as const, title: 'Microsoft Graph had a problem (503).', action: 'Select Refresh in a minute.', requestId: 'req-1234' };
    const { props } = panel({ kind: 'error', error });
    expect(screen.getAllByText('Microsoft Graph had a problem (503).').length).toBeGreaterThan(0);
    expect(screen.getByText('req-1234')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(props.onRefresh).toHaveBeenCalledTimes(1);
  });

  it('explains that provisioning is not set up when there is no job', () => {
    const { container } = panel(jobsFound([]));
    expect(screen.getAllByText('No provisioning job').length).toBeGreaterThan(0);
    expect(container.textContent).toContain('Provisioning is not set up for this app');
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('opens on the job that needs attention and switches jobs with the picker', () => {
    panel(jobsFound([{ id: activeView().jobId }, { id: view().jobId }]));
    const picker = screen.getByRole('combobox', { name: 'Job' }) as HTMLSelectElement;
    expect(picker.value).toBe('1');
    expect(screen.getByRole('article', { name: `Provisioning job ${view().jobId}` })).toBeTruthy();
    fireEvent.change(picker, { target: { value: '0' } });
    expect(screen.getByRole('article', { name: `Provisioning job ${activeView().jobId}` })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Quarantine' })).toBeNull();
  });

  it('honours a given default index', () => {
    panel(jobsFound([{ id: view().jobId }, { id: activeView().jobId }]), { defaultIndex: 1 });
    expect(screen.getByRole('article', { name: `Provisioning job ${activeView().jobId}` })).toBeTruthy();
  });

  it('renders a real Graph job through toJobView, markup as text', () => {
    const raw = {
      id: 'scim.0123456789abcdef0123456789abcdef',
      templateId: 'scim',
      schedule: { interval: 'PT40M', state: 'Active' },
      status: {
        code: 'Quarantine',
        quarantine: { reason: 'EncounteredQuarantineException', currentBegan: '2026-11-25T08:00:00Z', seriesBegan: '2026-11-25T08:00:00Z', seriesCount: 2,
          error: { code: 'SalesforceInvalidCredentials', message: '<img src=x onerror=alert(1)>', tenantActionable: true } },
      },
    };
    const { container } = panel(jobsFound([raw]), { toView: (job) => toJobView(job, { now: NOW, timeZone: 'UTC' }) });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('SalesforceInvalidCredentials');
    expect(lookupSummary(jobsFound([raw]), (job) => toJobView(job, { now: NOW }))).toBe('Quarantined · scim');
  });
});

describe('Overlay', () => {
  function Host({ onMove, summary = 'Quarantined · scim' }: { onMove?: (p: OverlayPosition | null) => void; summary?: string }) {
    const [collapsed, setCollapsed] = useState(false);
    const [position, setPosition] = useState<OverlayPosition | null>({ right: 16, bottom: 16 });
    const move = (p: OverlayPosition | null) => {
      setPosition(p);
      onMove?.(p);
    };
    return (
      <Overlay collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} summary={summary} tone="error" icon="quarantined"
        shortcut="Alt+Shift+L" position={position ?? undefined} onMove={move}>
        <button type="button">Inside</button>
      </Overlay>
    );
  }

  it('collapses to a pill that still shows the state, and expands again', () => {
    render(<Host />);
    expect(screen.getByRole('heading', { name: 'Provisioning Lens' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    expect(screen.queryByRole('button', { name: 'Inside' })).toBeNull();
    expect(screen.getByText('Quarantined · scim')).toBeTruthy();
    const expand = screen.getByRole('button', { name: 'Expand' });
    expect(document.activeElement).toBe(expand);
    fireEvent.click(expand);
    expect(screen.getByRole('button', { name: 'Inside' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Collapse' }));
  });

  it('gives the collapsed pill the state\'s tone, icon and word', () => {
    const { container } = render(<Host />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    const pill = container.querySelector('.pl-collapsed')!;
    expect(pill.classList.contains('pl-tone-error')).toBe(true);
    // The same icon as the card's state pill, not a copy of it.
    const { container: cardPill } = render(<StatePill state={{ key: 'quarantined', label: 'Quarantined', tone: 'error' }} />);
    const icon = pill.querySelector('svg path')!;
    expect(icon.getAttribute('d')).toBe(cardPill.querySelector('svg path')!.getAttribute('d'));
    expect(icon.closest('svg')!.getAttribute('aria-hidden')).toBe('true');
    // Icon, then the words, then the button.
    const parts = [...pill.children].map((el) => el.tagName.toLowerCase());
    expect(parts).toEqual(['svg', 'span', 'button']);
    expect(screen.getByRole('button', { name: 'Expand' }).getAttribute('title')).toBe('Expand (Alt+Shift+L)');
  });

  it('announces a state that changes while collapsed, politely', () => {
    const { rerender } = render(<Host summary="Loading…" />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Provisioning Lens: Loading…');
    rerender(<Host summary="Quarantined · scim" />);
    // The same live region, new words: screen readers read the change without moving focus.
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Provisioning Lens: Quarantined · scim');
    expect(status.getAttribute('aria-live') ?? 'polite').toBe('polite');
  });

  it('collapses on Escape', () => {
    render(<Host />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Inside' }), { key: 'Escape' });
    expect(screen.getByRole('button', { name: 'Expand' })).toBeTruthy();
  });

  it('names its shortcut on the heading, which can take the focus', () => {
    render(<Host />);
    const heading = screen.getByRole('heading', { name: 'Provisioning Lens' });
    expect(heading.getAttribute('title')).toBe('Provisioning Lens (Alt+Shift+L)');
    expect(heading.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');
    heading.focus();
    expect(document.activeElement).toBe(heading);
  });

  it('is docked bottom-right and reports where it was dragged to', () => {
    const onMove = vi.fn();
    const { container } = render(<Host onMove={onMove} />);
    const card = container.querySelector('.pl-overlay') as HTMLElement;
    expect(card.style.right).toBe('16px');
    expect(card.style.bottom).toBe('16px');
    const handle = container.querySelector('.pl-drag')!;
    fireEvent.pointerDown(handle, { button: 0, clientX: 500, clientY: 500, pointerId: 1 });
    fireEvent.pointerMove(handle, { clientX: 400, clientY: 450, pointerId: 1 });
    expect(card.style.right).toBe('116px');
    expect(card.style.bottom).toBe('66px');
    fireEvent.pointerUp(handle, { clientX: 400, clientY: 450, pointerId: 1 });
    expect(onMove).toHaveBeenCalledWith({ right: 116, bottom: 66 });
  });

  it('moves by the keyboard: arrows, Shift for bigger steps, Home back to the corner', () => {
    const onMove = vi.fn();
    const { container } = render(<Host onMove={onMove} />);
    const card = container.querySelector('.pl-overlay') as HTMLElement;
    const handle = screen.getByRole('button', { name: 'Move' });
    expect(handle.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(handle.getAttribute('aria-describedby')!)!.textContent).toContain('Arrow keys');
    handle.focus();
    expect(fireEvent.keyDown(handle, { key: 'ArrowLeft' })).toBe(false); // handled: no page scroll
    expect(onMove).toHaveBeenLastCalledWith({ right: 32, bottom: 16 });
    fireEvent.keyDown(handle, { key: 'ArrowUp', shiftKey: true });
    expect(onMove).toHaveBeenLastCalledWith({ right: 32, bottom: 80 });
    expect(card.style.right).toBe('32px');
    expect(card.style.bottom).toBe('80px');
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(onMove).toHaveBeenLastCalledWith({ right: 0, bottom: 80 }); // clamped at the viewport's edge
    fireEvent.keyDown(handle, { key: 'Home' });
    expect(onMove).toHaveBeenLastCalledWith(null);
    expect(card.style.right).toBe('16px');
    expect(document.activeElement).toBe(handle);
    // Other keys go on as usual (Tab, Enter, shortcuts with modifiers).
    onMove.mockClear();
    expect(fireEvent.keyDown(handle, { key: 'Tab' })).toBe(true);
    fireEvent.keyDown(handle, { key: 'ArrowLeft', ctrlKey: true });
    expect(onMove).not.toHaveBeenCalled();
  });
});

describe('lookupPill', () => {
  const toView = (job: unknown) => toJobView(job, { now: NOW, timeZone: 'UTC' });
  it.each<[string, Parameters<typeof lookupPill>[0], ReturnType<typeof lookupPill>]>([
    ['loading', { kind: 'loading' }, { label: 'Loading…', tone: 'neutral' }],
    ['signed out', { kind: 'signedOut' }, { label: 'Not signed in', tone: 'neutral' }],
    ['not set up', { kind: 'notConfigured' }, { label: 'Not set up', tone: 'neutral' }],
    ['an error', { kind: 'error', error: { kind: 'network', title: 'x', action: 'y' } }, { label: 'Error', tone: 'error', icon: 'quarantined' }],
    ['no job', { kind: 'jobs', servicePrincipalId: 'sp', jobs: [], fetchedAt: '' }, { label: 'No provisioning job', tone: 'neutral', icon: 'notConfigured' }],
    ['a quarantined job', { kind: 'jobs', servicePrincipalId: 'sp', jobs: [RAW], fetchedAt: '' }, { label: 'Quarantined · scim', tone: 'error', icon: 'quarantined' }],
    ['an active job', { kind: 'jobs', servicePrincipalId: 'sp', jobs: [{ id: 'a', templateId: 'scim', status: { code: 'Active' } }], fetchedAt: '' },
      { label: 'Active · scim', tone: 'success', icon: 'active' }],
  ])('%s', (_name, state, expected) => {
    expect(lookupPill(state, toView)).toEqual(expected);
  });
});
