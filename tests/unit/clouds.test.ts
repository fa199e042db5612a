import { describe, expect, it } from 'vitest';
import { API_ORIGINS, cloudOfPortalHost, graphScope, PORTAL_HOSTS } from '@/lib/clouds';

describe('clouds', () => {
  it.each([
    ['portal.azure.com', 'global'],
    ['ENTRA.microsoft.com', 'global'],
    ['portal.azure.us', 'usgov'],
    ['entra.microsoftonline.cn', 'china'],
    ['portal.azure.com.evil.example', undefined],
  ])('%s belongs to %s', (host, cloud) => {
    expect(cloudOfPortalHost(host)).toBe(cloud);
  });

  it('qualifies scopes outside the global cloud', () => {
    expect(graphScope('global', 'Synchronization.Read.All')).toBe('Synchronization.Read.All');
    expect(graphScope('usgovdod', 'Synchronization.Read.All')).toBe(
      'https://dod-graph.microsoft.us/Synchronization.Read.All',
    );
  });

  it('lists six portal hosts and only https API origins', () => {
    expect(PORTAL_HOSTS).toHaveLength(6);
    expect(API_ORIGINS.every((o) => o.startsWith('https://'))).toBe(true);
  });
});
