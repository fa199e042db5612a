import { describe, expect, it } from 'vitest';
import { daysUntilDisable, disableDate, DISABLE_AFTER_DAYS } from '@/lib/quarantine';

const NOW = new Date('2026-11-28T09:05:00Z');

describe('the 4-week disable rule', () => {
  it('disables 28 days after the series began', () => {
    expect(DISABLE_AFTER_DAYS).toBe(28);
    expect(disableDate(new Date('2026-11-20T08:00:00Z')).toISOString()).toBe('2026-12-18T08:00:00.000Z');
  });

  it.each([
    ['2026-11-28T09:05:00Z', 28], // began just now
    ['2026-11-27T21:05:00Z', 28], // 27.5 days left: a started day counts
    ['2026-11-20T08:00:00Z', 20],
    ['2026-11-10T09:05:00Z', 10], // exactly 10 days left
    ['2026-11-01T09:05:00Z', 1],
    ['2026-11-01T09:05:01Z', 2], // a day and a second
    ['2026-10-31T09:05:01Z', 1], // one second left
    ['2026-10-31T09:05:00Z', 0], // deadline is now
    ['2026-10-01T00:00:00Z', 0], // overdue
  ])('began %s → %i days left', (began, days) => {
    expect(daysUntilDisable(new Date(began), NOW)).toBe(days);
  });

  it('is unknown when the start is unknown', () => {
    expect(daysUntilDisable(null, NOW)).toBeNull();
    expect(daysUntilDisable(new Date(Number.NaN), NOW)).toBeNull();
  });
});
