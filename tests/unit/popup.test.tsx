import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookupForm } from '@/components/LookupForm';
import { PopupApp } from '@/components/PopupApp';
import type { LensClient } from '@/lib/client';
import type { AuthState, JobLookup } from '@/lib/protocol';
import type { RecentLookup } from '@/lib/settings';

afterEach(cleanup);

const settle = () => act(async () => {});
const TENANT_ID = '0efcc5ce-d806-4c95-8b16-a4a486432729';
const SP = '1cb5ed7d-54c1-4f07-897b-1113324c771c';
const USERNAME = 'adele.vance.with.a.long.name@contosodemo.onmicrosoft.com';

function fakeClient(auth: AuthState, lookup?: JobLookup): LensClient {
  return {
    getAuthState: vi.fn(async () => auth),
    lookupJobs: vi.fn(async () => lookup ?? { kind: 'notConfigured' as const }),
    signIn: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, title: 'x', action: 'y' } })),
    signOut: vi.fn(async () => ({ ...auth, account: null })),
    openSettings: vi.fn(async () => true),
    leftProvisioning: vi.fn(async () => true),
    getWatched: vi.fn(async () => []),
    setWatch: vi.fn(async () => []),
    prepareJobAction: vi.fn(),
    runJobAction: vi.fn(),
  };
}

function popup(auth: AuthState, options: { lookup?: JobLookup; recent?: RecentLookup[]; onFound?: (entry: RecentLookup) => void } = {}) {
  const client = fakeClient(auth, options.lookup);
  return render(
    <PopupApp client={client} tabPage={null} cloud="global" recent={options.recent ?? []} onFound={options.onFound ?? vi.fn()} copy={vi.fn(async () => {})} />,
  );
}

describe('popup header', () => {
  const signedIn: AuthState = { configured: true, cloud: 'global', account: { username: USERNAME, name: 'Adele Vance', tenantId: TENANT_ID } };

  it('shows the account and the tenant in full, on hover and to screen readers', async () => {
    const { container } = popup({ ...signedIn, tenantDomain: 'contosodemo.onmicrosoft.com' });
    await settle();
    const header = container.querySelector('header')!;
    expect(header.textContent).toContain(`Signed in as ${USERNAME}`);
    expect(header.textContent).toContain('Tenant contosodemo.onmicrosoft.com');
    expect(screen.getByText(USERNAME).closest('[title]')!.getAttribute('title')).toBe(`Signed in as Adele Vance (${USERNAME})`);
    expect(header.querySelector('.pl-who-tenant')!.closest('[title]')!.getAttribute('title')).toBe(`Tenant contosodemo.onmicrosoft.com (ID ${TENANT_ID})`);
    // Nothing cuts it: no ellipsis, the text is all there.
    expect(header.querySelector('.pl-who')!.textContent).not.toContain('…');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('falls back to the tenant id', async () => {
    const { container } = popup(signedIn);
    await settle();
    expect(container.querySelector('.pl-who-tenant')!.textContent).toBe(TENANT_ID);
  });

  it('shows no account and offers Sign in when the session needs a new sign-in', async () => {
    const { container } = popup({ ...signedIn, needsSignIn: true });
    await settle();
    expect(container.querySelector('.pl-who')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('records the template ids of a found lookup, for the recent list', async () => {
    const onFound = vi.fn();
    const client = fakeClient(signedIn, {
      kind: 'jobs', servicePrincipalId: SP, fetchedAt: '2026-11-28T13:58:00Z',
      jobs: [{ id: 'AD2AADProvisioning.0efcc5ce', templateId: 'AD2AADProvisioning' }, { id: 'AD2AADPasswordHash.0efcc5ce', templateId: 'AD2AADPasswordHash' }],
    });
    render(<PopupApp client={client} tabPage={null} cloud="global" recent={[]} onFound={onFound} copy={vi.fn(async () => {})} />);
    fireEvent.input(screen.getByLabelText('Service principal object ID'), { target: { value: SP } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    await settle();
    expect(onFound).toHaveBeenCalledWith({ servicePrincipalId: SP, templateIds: ['AD2AADProvisioning', 'AD2AADPasswordHash'] });
  });
});

describe('recent lookups', () => {
  const recent: RecentLookup[] = [
    { servicePrincipalId: SP, label: 'Contoso HR SCIM Connector' },
    { servicePrincipalId: '15bc1329-8dc5-414b-a598-c00a9451d80b', jobId: 'AD2AADProvisioning.0efcc5ced8064c958b16a4a486432729.44091537-c306-450c-9abb-0042eb3329ad', templateIds: ['AD2AADProvisioning'] },
    { servicePrincipalId: 'a4eabe36-f3cf-4744-b780-21f204f42ff2', jobId: 'scim.0efcc5ced8064c958b16a4a486432729' }, // saved before labels
  ];

  it('leads with the app name or template, the short id under it, full ids on hover', () => {
    const onLookup = vi.fn();
    render(<LookupForm cloud="global" recent={recent} onLookup={onLookup} />);
    const items = screen.getAllByRole('listitem').map((li) => li.querySelector('button')!);
    expect(items.map((b) => [...b.children].map((c) => c.textContent))).toEqual([
      ['Contoso HR SCIM Connector', '1cb5ed7d…'],
      ['AD2AADProvisioning', '15bc1329… · AD2AADProvisioning.0efcc5ce…'],
      ['a4eabe36-f3cf-4744-b780-21f204f42ff2', 'scim.0efcc5ce…'],
    ]);
    expect(items[1]!.getAttribute('title')).toBe(`Service principal 15bc1329-8dc5-414b-a598-c00a9451d80b, job ${recent[1]!.jobId}`);
    fireEvent.click(items[1]!);
    expect(onLookup).toHaveBeenCalledWith({ cloud: 'global', servicePrincipalId: recent[1]!.servicePrincipalId, jobId: recent[1]!.jobId });
  });

  it('renders untrusted names as text', () => {
    const { container } = render(<LookupForm cloud="global" recent={[{ servicePrincipalId: SP, label: '<img src=x onerror=alert(1)>' }]} onLookup={vi.fn()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
