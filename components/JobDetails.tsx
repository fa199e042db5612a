import type { JobView } from '@/lib/job-view';
import { AdviceSteps } from './AdviceSteps';
import { ExpandableText } from './ExpandableText';
import { CodeText } from './IdText';
import type { ActionLink } from './links';
import { MESSAGE_LIMIT } from './QuarantineBlock';
import { TimeText } from './TimeText';
import { formatCount } from '@/lib/format';

export interface JobDetailsProps {
  view: Pick<JobView, 'lastRun' | 'lastQuarantineError' | 'advice' | 'consecutiveFailures' | 'steadyStateFirst' | 'steadyStateLast' | 'schedule' | 'entryCounts'>;
  /** The quarantine block already shows this error: don't repeat it. */
  hideRunError?: boolean;
  /** The one link that does a step of `view.advice`. */
  adviceLink?: ActionLink | null;
}

function count(n: number | null): string {
  return n === null ? '–' : formatCount(n);
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
          <dt>Objects</dt>
          <dd>
            {count(run.imported)} read · {count(run.exported)} written · {count(run.escrowed)} failed, retried later
          </dd>
        </>
      )}
      {run?.error && !hideRunError && (
        <>
          <dt>Error</dt>
          <dd>
            {run.error.code && <CodeText code={run.error.code} />}
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
            {view.lastQuarantineError.code && <CodeText code={view.lastQuarantineError.code} />}
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
      <dt>Last fully in sync</dt>
      <dd><TimeText time={view.steadyStateLast} /></dd>
      {view.steadyStateFirst && (
        <>
          <dt>First fully in sync</dt>
          <dd><TimeText time={view.steadyStateFirst} /></dd>
        </>
      )}
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
