/**
 * The job view model: everything the overlay and popup show about one synchronization job,
 * computed once from the job exactly as Graph returned it. Pure: no DOM, no browser APIs.
 */
import type { SynchronizationJob } from '@microsoft/microsoft-graph-types';
import { daysUntilDisable, describeQuarantineReason, disableDate, errorCodeHint } from './quarantine';
import { bool, httpsUrl, num, obj, text, type Json } from './json-fields';
import { describeInterval, parseGraphTime, toTimeView } from './time';

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
  /** What to do about this particular error code (quarantine.md), when one is known. */
  hint?: string | null;
}

export interface QuarantineView {
  /** `quarantine.reason` verbatim ('' when missing). */
  reason: string;
  /** Plain words for the reason (quarantine.md); for unknown reasons says so and shows the raw value. */
  reasonText: string;
  /** One or two steps the admin should take. */
  actions: string[];
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

// ---- The parts of the view. ----

interface Context {
  now: Date;
  timeZone?: string;
}

const time = (value: unknown, ctx: Context) => toTimeView(value, ctx.now, ctx.timeZone);

function toErrorView(value: unknown): SyncErrorView | null {
  const e = obj(value);
  if (!e) return null;
  const view = { code: text(e.code), message: text(e.message), tenantActionable: bool(e.tenantActionable) };
  if (!view.code && !view.message && view.tenantActionable === null) return null;
  return { ...view, hint: errorCodeHint(view.code) };
}

const STATES = new Map<string, Omit<JobStateView, 'code'>>([
  ['Quarantine', { key: 'quarantined', label: 'Quarantined', tone: 'error' }],
  ['Active', { key: 'active', label: 'Active', tone: 'success' }],
  ['Paused', { key: 'paused', label: 'Paused', tone: 'warning' }],
  ['NotRun', { key: 'notRun', label: 'Not run', tone: 'neutral' }],
  ['NotConfigured', { key: 'notConfigured', label: 'Not configured', tone: 'neutral' }],
]);

/** Unknown codes show verbatim; a missing one reads "Unknown". */
function toStateView(code: string, quarantined: boolean): JobStateView {
  const known = STATES.get(quarantined ? 'Quarantine' : code);
  const unknown = { key: 'unknown', label: code.trim() === '' ? 'Unknown' : code, tone: 'neutral' } as const;
  return { ...(known ?? unknown), code };
}

/** graph-sync-api.md: `code` alone is not to be trusted in either direction. */
function isQuarantined(code: string, quarantine: Json | null): boolean {
  return code === 'Quarantine' || (quarantine !== null && parseGraphTime(quarantine.currentBegan) !== null);
}

function toQuarantineView(q: Json | null, lastExecution: Json | null, ctx: Context): QuarantineView {
  const reason = text(q?.reason);
  const { text: reasonText, actions } = describeQuarantineReason(reason);
  const began = parseGraphTime(q?.seriesBegan) ?? parseGraphTime(q?.currentBegan);
  return {
    reason,
    reasonText,
    actions,
    error: toErrorView(q?.error) ?? toErrorView(lastExecution?.error),
    since: time(q?.currentBegan, ctx),
    seriesBegan: time(q?.seriesBegan, ctx),
    seriesCount: num(q?.seriesCount),
    nextAttempt: time(q?.nextAttempt, ctx),
    daysUntilDisable: daysUntilDisable(began, ctx.now),
    disableAt: began ? time(disableDate(began), ctx) : null,
  };
}

const RUN_RESULTS = new Map<string, { result: string; tone: Tone }>([
  ['Succeeded', { result: 'Succeeded', tone: 'success' }],
  ['Failed', { result: 'Failed', tone: 'error' }],
  ['EntryLevelErrors', { result: 'Entry-level errors', tone: 'warning' }],
]);

function toRunView(run: Json | null, ctx: Context): RunView | null {
  if (!run) return null;
  const state = text(run.state);
  const { result, tone } = RUN_RESULTS.get(state) ?? { result: state || 'Unknown', tone: 'neutral' };
  return {
    result,
    tone,
    began: time(run.timeBegan, ctx),
    ended: time(run.timeEnded, ctx),
    imported: num(run.countImported),
    exported: num(run.countExported),
    escrowed: num(run.countEscrowed),
    error: toErrorView(run.error),
  };
}

function toScheduleView(schedule: Json | null): ScheduleView {
  const state = text(schedule?.state);
  const raw = schedule?.interval;
  const interval = typeof raw === 'string' ? raw : null;
  const every = interval && interval.trim() ? describeInterval(interval) : null;
  if (state === 'Active' || state === '') return { label: every ?? 'unknown', state, interval };
  const word = state === 'Paused' ? 'paused' : state === 'Disabled' ? 'disabled' : state;
  const label = every && every !== 'no schedule' ? `${word} (${every})` : word;
  return { label, state, interval };
}

function toEntryCounts(value: unknown): { key: string; value: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const key = text(obj(item)?.key);
    const count = num(obj(item)?.value);
    return key && count !== null ? [{ key, value: count }] : [];
  });
}

function buildJobView(job: Json, ctx: Context): JobView {
  const status = obj(job.status);
  const code = text(status?.code);
  const rawQuarantine = obj(status?.quarantine);
  const lastExecution = obj(status?.lastExecution);
  const quarantined = isQuarantined(code, rawQuarantine);
  const state = toStateView(code, quarantined);
  const consecutiveFailures = num(status?.countSuccessiveCompleteFailures);
  return {
    jobId: text(job.id),
    templateId: text(job.templateId),
    state,
    needsAttention:
      quarantined || text(lastExecution?.state) === 'Failed' || (consecutiveFailures ?? 0) > 0 || state.key === 'unknown',
    quarantine: quarantined ? toQuarantineView(rawQuarantine, lastExecution, ctx) : null,
    lastQuarantineError: quarantined ? null : toErrorView(rawQuarantine?.error),
    lastRun: toRunView(lastExecution, ctx),
    consecutiveFailures,
    steadyStateFirst: time(status?.steadyStateFirstAchievedTime, ctx),
    steadyStateLast: time(status?.steadyStateLastAchievedTime, ctx),
    schedule: toScheduleView(obj(job.schedule)),
    entryCounts: toEntryCounts(status?.synchronizedEntryCountByType),
    troubleshootingUrl: httpsUrl(status?.troubleshootingUrl),
  };
}

/**
 * The view of one job exactly as Graph returned it. `job` is untrusted JSON: missing fields, nulls,
 * numbers as strings and unknown enum values all yield a view, never an exception. (An object whose
 * getters throw — not something JSON.parse makes — yields the view of an empty job.)
 */
export function toJobView(job: unknown, options: JobViewOptions): JobView {
  const ctx = { now: options.now, timeZone: options.timeZone };
  try {
    return buildJobView(obj(job) ?? {}, ctx);
  } catch {
    return buildJobView({}, ctx);
  }
}

/** The job to show first: the first that needs attention, else the first; -1 when there is none. */
export function pickDefaultJob(views: readonly JobView[]): number {
  const index = views.findIndex((view) => view.needsAttention);
  return index >= 0 ? index : views.length > 0 ? 0 : -1;
}

export type { SynchronizationJob };
