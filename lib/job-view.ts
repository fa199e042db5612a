/**
 * The job view model: everything the overlay and popup show about one synchronization job,
 * computed once from the job exactly as Graph returned it. Pure: no DOM, no browser APIs.
 */
import { bool, httpsUrl, label, num, obj, text, type Json } from './json-fields';
import type {
  JobStateView,
  JobView,
  JobViewOptions,
  QuarantineView,
  RunView,
  ScheduleView,
  SyncErrorView,
  Tone,
} from './job-view-types';
import { adviceFor, type Advice } from './job/advice';
import { isQuarantined } from './job/health';
import { daysUntilDisable, disableDate } from './quarantine';
import { describeInterval, parseGraphTime, toTimeView } from './time';

export type * from './job-view-types';

// ---- The parts of the view. ----

interface Context {
  now: Date;
  timeZone?: string;
}

const time = (value: unknown, ctx: Context) => toTimeView(value, ctx.now, ctx.timeZone);

function toErrorView(value: unknown): SyncErrorView | null {
  const e = obj(value);
  if (!e) return null;
  const view = { code: label(text(e.code)), message: text(e.message), tenantActionable: bool(e.tenantActionable) };
  return !view.code && !view.message && view.tenantActionable === null ? null : view;
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
  const unknown = { key: 'unknown', label: code.trim() === '' ? 'Unknown' : label(code), tone: 'neutral' } as const;
  return { ...(known ?? unknown), code };
}


function toQuarantineView(q: Json | null, lastExecution: Json | null, templateId: string, ctx: Context): QuarantineView {
  const reason = text(q?.reason);
  const error = toErrorView(q?.error) ?? toErrorView(lastExecution?.error);
  const began = parseGraphTime(q?.seriesBegan) ?? parseGraphTime(q?.currentBegan);
  return {
    reason,
    advice: adviceFor({ templateId, reason, errorCode: error?.code, message: error?.message }),
    error,
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
  const { result, tone } = RUN_RESULTS.get(state) ?? { result: label(state) || 'Unknown', tone: 'neutral' };
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
  if (state === 'Active' || state === '') return { label: label(every ?? 'unknown'), state, interval };
  const word = state === 'Paused' ? 'paused' : state === 'Disabled' ? 'disabled' : label(state);
  return { label: every && every !== 'no schedule' ? `${word} (${label(every)})` : word, state, interval };
}

function toEntryCounts(value: unknown): { key: string; value: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const key = label(text(obj(item)?.key));
    const count = num(obj(item)?.value);
    return key && count !== null ? [{ key, value: count }] : [];
  });
}

/** A job that is not quarantined but failed, or carries an error, gets the same advice a quarantine would. */
function toFailureAdvice(templateId: string, runFailed: boolean, error: SyncErrorView | null): Advice | null {
  if (!error && !runFailed) return null;
  return adviceFor({ templateId, reason: null, errorCode: error?.code, message: error?.message });
}

function buildJobView(job: Json, ctx: Context): JobView {
  const status = obj(job.status);
  const code = text(status?.code);
  const rawQuarantine = obj(status?.quarantine);
  const lastExecution = obj(status?.lastExecution);
  const quarantined = isQuarantined(code, rawQuarantine);
  const state = toStateView(code, quarantined);
  const consecutiveFailures = num(status?.countSuccessiveCompleteFailures);
  const runFailed = text(lastExecution?.state) === 'Failed';
  const templateId = text(job.templateId);
  const lastQuarantineError = quarantined ? null : toErrorView(rawQuarantine?.error);
  const lastRun = toRunView(lastExecution, ctx);
  return {
    jobId: text(job.id),
    templateId: label(templateId),
    state,
    needsAttention:
      quarantined || runFailed || (consecutiveFailures ?? 0) > 0 || state.key === 'unknown',
    quarantine: quarantined ? toQuarantineView(rawQuarantine, lastExecution, templateId, ctx) : null,
    lastQuarantineError,
    advice: quarantined ? null : toFailureAdvice(templateId, runFailed, lastRun?.error ?? lastQuarantineError),
    lastRun,
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

