import { describe, expect, it } from 'vitest';
import { GRANTS, isGrant, signInScopes } from '@/lib/auth/grants';

describe('incremental consent', () => {
  it.each([
    [undefined, ['Synchronization.Read.All']],
    ['appRead', ['Synchronization.Read.All', 'Application.Read.All']],
    ['logs', ['Synchronization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All']],
    ['actions', ['Synchronization.Read.All', 'Synchronization.ReadWrite.All']],
  ] as const)('signing in for %s asks for %j', (grant, scopes) => {
    expect(signInScopes(grant)).toEqual(scopes);
  });

  it('first sign-in asks for the read scope alone: no feature permission rides along', () => {
    for (const scopes of Object.values(GRANTS)) for (const scope of scopes) expect(signInScopes()).not.toContain(scope);
  });

  it.each([['appRead', true], ['logs', true], ['actions', true], ['toString', false], ['constructor', false], ['', false], [null, false], [1, false]])(
    'isGrant(%j) is %s',
    (value, expected) => {
      expect(isGrant(value)).toBe(expected);
    },
  );
});
