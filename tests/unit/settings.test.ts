import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, timeZoneOf, validateSettings } from '@/lib/settings';

const VALID = { clientId: ' 11111111-2222-4333-8444-555555555555 ', tenant: 'Contoso.onmicrosoft.com', cloud: 'global' };

describe('validateSettings', () => {
  it('trims and keeps what the admin typed, with v1.0 and local times unless chosen otherwise', () => {
    expect(validateSettings(VALID)).toEqual({
      ok: true,
      settings: { clientId: '11111111-2222-4333-8444-555555555555', tenant: 'Contoso.onmicrosoft.com', cloud: 'global', graphVersion: 'v1.0', times: 'local' },
    });
  });

  it.each([
    ['utc', 'utc'],
    ['local', 'local'],
    ['UTC', 'local'],
    ['<b>utc</b>', 'local'],
    [undefined, 'local'],
  ])('times %s is stored as %s', (times, stored) => {
    const result = validateSettings({ ...VALID, times });
    expect(result.ok && result.settings.times).toBe(stored);
  });

  it.each([
    ['clientId', { ...VALID, clientId: 'not-a-guid' }],
    ['tenant', { ...VALID, tenant: 'https://evil.example/' }],
    ['cloud', { ...VALID, cloud: 'mars' }],
  ])('says what is wrong with %s', (field, input) => {
    const result = validateSettings(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
  });
});

describe('timeZoneOf', () => {
  it.each([
    ['utc', 'UTC'],
    ['local', undefined],
    [undefined, undefined],
    [{ toString: (): string => 'utc' }, undefined],
  ])('%s → %s', (times, zone) => {
    expect(timeZoneOf(times)).toBe(zone);
  });

  it('reads local for the defaults', () => {
    expect(timeZoneOf(DEFAULT_SETTINGS.times)).toBeUndefined();
  });
});
