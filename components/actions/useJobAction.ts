import { useEffect, useRef, useState } from 'preact/hooks';
import type { LensClient } from '@/lib/client';
import type { ActionOutcome, LensError } from '@/lib/protocol';
import type { ActionTarget, JobAction, JobActionKind } from '@/lib/actions/types';

/** The service takes a moment to change the job's state after a 204: look again after this long. */
export const SECOND_LOOK_MS = 30_000;

export type ActionPhase =
  | { kind: 'idle' }
  /** The confirmation is open, with its one-use token. */
  | { kind: 'confirming'; action: JobActionKind; token: string; busy: boolean; error?: LensError }
  | { kind: 'done'; action: JobActionKind; at: string; requestId?: string }
  | { kind: 'failed'; action: JobActionKind; error: LensError };

type Client = Pick<LensClient, 'prepareJobAction' | 'runJobAction' | 'signIn'>;

/**
 * One job's actions, from the admin's click to the answer: a token minted per confirmation, the
 * consent asked on first use, the job looked at again at once and after SECOND_LOOK_MS.
 */
export function useJobAction(client: Client, target: Omit<ActionTarget, 'kind'>, onChanged: () => void) {
  const [phase, setPhase] = useState<ActionPhase>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
    clearTimeout(timer.current);
  }, []);
  const set = (next: ActionPhase) => alive.current && setPhase(next);

  async function send(kind: JobActionKind, token: string, action: JobAction) {
    set({ kind: 'confirming', action: kind, token, busy: true });
    let outcome: ActionOutcome = await client.runJobAction({ token, action });
    if (outcome.kind === 'needsConsent') {
      // First use: Microsoft asks the admin for Synchronization.ReadWrite.All. Nothing was sent yet.
      const signedIn = await client.signIn({ grant: 'actions' });
      outcome = signedIn.ok ? await client.runJobAction({ token, action }) : { kind: 'failed', error: signedIn.error };
      if (outcome.kind === 'needsConsent')
        outcome = { kind: 'failed', error: { kind: 'auth', title: 'The permission for job actions was not granted, so nothing was sent.', action: 'Grant admin consent for Synchronization.ReadWrite.All to your app registration, then try again.' } };
    }
    if (outcome.kind === 'done') {
      set({ kind: 'done', action: kind, at: outcome.at, requestId: outcome.requestId });
      onChanged();
      clearTimeout(timer.current);
      timer.current = setTimeout(onChanged, SECOND_LOOK_MS);
    } else if (outcome.kind === 'failed') {
      set({ kind: 'confirming', action: kind, token, busy: false, error: outcome.error });
    }
  }

  return {
    phase,
    /** The admin's click on Restart, Start or Pause. Start has no dialog: the click is its confirmation. */
    async begin(kind: JobActionKind) {
      const ticket = await client.prepareJobAction({ ...target, kind });
      if (!ticket.ok) return set({ kind: 'failed', action: kind, error: ticket.error });
      if (kind === 'start') {
        await send(kind, ticket.token, { kind: 'start' });
        // Start has no dialog to show its error in: the card does.
        setPhase((current) => (current.kind === 'confirming' && current.error ? { kind: 'failed', action: kind, error: current.error } : current));
        return;
      }
      set({ kind: 'confirming', action: kind, token: ticket.token, busy: false });
    },
    confirm(action: JobAction) {
      if (phase.kind !== 'confirming' || phase.busy || phase.error) return;
      void send(phase.action, phase.token, action);
    },
    /** Cancel, Escape, or Close after an error: a failed action leaves its error on the card, never a spinner. */
    close() {
      setPhase((current) => (current.kind === 'confirming' && current.error ? { kind: 'failed', action: current.action, error: current.error } : { kind: 'idle' }));
    },
  };
}
