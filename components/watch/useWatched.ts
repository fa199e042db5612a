import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LensClient } from '@/lib/client';
import type { WatchedJob } from '@/lib/watch/watched';

/** The watched list as the background keeps it, and a way to watch or unwatch a job. */
export function useWatched(client: Pick<LensClient, 'getWatched' | 'setWatch'>) {
  const [list, setList] = useState<readonly WatchedJob[]>([]);
  useEffect(() => void client.getWatched().then(setList), [client]);
  const set = useCallback((job: WatchedJob, watch: boolean) => void client.setWatch(job, watch).then(setList, () => undefined), [client]);
  return { list, set };
}
