import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LensClient } from '@/lib/client';
import type { JobLookup, JobQuery } from '@/lib/protocol';

export type LookupState = { status: 'idle' } | { status: 'loading'; previous?: JobLookup } | { status: 'done'; lookup: JobLookup };

/**
 * Runs a lookup whenever the query changes and offers refresh and sign-in. Answers that arrive
 * after the admin moved on (hash navigation, a new lookup) are dropped, never shown for the wrong app.
 */
export function useJobLookup(client: LensClient, query: JobQuery | null) {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const generation = useRef(0);
  const key = query ? JSON.stringify([query.cloud, query.servicePrincipalId, query.appId, query.jobId]) : '';

  const run = useCallback(
    async (fresh: boolean) => {
      if (!query) return;
      const mine = ++generation.current;
      setState((current) => ({ status: 'loading', previous: current.status === 'done' ? current.lookup : undefined }));
      const lookup = await client.lookupJobs({ ...query, fresh });
      if (mine === generation.current) setState({ status: 'done', lookup });
    },
    // The key captures everything of the query that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );

  // A layout effect, not useEffect: Preact runs those after the next frame (up to 35 ms later), and
  // the answer is often there already (the loader asked at document_start, or the worker's cache).
  useLayoutEffect(() => {
    if (query) void run(false);
    else {
      generation.current++;
      setState({ status: 'idle' });
    }
  }, [run]);

  const signIn = useCallback(async () => {
    const needsAppRead = state.status === 'done' && state.lookup.kind === 'signedOut' && state.lookup.needsAppRead === true;
    const result = await client.signIn({ includeAppRead: needsAppRead });
    if (result.ok) await run(false);
    else setState({ status: 'done', lookup: { kind: 'error', error: result.error } });
    return result;
  }, [client, run, state]);

  return { state, refresh: () => run(true), signIn };
}
