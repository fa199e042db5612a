import type { QuarantineView } from '@/lib/job-view';
import { AdviceSteps } from './AdviceSteps';
import { ExpandableText } from './ExpandableText';
import type { ActionLink } from './links';
import { TimeText } from './TimeText';

export interface QuarantineBlockProps {
  quarantine: QuarantineView;
  /** The one link that does a step (components/links.ts adviceLink); only an https one is shown. */
  link?: ActionLink | null;
}

/** Messages longer than this are cut behind "Show more". */
export const MESSAGE_LIMIT = 300;

function yesNo(value: boolean | null | undefined): string {
  return value === true ? 'Yes' : value === false ? 'No' : 'Unknown';
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/**
 * The quarantine answers, in the order an admin needs them: why, what to do, the exact error,
 * since when, the next attempt, days before the job is disabled, whether the tenant can act, series.
 */
export function QuarantineBlock({ quarantine: q, link }: QuarantineBlockProps) {
  return (
    <section class="pl-quarantine" aria-label="Quarantine">
      <h3>Why it is in quarantine</h3>
      <p>{q.advice.why}</p>
      <h3>What to do</h3>
      <AdviceSteps steps={q.advice.steps} link={link} />
      {q.error && (
        <>
          <h3>Error</h3>
          {q.error.code && <p class="pl-mono">{q.error.code}</p>}
          {q.error.message && (
            <p>
              <ExpandableText text={q.error.message} limit={MESSAGE_LIMIT} />
            </p>
          )}
        </>
      )}
      <dl class="pl-dl">
        <dt>Since</dt>
        <dd><TimeText time={q.since} fallback="unknown" showAbsolute /></dd>
        <dt>Next attempt</dt>
        <dd><TimeText time={q.nextAttempt} fallback="not scheduled" showAbsolute /></dd>
        <dt>Disabled in</dt>
        <dd>
          {q.daysUntilDisable === null ? 'unknown' : q.daysUntilDisable === 0 ? 'overdue (0 days)' : days(q.daysUntilDisable)}
          {q.disableAt && <> · <time dateTime={q.disableAt.iso}>{q.disableAt.absolute}</time></>}
        </dd>
        <dt>Tenant can act</dt>
        <dd>{yesNo(q.error?.tenantActionable)}</dd>
        <dt>Series</dt>
        <dd>
          {q.seriesBegan ? <>began <TimeText time={q.seriesBegan} /></> : 'start unknown'}
          {q.seriesCount !== null && ` · ${q.seriesCount} ${q.seriesCount === 1 ? 'evaluation' : 'evaluations'}`}
        </dd>
      </dl>
    </section>
  );
}
