import { renderHook } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useJobView } from '@/components/useJobView';
import { toJobView } from '@/lib/job-view';

const job = { id: 'scim.1', templateId: 'scim', status: { code: 'Quarantine', quarantine: { currentBegan: '2026-11-28T08:00:00Z', reason: 'EncounteredQuarantineException' } } };
const T0 = new Date('2026-11-28T10:00:00Z');
const T1 = new Date('2026-11-28T10:00:30Z');

describe('useJobView', () => {
  it('gives the same view for the same job while now stays, and the view toJobView gives', () => {
    const { result } = renderHook(() => useJobView(T0, 'UTC'));
    const first = result.current(job);
    expect(result.current(job)).toBe(first);
    expect(first).toEqual(toJobView(job, { now: T0, timeZone: 'UTC' }));
  });

  it('converts again once now moves on, so relative times stay true', () => {
    const { result, rerender } = renderHook(({ now }) => useJobView(now, 'UTC'), { initialProps: { now: T0 } });
    const before = result.current(job);
    rerender({ now: T1 });
    const after = result.current(job);
    expect(after).not.toBe(before);
    expect(after).toEqual(toJobView(job, { now: T1, timeZone: 'UTC' }));
  });

  it.each([null, 'a string', 42, undefined])('converts %s (not a job object) without caching it', (raw) => {
    const { result } = renderHook(() => useJobView(T0, 'UTC'));
    expect(result.current(raw)).toEqual(toJobView(raw, { now: T0, timeZone: 'UTC' }));
  });
});
