import { describe, expect, it } from 'vitest';
import { createReportsThrottle } from '@/lib/logs/throttle';

describe('reports throttle (5 requests per 10 s)', () => {
  it('lets five start at once and makes the sixth wait for the oldest to leave the window, in order', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = createReportsThrottle({ now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) });
    const started: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) => throttle.slot().then(() => void started.push([i, clock]))),
    );
    expect(started.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started.slice(0, 5).every(([, t]) => t === 0)).toBe(true);
    expect(started[5]![1]).toBe(10_000);
    expect(started[6]![1]).toBe(10_000);
    expect(waits).toEqual([10_000]);
  });

  it('does not wait when requests are spread out', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = createReportsThrottle({ now: () => clock, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 20; i++) {
      await throttle.slot();
      clock += 2_500;
    }
    expect(waits).toEqual([]);
  });
});
