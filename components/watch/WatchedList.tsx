import type { JobQuery } from '@/lib/protocol';
import { toTimeView } from '@/lib/time';
import type { WatchedJob } from '@/lib/watch/watched';
import { TimeText } from '../TimeText';

export interface WatchedListProps {
  list: readonly WatchedJob[];
  now: Date;
  timeZone?: string;
  onOpen: (query: JobQuery) => void;
}

const WORDS: Record<NonNullable<WatchedJob['last']>['health'], string> = {
  quarantined: 'Quarantined',
  failing: 'Failing',
  paused: 'Paused',
  healthy: 'Healthy',
  gone: 'Not found',
};

/** The watched jobs with what the last background check saw; each opens its job. */
export function WatchedList({ list, now, timeZone, onOpen }: WatchedListProps) {
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="watched-heading" class="pl-watched">
      <h2 id="watched-heading">Watched jobs</h2>
      <ul class="pl-recent">
        {list.map((job) => (
          <li key={`${job.servicePrincipalId}|${job.jobId}`}>
            <button type="button" class="pl-link-btn" onClick={() => onOpen({ cloud: job.cloud, servicePrincipalId: job.servicePrincipalId, jobId: job.jobId })}>
              {job.label}
            </button>
            <span class="pl-caption pl-block">
              {job.last ? (
                <>
                  {WORDS[job.last.health]} · checked <TimeText time={toTimeView(job.last.checkedAt, now, timeZone)} />
                </>
              ) : (
                'Not checked yet'
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
