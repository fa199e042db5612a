import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format';

describe('formatCount', () => {
  it('groups whole numbers as en-US does, and leaves the rest to Intl', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1, -1234, Number.MAX_SAFE_INTEGER, 1.5, -0.25, 1e21, NaN, Infinity])
      expect(formatCount(n)).toBe(intl.format(n));
  });
});
