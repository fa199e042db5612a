import { useMemo } from 'preact/hooks';
import { toJobView, type JobView } from '@/lib/job-view';

/**
 * `toJobView` bound to `now` and the zone, remembering each job's view until `now` moves on
 * (every 30 s, see useNow). The pill's summary and the panel ask for the same jobs on every
 * render; without this each render converted every job twice (the 50-job profile showed it).
 */
export function useJobView(now: Date, timeZone?: string): (raw: unknown) => JobView {
  return useMemo(() => {
    const views = new WeakMap<object, JobView>();
    return (raw: unknown) => {
      if (typeof raw !== 'object' || raw === null) return toJobView(raw, { now, timeZone });
      let view = views.get(raw);
      if (!view) {
        view = toJobView(raw, { now, timeZone });
        views.set(raw, view);
      }
      return view;
    };
  }, [now, timeZone]);
}
