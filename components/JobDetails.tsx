import type { JobView } from '@/lib/job-view';
import { AdviceSteps } from './AdviceSteps';
import { ExpandableText } from './ExpandableText';
import type { ActionLink } from './links';
import { MESSAGE_LIMIT } from './QuarantineBlock';
import { TimeText } from './TimeText';

export interface JobDetailsProps {
  view: Pick<JobView, 'lastRun' | 'lastQuarantineError' | 'advice' | 'consecutiveFailures' | 'steadyStateFirst' | 'steadyStateLast' | 'schedule' | 'entryCounts'>;
  /** The quarantine block already shows this error: don't repeat it. */
  hideRunError?: boolean;
  /** The one link that does a step of `view.advice`. */
  adviceLink?: ActionLink | null;
}

// One formatter for every count: toLocaleString would build a new one per call.
const COUNT = new Intl.NumberFormat('en-US');

function count(n: number | null): string {
  return n === null ? '–' : COUNT.format(n);
}

/** Last run, steady state, schedule and entry counts as one compact definition list. */
export function JobDetails({ view, hideRunError = false, adviceLink }: JobDetailsProps) {
  const run = view.lastRun;
  return (
    <dl class="pl-dl" aria-label="Job details">
      <dt>Last run</dt>
      <dd>
        {run ? <span class={`pl-text-${run.tone}`}>{run.result}</span> : 'never'}
      </dd>
      {run && (
        <>
          <dt>Began</dt>
          <dd><TimeText time={run.began} fallback="unknown" /></dd>
          <dt>Ended</dt>
          <dd><TimeText time={run.ended} fallback="not yet" /></dd>
          <dt>Imported / exported / escrowed</dt>
          <dd>
            {count(run.imported)} / {count(run.exported)} / {count(run.escrowed)}
          </dd>
        </>
      )}
      {run?.error && !hideRunError && (
        <>
          <dt>Error</dt>
          <dd>
            {run.error.code && <span class="pl-mono">{run.error.code}</span>}
            {run.error.code && run.error.message && ': '}
            <ExpandableText text={run.error.message} limit={MESSAGE_LIMIT} />
          </dd>
        </>
      )}
      {view.lastQuarantineError && (
        // Left on the job by an earlier quarantine (Microsoft's own example: "Paused" with invalid credentials).
        <>
          <dt>Last quarantine error</dt>
          <dd>
            {view.lastQuarantineError.code && <span class="pl-mono">{view.lastQuarantineError.code}</span>}
            {view.lastQuarantineError.code && view.lastQuarantineError.message && ': '}
            <ExpandableText text={view.lastQuarantineError.message} limit={MESSAGE_LIMIT} />
          </dd>
        </>
      )}
      {view.advice && (
        // A job that failed outside quarantine gets the advice the quarantine block would give for its error.
        <>
          <dt>What to do</dt>
          <dd>
            <AdviceSteps steps={view.advice.steps} link={adviceLink} />
          </dd>
        </>
      )}
      {view.consecutiveFailures !== null && (
        <>
          <dt>Consecutive failures</dt>
          <dd>{count(view.consecutiveFailures)}</dd>
        </>
      )}
      <dt>Steady state first</dt>
      <dd><TimeText time={view.steadyStateFirst} /></dd>
      <dt>Steady state last</dt>
      <dd><TimeText time={view.steadyStateLast} /></dd>
      <dt>Schedule</dt>
      <dd>{view.schedule.label}</dd>
      {view.entryCounts.length > 0 && (
        <>
          <dt>Entries</dt>
          <dd>
            <ul class="pl-inline-list">
              {view.entryCounts.map(({ key, value }) => (
                <li key={key}>
                  {key}: {count(value)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
