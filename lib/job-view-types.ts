/** The job view model's shape: what the overlay and popup show about one synchronization job. */
import type { SynchronizationJob } from '@microsoft/microsoft-graph-types';
import type { Advice } from './job/advice';

export type { Advice, PortalPlace } from './job/advice';

export type Tone = 'error' | 'warning' | 'success' | 'neutral';

/** A point in time told relative first, absolute for hover and screen readers. */
export interface TimeView {
  /** Normalised ISO-8601 (milliseconds precision, UTC). */
  iso: string;
  /** "in 5 h", "3 days ago", "just now". */
  relative: string;
  /** "Sat 28 Nov 2026, 14:05" in the admin's time zone (the `timeZone` option; tests pass 'UTC'). */
  absolute: string;
}

export type JobStateKey = 'quarantined' | 'active' | 'paused' | 'notRun' | 'notConfigured' | 'unknown';

export interface JobStateView {
  key: JobStateKey;
  /** Quarantined · Active · Paused · Not run · Not configured · or the raw code verbatim when unknown. */
  label: string;
  tone: Tone;
  /** `status.code` as Graph sent it ('' when missing). */
  code: string;
}

export interface SyncErrorView {
  code: string;
  /** Untrusted text from a third-party SCIM server: render as text only. */
  message: string;
  /** true / false, or null when Graph did not say. */
  tenantActionable: boolean | null;
}

export interface QuarantineView {
  /** `quarantine.reason` verbatim ('' when missing). */
  reason: string;
  /** Why, and what to do: from the error code and template first, the reason second (lib/job/advice). */
  advice: Advice;
  /** quarantine.error ?? lastExecution.error */
  error: SyncErrorView | null;
  since: TimeView | null;
  seriesBegan: TimeView | null;
  seriesCount: number | null;
  nextAttempt: TimeView | null;
  /** Whole days left before the 4-week disable, counted from seriesBegan (else currentBegan); 0 when overdue; null when unknown. */
  daysUntilDisable: number | null;
  disableAt: TimeView | null;
}

export interface RunView {
  /** Succeeded · Failed · Entry-level errors · or the raw state. */
  result: string;
  tone: Tone;
  began: TimeView | null;
  ended: TimeView | null;
  imported: number | null;
  exported: number | null;
  escrowed: number | null;
  error: SyncErrorView | null;
}

export interface ScheduleView {
  /**
   * "every 40 minutes", "no schedule", or the raw interval verbatim when state is Active (or missing);
   * "paused" / "disabled" with the cadence it would resume at when there is one ("paused (every 40
   * minutes)"); an unknown state verbatim, likewise ("Hibernating (every 40 minutes)"); "unknown"
   * when Graph sent neither.
   */
  label: string;
  /** schedule.state verbatim ('' when missing). */
  state: string;
  /** schedule.interval verbatim, or null. */
  interval: string | null;
}

export interface JobView {
  jobId: string;
  templateId: string;
  state: JobStateView;
  /** Quarantined, failing, or otherwise worth the admin's attention: the picker's default. */
  needsAttention: boolean;
  quarantine: QuarantineView | null;
  /**
   * Added field. An error left on a quarantine object that does not count as a quarantine (code is not
   * "Quarantine" and `currentBegan` is empty or the sentinel): Microsoft's own docs example, code
   * "Paused" with SalesforceInvalidCredentials. Shown as "last quarantine error" beside the real state;
   * null otherwise, and always null when `quarantine` is set (that view carries its own error).
   * toJobView always sets it; optional only so views built by hand (component tests) may omit it.
   */
  lastQuarantineError?: SyncErrorView | null;
  /**
   * What to do about a job that is not quarantined but whose last run failed, or that carries a run
   * error or a last quarantine error: the same advice a quarantine with that error would get. Null
   * otherwise, and always null when `quarantine` is set (that view carries its own). Optional only so
   * views built by hand may omit it.
   */
  advice?: Advice | null;
  lastRun: RunView | null;
  consecutiveFailures: number | null;
  /** null = never. */
  steadyStateFirst: TimeView | null;
  steadyStateLast: TimeView | null;
  schedule: ScheduleView;
  /** `{key, value}` pairs such as "user to User": 120. */
  entryCounts: { key: string; value: number }[];
  /** Only an https URL survives; anything else (javascript:, data:) becomes null. */
  troubleshootingUrl: string | null;
}

export interface JobViewOptions {
  now: Date;
  /** IANA time zone for absolute times; default: the runtime's. */
  timeZone?: string;
}

export type { SynchronizationJob };
