import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format';

describe('formatCount', () => {
  it('groups the digits before any decimal point as en-US does', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1, -1234, Number.MAX_SAFE_INTEGER, 1.5, -0.25, 1234567.125, -98765.5, NaN])
      expect(formatCount(n)).toBe(intl.format(n));
  });
});
