/**
 * The background check of watched jobs: one jobs request per service principal (all its jobs at
 * once), with the silently renewed token the lookups use. It never opens a sign-in window: when the
 * session has ended it says so once and stops until the admin signs in again.
 */
import { num, obj, text } from '../json-fields';
import { jobHealth } from '../job/health';
import type { JobLookup, JobQuery } from '../protocol';
import type { JobsCheck } from '../tenant/types';
import { needingAttention, sameJob, watchEvents, type WatchedJob, type WatchedState, type WatchEvent } from './watched';

export interface WatchCheckDeps {
  read(): Promise<WatchedJob[]>;
  write(list: WatchedJob[]): Promise<void>;
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  /**
   * Jobs of up to 20 service principals in one JSON batch (the tenant scan's layer), used when
   * several are watched; absent: one lookup per service principal.
   */
  checkJobs?(servicePrincipalIds: readonly string[]): Promise<JobsCheck>;
  /** Tells the admin; absent when notifications are off or not permitted. */
  notify?(job: WatchedJob, event: WatchEvent): Promise<void>;
  /** Tells the admin the session ended; called once per ending, not on every check after it. */
  notifySessionEnded?(): Promise<void>;
  /** Whether the last check found the session ended (kept in storage across worker restarts). */
  readSessionEnded(): Promise<boolean>;
  writeSessionEnded(ended: boolean): Promise<void>;
  /** The toolbar's own badge (no tab): how many watched jobs need attention, or that the session ended. */
  showSummary(summary: WatchSummary): Promise<void>;
  now(): number;
}

export interface WatchSummary {
  attention: number;
  sessionEnded: boolean;
}

export interface WatchCheckResult extends WatchSummary {
  checked: number;
  events: { job: WatchedJob; event: WatchEvent }[];
}

function stateOf(lookup: JobLookup, jobId: string, checkedAt: string): WatchedState | null {
  if (lookup.kind === 'jobs') {
    const job = lookup.jobs.find((candidate) => text(obj(candidate)?.id) === jobId);
    if (!job) return { health: 'gone', consecutiveFailures: 0, checkedAt };
    return { health: jobHealth(job), consecutiveFailures: num(obj(obj(job)?.status)?.countSuccessiveCompleteFailures) ?? 0, checkedAt };
  }
  // A service principal Graph no longer finds is a job gone; any other failure leaves the last state as it was.
  if (lookup.kind === 'error' && lookup.error.status === 404) return { health: 'gone', consecutiveFailures: 0, checkedAt };
  return null;
}

/** The batch answers as lookups, 20 service principals a batch; null when batching does not apply or failed. */
async function batchedAnswers(deps: WatchCheckDeps, ids: readonly string[]): Promise<Map<string, JobLookup> | null> {
  if (!deps.checkJobs || ids.length < 2) return null;
  const answers = new Map<string, JobLookup>();
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const check = await deps.checkJobs(ids.slice(i, i + BATCH_SIZE));
    if (check.kind === 'signedOut' || check.kind === 'notConfigured') {
      for (const id of ids) answers.set(id, check);
      return answers;
    }
    if (check.kind !== 'checked') return null; // the lookups say it per app, in their own words
    for (const { servicePrincipalId, outcome } of check.results) {
      answers.set(
        servicePrincipalId,
        outcome.ok
          ? { kind: 'jobs', servicePrincipalId, jobs: outcome.jobs, fetchedAt: check.fetchedAt }
          : { kind: 'error', error: { kind: 'graph', title: outcome.message ?? 'Graph refused.', action: '', status: outcome.status, code: outcome.code } },
      );
    }
  }
  return answers;
}

const BATCH_SIZE = 20;

export async function checkWatched(deps: WatchCheckDeps): Promise<WatchCheckResult> {
  const list = await deps.read();
  const checkedAt = new Date(deps.now()).toISOString();
  const events: WatchCheckResult['events'] = [];
  const updated = [...list];
  let sessionEnded = false;
  let checked = 0;
  const groups = new Map<string, WatchedJob[]>();
  for (const job of list) {
    const key = `${job.cloud}|${job.servicePrincipalId}`;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  const answers = await batchedAnswers(deps, [...groups.values()].map((jobs) => jobs[0]!.servicePrincipalId));
  for (const jobs of groups.values()) {
    const { cloud, servicePrincipalId } = jobs[0]!;
    const lookup = answers?.get(servicePrincipalId) ?? (await deps.lookupJobs({ cloud, servicePrincipalId, fresh: true }));
    if (lookup.kind === 'signedOut' || lookup.kind === 'notConfigured') {
      sessionEnded = true;
      break; // every other request would need the same session
    }
    for (const job of jobs) {
      const state = stateOf(lookup, job.jobId, checkedAt);
      if (!state) continue;
      checked++;
      for (const event of watchEvents(job.last, state)) events.push({ job, event });
      const index = updated.findIndex((item) => sameJob(item, job));
      updated[index] = { ...job, last: state };
    }
  }
  // Written before telling anyone, so a worker stopped mid-way never tells the same change twice.
  // The admin may have changed the list meanwhile: only the jobs still watched keep the new states.
  const current = await deps.read();
  await deps.write(current.map((job) => updated.find((item) => sameJob(item, job)) ?? job));
  for (const { job, event } of events) await deps.notify?.(job, event).catch(() => undefined);
  if (sessionEnded !== (await deps.readSessionEnded())) {
    await deps.writeSessionEnded(sessionEnded);
    if (sessionEnded) await deps.notifySessionEnded?.().catch(() => undefined);
  }
  const summary = { attention: needingAttention(updated), sessionEnded };
  await deps.showSummary(summary);
  return { ...summary, checked, events };
}
