/**
 * The idempotency ledger: one token per admin confirmation, remembered by the background. A token
 * is minted when the admin opens an action's confirmation, marked "sending" in storage *before* the
 * POST leaves, and "done" with its outcome after. Kept in storage.session on Chrome, which outlives a
 * stopped service worker (memory would not): a confirmation that arrives again — a double click, the
 * client's resend after the worker restarted mid-request — finds its token used and sends nothing.
 */
import type { ActionOutcome } from '../protocol';
import type { ActionTarget, JobActionKind } from './types';

export interface Ticket {
  target: ActionTarget;
  /** Which UI asked (a tab, an extension page): only it may confirm. */
  holder: string;
  mintedAt: number;
  state: 'minted' | 'sending' | 'done';
  sentAt?: number;
  outcome?: ActionOutcome;
}

export type Tickets = Record<string, Ticket>;

export interface TicketStore {
  read(): Promise<Tickets>;
  write(tickets: Tickets): Promise<void>;
}

/** An unconfirmed dialog stays valid this long; used tokens are remembered as long, for replays. */
export const TICKET_TTL_MS = 10 * 60_000;
const MAX_TICKETS = 50;

export type Claim =
  /** Send the POST now: the ticket is marked "sending". */
  | { kind: 'send'; ticket: Ticket }
  /** Already answered: here is the answer, nothing is sent. */
  | { kind: 'replay'; outcome: ActionOutcome }
  /** Marked "sending" by a worker that stopped before the answer: it may have reached Graph. */
  | { kind: 'interrupted'; ticket: Ticket }
  /** Another confirmation for this job was sent after this one was minted: the admin's view is stale. */
  | { kind: 'superseded' }
  | { kind: 'invalid' };

export function createLedger(store: TicketStore, now: () => number = Date.now, newToken: () => string = () => crypto.randomUUID()) {
  // Every read-modify-write runs after the previous one: two messages cannot both claim a token.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: (tickets: Tickets) => T): Promise<T> => {
    const run = queue.then(async () => {
      const tickets = prune(await store.read().catch(() => ({})), now());
      const result = work(tickets);
      await store.write(prune(tickets, now()));
      return result;
    });
    queue = run.catch(() => {});
    return run;
  };

  return {
    mint(target: ActionTarget, holder: string): Promise<string> {
      return serial((tickets) => {
        const token = newToken();
        tickets[token] = { target, holder, mintedAt: now(), state: 'minted' };
        return token;
      });
    },

    /** Is this token good for this holder and action, without claiming it (before the consent window). */
    check(token: string, holder: string, kind: JobActionKind): Promise<boolean> {
      return serial((tickets) => {
        const ticket = Object.hasOwn(tickets, token) ? tickets[token] : undefined;
        return !!ticket && ticket.holder === holder && ticket.target.kind === kind;
      });
    },

    /** Claims a token for sending, atomically; anything but a fresh token sends nothing. */
    claim(token: string, holder: string, kind: JobActionKind): Promise<Claim> {
      return serial((tickets): Claim => {
        const ticket = Object.hasOwn(tickets, token) ? tickets[token] : undefined;
        if (!ticket || ticket.holder !== holder || ticket.target.kind !== kind) return { kind: 'invalid' };
        if (ticket.state === 'done' && ticket.outcome) return { kind: 'replay', outcome: ticket.outcome };
        if (ticket.state !== 'minted') return { kind: 'interrupted', ticket };
        const sameJob = (other: Ticket) =>
          other.target.servicePrincipalId === ticket.target.servicePrincipalId && other.target.jobId === ticket.target.jobId;
        if (Object.values(tickets).some((other) => other !== ticket && sameJob(other) && (other.sentAt ?? -Infinity) > ticket.mintedAt))
          return { kind: 'superseded' };
        ticket.state = 'sending';
        ticket.sentAt = now();
        return { kind: 'send', ticket };
      });
    },

    /** Records the answer, for replays of the same confirmation. */
    settle(token: string, outcome: ActionOutcome): Promise<void> {
      return serial((tickets) => {
        const ticket = tickets[token];
        if (ticket) Object.assign(ticket, { state: 'done', outcome });
      });
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;

/** Drops expired tickets, and the oldest beyond the bound; never one that is being sent. */
function prune(tickets: Tickets, at: number): Tickets {
  const kept = Object.entries(tickets ?? {})
    .filter(([, t]) => t && typeof t === 'object' && (t.state === 'sending' ? at - (t.sentAt ?? 0) < TICKET_TTL_MS * 3 : at - (t.sentAt ?? t.mintedAt) < TICKET_TTL_MS))
    .sort(([, a], [, b]) => b.mintedAt - a.mintedAt)
    .slice(0, MAX_TICKETS);
  for (const key of Object.keys(tickets ?? {})) delete tickets[key];
  return Object.assign(tickets ?? {}, Object.fromEntries(kept));
}
