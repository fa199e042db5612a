import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FailuresLookup } from '@/lib/logs/types';
import type { SignInResult } from '@/lib/protocol';

/** What the section needs from its host: the background's digest, and the incremental consent. */
export interface FailuresSource {
  /** auto: the section loading by itself, answered only when the permissions are known to work. */
  lookup(jobId: string, fresh: boolean, auto?: boolean): Promise<FailuresLookup>;
  /** Interactive sign-in asking for the logs permissions (signIn({ grant: 'logs' })). */
  grant(): Promise<SignInResult>;
}

export type FailuresState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'granting' }
  | { status: 'done'; answer: FailuresLookup };

/**
 * The section's one flow. `auto` (a quarantined or failing job) loads at once; a job that is fine
 * waits for the admin. "Show recent failures" loads, and when the permissions are missing runs the
 * consent and loads again, so one click does it. Answers for a job the admin left are dropped.
 */
export function useFailures(source: FailuresSource, jobId: string, auto: boolean) {
  const [state, setState] = useState<FailuresState>({ status: 'idle' });
  const generation = useRef(0);

  const load = useCallback(
    async (fresh: boolean, grantIfNeeded: boolean, auto = false) => {
      const mine = ++generation.current;
      setState({ status: 'loading' });
      let answer = await source.lookup(jobId, fresh, auto);
      if (mine !== generation.current) return;
      if (answer.kind === 'notGranted' && grantIfNeeded) {
        setState({ status: 'granting' });
        const signedIn = await source.grant();
        if (mine !== generation.current) return;
        answer = signedIn.ok ? await source.lookup(jobId, true) : { kind: 'error', problem: 'other', error: signedIn.error };
        if (mine !== generation.current) return;
      }
      setState({ status: 'done', answer });
    },
    [source, jobId],
  );

  useLayoutEffect(() => {
    if (auto) void load(false, false, true);
    else {
      generation.current++;
      setState({ status: 'idle' });
    }
  }, [load, auto]);

  return {
    state,
    /** The admin's click: load, granting the permissions first when they are missing. */
    show: () => load(false, true),
    /** Consent straight away (the permission is known to be missing). */
    grant: async () => {
      const mine = ++generation.current;
      setState({ status: 'granting' });
      const signedIn = await source.grant();
      if (mine !== generation.current) return;
      if (signedIn.ok) return load(true, false);
      setState({ status: 'done', answer: { kind: 'error', problem: 'other', error: signedIn.error } });
    },
    refresh: () => load(true, true),
  };
}
