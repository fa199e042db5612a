import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TenantApp } from '@/components/tenant/TenantApp';
import type { LensClient } from '@/lib/client';
import type { StoredScan } from '@/lib/tenant/last-scan';
import type { TenantClient } from '@/lib/tenant/client';
import type { ScannedApp } from '@/lib/tenant/types';

afterEach(cleanup);

const sp = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLIENT = sp(99);
const job = (id: string, code: string) => ({ id, templateId: 'scim', status: { code, ...(code === 'Quarantine' ? { quarantine: { reason: 'EncounteredQuarantineException', currentBegan: '2026-11-29T12:00:00Z' } } : {}) } });
const apps: ScannedApp[] = [
  { id: sp(1), appId: sp(11), displayName: 'Alpha', jobs: [job('scim.a', 'Active')], fetchedAt: '2026-12-01T11:00:00.000Z' },
  { id: sp(2), appId: sp(12), displayName: 'Beta', jobs: [job('scim.b', 'Quarantine')], fetchedAt: '2026-12-01T11:00:00.000Z' },
];
const stored: StoredScan = {
  tenant: 'contoso.onmicrosoft.com', clientId: CLIENT, cloud: 'global', startedAt: '2026-12-01T11:00:00.000Z', finishedAt: '2026-12-01T11:01:00.000Z',
  complete: true, counts: { apps: 50, skipped: 0, checked: 50, failed: 0 }, apps, failures: [],
};

const lens = (): LensClient => ({
  getAuthState: vi.fn(), lookupJobs: vi.fn(), signIn: vi.fn(async () => ({ ok: true as const, account: { username: 'a' } })),
  signOut: vi.fn(), openSettings: vi.fn(), leftProvisioning: vi.fn(),
  getWatched: vi.fn(async () => []), setWatch: vi.fn(async () => []), prepareJobAction: vi.fn(), runJobAction: vi.fn(),
});

function app(props: Partial<Parameters<typeof TenantApp>[0]> = {}) {
  const download = vi.fn((_name: string, _type: string, _text: string) => {});
  const save = vi.fn(async (_scan: StoredScan) => {});
  const tenantClient: TenantClient = props.tenantClient ?? { listServicePrincipals: vi.fn(), checkJobs: vi.fn() };
  const view = render(
    <TenantApp client={lens()} tenantClient={tenantClient} cloud="global" tenant="contoso.onmicrosoft.com" clientId={CLIENT} timeZone="UTC"
      lastScan={stored} save={save} download={download} copy={vi.fn(async () => {})} {...props} />,
  );
  return { ...view, download, save };
}

const rowNames = (container: Element) => [...container.querySelectorAll('tbody th')].map((th) => th.textContent);

describe('tenant overview page', () => {
  it('shows the last scan at once, attention first; sorts by a column; filters by state and text', async () => {
    const { container } = app();
    expect(rowNames(container)).toEqual(['Beta', 'Alpha']);
    fireEvent.click(screen.getByRole('button', { name: /^App/ }));
    expect(rowNames(container)).toEqual(['Alpha', 'Beta']);
    expect(container.querySelector('th[aria-sort="ascending"]')?.textContent).toContain('App');
    fireEvent.click(screen.getByRole('button', { name: /^App/ }));
    expect(rowNames(container)).toEqual(['Beta', 'Alpha']);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'active' } });
    expect(rowNames(container)).toEqual(['Alpha']);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'all' } });
    fireEvent.input(screen.getByLabelText('Filter'), { target: { value: 'bet' } });
    expect(rowNames(container)).toEqual(['Beta']);
  });

  it("a row's job view has the Watch toggle, and the page lists the watched jobs", async () => {
    const client = lens();
    const list: unknown[] = [];
    client.getWatched = vi.fn(async () => list as never);
    client.setWatch = vi.fn(async (entry, on) => {
      if (on) list.push({ ...entry, last: { health: 'quarantined', consecutiveFailures: 0, checkedAt: '2026-12-01T11:30:00.000Z' } });
      return list as never;
    });
    app({ client });
    fireEvent.click(screen.getByRole('button', { name: 'Beta' }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Watch' })));
    expect(client.setWatch).toHaveBeenCalledWith(expect.objectContaining({ cloud: 'global', label: expect.stringContaining('Beta') }), true);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Watched jobs' }).textContent).toContain('Quarantined · checked'));
    expect(screen.getByRole('button', { name: 'Watching' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('does not show a stored scan of another app registration', () => {
    const { container } = app({ clientId: sp(98) });
    expect(rowNames(container)).toEqual([]);
  });

  it('exports the table as CSV and the jobs as JSON', () => {
    const { download } = app();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [name, type, csv] = download.mock.calls[0]!;
    expect(name).toMatch(/\.csv$/);
    expect(type).toBe('text/csv');
    expect((csv as string).split('\r\n')[1]).toMatch(/^Beta,Custom SCIM app,Quarantined,/);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(JSON.parse(download.mock.calls[1]![2] as string).apps[1].jobs).toEqual(apps[1]!.jobs);
  });

  it('a row opens the job view; Scan tenant runs, streams rows and saves the scan', async () => {
    const tenantClient: TenantClient = {
      listServicePrincipals: vi.fn(async () => ({ kind: 'page' as const, skipped: 0, apps: [{ id: sp(5), appId: sp(15), displayName: 'Gamma' }, { id: sp(6), appId: sp(16), displayName: 'Delta' }] })),
      checkJobs: vi.fn(async (ids: string[]) => ({
        kind: 'checked' as const, fetchedAt: '2026-12-01T12:00:00.000Z', requests: 1, throttled: 0,
        results: ids.map((id) => ({ servicePrincipalId: id, outcome: id === sp(6) ? { ok: false as const, status: 403, code: 'Authorization_RequestDenied' } : { ok: true as const, jobs: [job('scim.g', 'Quarantine')] } })),
      })),
    };
    const { container, save } = app({ tenantClient });
    fireEvent.click(screen.getByRole('button', { name: 'Beta' }));
    expect(screen.getByRole('region', { name: 'Beta' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Scan tenant' }));
    });
    await waitFor(() => expect(save).toHaveBeenCalled());
    await waitFor(() => expect(rowNames(container)).toEqual(['Gamma']));
    expect(save.mock.calls[0]![0]).toMatchObject({ complete: true, counts: { apps: 2, checked: 2, failed: 1 }, apps: [{ id: sp(5), displayName: 'Gamma' }] });
    expect(save.mock.calls[0]![0].failures).toEqual([{ servicePrincipalId: sp(6), displayName: 'Delta', status: 403, code: 'Authorization_RequestDenied' }]);
    expect(screen.getByText('1 app could not be read')).toBeTruthy();
    expect(screen.getByText(/may not read this app's jobs \(403\)/)).toBeTruthy();
  });

  it('keeps the jobs of a long scan found so far while it runs, then the whole scan', async () => {
    let t = Date.parse('2026-12-01T12:00:00Z');
    const many = Array.from({ length: 40 }, (_, i) => ({ id: sp(100 + i), appId: sp(200 + i), displayName: `App ${i}` }));
    const tenantClient: TenantClient = {
      listServicePrincipals: vi.fn(async () => ({ kind: 'page' as const, skipped: 0, apps: many })),
      checkJobs: vi.fn(async (ids: string[]) => {
        t += 11_000;
        return { kind: 'checked' as const, fetchedAt: new Date(t).toISOString(), requests: 1, throttled: 0, results: ids.map((id) => ({ servicePrincipalId: id, outcome: { ok: true as const, jobs: [job('scim.x', 'Active')] } })) };
      }),
    };
    const { save } = app({ tenantClient, now: () => t });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Scan tenant' }));
    });
    await waitFor(() => expect(save.mock.calls.at(-1)?.[0].complete).toBe(true));
    expect(save.mock.calls[0]![0]).toMatchObject({ complete: false });
    expect(save.mock.calls.at(-1)![0].apps).toHaveLength(40);
  });

  it('Refresh in the job view of a row updates the row too', async () => {
    const client = lens();
    client.lookupJobs = vi.fn(async () => ({ kind: 'jobs' as const, servicePrincipalId: sp(2), jobs: [job('scim.b', 'Active')], fetchedAt: '2026-12-01T12:30:00.000Z' }));
    const { container } = app({ client });
    fireEvent.click(screen.getByRole('button', { name: 'Beta' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('region', { name: 'Beta' }).querySelector('.pl-actions button:nth-of-type(2)')!);
    });
    expect(client.lookupJobs).toHaveBeenCalledWith({ cloud: 'global', servicePrincipalId: sp(2), fresh: true });
    await waitFor(() => expect(container.querySelector(`tr[data-sp="${sp(2)}"]`)?.getAttribute('data-state')).toBe('active'));
  });
});
