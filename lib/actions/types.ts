/**
 * Job actions in the domain's words: restart (with a reset scope), start and pause. The reset scopes
 * the extension may send are named here and nowhere else; `Full`, `ConnectorDataStore` and `None`
 * have no name, so no code path can ask for them (Microsoft: "do not use").
 */
export type JobActionKind = 'restart' | 'start' | 'pause';

export const JOB_ACTION_KINDS: readonly JobActionKind[] = ['restart', 'start', 'pause'];

/** The restart choices the dialog offers, each with the `resetScope` Graph receives. */
export const RESTART_SCOPES = {
  /** Lifts the quarantine for now, and retries. */
  quarantine: 'QuarantineState',
  /** What the portal's "Restart provisioning" sends: a full initial cycle (slow on big tenants). */
  portal: 'Watermark, Escrows, QuarantineState',
  /** Lets deletions held back by the accidental-deletion threshold go through. */
  forceDeletes: 'ForceDeletes',
} as const;

export type RestartChoice = keyof typeof RESTART_SCOPES;
export type ResetScope = (typeof RESTART_SCOPES)[RestartChoice];

export type JobAction = { kind: 'restart'; scope: RestartChoice } | { kind: 'start' } | { kind: 'pause' };

export function isJobActionKind(value: unknown): value is JobActionKind {
  return typeof value === 'string' && (JOB_ACTION_KINDS as readonly string[]).includes(value);
}

export function isRestartChoice(value: unknown): value is RestartChoice {
  return typeof value === 'string' && Object.hasOwn(RESTART_SCOPES, value);
}

/** Which job an action is for, and how the admin's UI named it (for the dialog and the history). */
export interface ActionTarget {
  servicePrincipalId: string;
  jobId: string;
  kind: JobActionKind;
  /** The app's display name, or its template's name: shown and recorded, never put in a URL. */
  appName?: string;
}

/** What the admin confirmed: the one-use token minted when the dialog opened, and the choice. */
export interface ActionConfirmation {
  token: string;
  action: JobAction;
}
