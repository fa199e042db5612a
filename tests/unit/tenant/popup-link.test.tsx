import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/PopupApp';
import type { LensClient } from '@/lib/client';

afterEach(cleanup);

const client: LensClient = {
  getAuthState: vi.fn(async () => ({ configured: true, cloud: 'global' as const, account: { username: 'adele@contoso.onmicrosoft.com' } })),
  lookupJobs: vi.fn(async () => ({ kind: 'notConfigured' as const })),
  signIn: vi.fn(), signOut: vi.fn(), openSettings: vi.fn(async () => true), leftProvisioning: vi.fn(async () => true),
  getWatched: vi.fn(async () => []), setWatch: vi.fn(async () => []), prepareJobAction: vi.fn(), runJobAction: vi.fn(),
};

it('the popup offers Tenant overview when its host can open the page, and only then', async () => {
  const onOpenTenant = vi.fn();
  const { unmount } = render(<PopupApp client={client} tabPage={null} cloud="global" recent={[]} onFound={vi.fn()} copy={vi.fn(async () => {})} onOpenTenant={onOpenTenant} />);
  await act(async () => {});
  fireEvent.click(screen.getByRole('button', { name: 'Tenant overview' }));
  expect(onOpenTenant).toHaveBeenCalledOnce();
  unmount();
  render(<PopupApp client={client} tabPage={null} cloud="global" recent={[]} onFound={vi.fn()} copy={vi.fn(async () => {})} />);
  await act(async () => {});
  expect(screen.queryByRole('button', { name: 'Tenant overview' })).toBeNull();
});
