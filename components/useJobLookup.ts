import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LensClient } from '@/lib/client';
import type { JobLookup, JobQuery } from '@/lib/protocol';
import type { PanelState } from './summary';

/** Each state carries the key of the query it belongs to, so an answer is never shown under another app. */
export type LookupState =
  | { status: 'idle' }
  | { status: 'loading'; key: string; previous?: JobLookup }
  | { status: 'done'; key: string; lookup: JobLookup };

/** What identifies a lookup: another cloud, service principal, app or job is another lookup. */
export function lookupKey(query: JobQuery | null): string {
  return query ? JSON.stringify([query.cloud, query.servicePrincipalId, query.appId, query.jobId]) : '';
}

/**
 * What the panel shows for `key`. A lookup of another app shows the skeleton at once, never the
 * previous app's job; only a Refresh of the same lookup keeps its content, marked as refreshing.
 */
export function panelOf(state: LookupState, key: string): { shown: PanelState; refreshing: boolean } {
  if (state.status === 'done' && state.key === key) return { shown: state.lookup, refreshing: false };
  if (state.status === 'loading' && state.key === key && state.previous) return { shown: state.previous, refreshing: true };
  return { shown: { kind: 'loading' }, refreshing: false };
}

/**
 * Runs a lookup whenever the query changes and offers refresh and sign-in. Answers that arrive
 * after the admin moved on (hash navigation, a new lookup) are dropped, never shown for the wrong app.
 */
export function useJobLookup(client: LensClient, query: JobQuery | null) {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const generation = useRef(0);
  const key = lookupKey(query);

  const run = useCallback(
    async (fresh: boolean) => {
      if (!query) return;
      const mine = ++generation.current;
      setState((current) => ({
        status: 'loading',
        key,
        previous: fresh && current.status === 'done' && current.key === key ? current.lookup : undefined,
      }));
      const lookup = await client.lookupJobs({ ...query, fresh });
      if (mine === generation.current) setState({ status: 'done', key, lookup });
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
    const result = await client.signIn(needsAppRead ? { grant: 'appRead' } : {});
    if (result.ok) await run(false);
    else setState({ status: 'done', key, lookup: { kind: 'error', error: result.error } });
    return result;
  }, [client, run, state, key]);

  return { state, ...panelOf(state, key), refresh: () => run(true), signIn };
}
