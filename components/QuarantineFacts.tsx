import type { QuarantineView } from '@/lib/job-view';
import { TimeText } from './TimeText';

function reevaluated(count: number | null): string {
  if (!count) return 'Start of this run of quarantines: ';
  return `Re-evaluated ${count} ${count === 1 ? 'time' : 'times'} since, still quarantined; `;
}

/**
 * When, how long and who can act, in the admin's words, every time told the same way (relative, then
 * absolute). "Quarantined since" is this quarantine; "first quarantined" is the start of the series
 * of back-to-back quarantines, which is what the 4-week disable counts from. What Graph leaves
 * unknown is left out rather than shown as "Unknown".
 */
export function QuarantineFacts({ quarantine: q }: { quarantine: QuarantineView }) {
  const series = q.seriesBegan !== null && (q.seriesBegan.iso !== q.since?.iso || (q.seriesCount ?? 0) > 0);
  const actionable = q.error?.tenantActionable;
  return (
    <dl class="pl-dl" aria-label="Quarantine facts">
      <dt>Quarantined since</dt>
      <dd><TimeText time={q.since} fallback="unknown" showAbsolute /></dd>
      {series && (
        <>
          <dt>First quarantined</dt>
          <dd>
            <TimeText time={q.seriesBegan} showAbsolute />
            <span class="pl-caption pl-block">
              {reevaluated(q.seriesCount)}the 4-week limit counts from here.
            </span>
          </dd>
        </>
      )}
      <dt>Next attempt</dt>
      <dd><TimeText time={q.nextAttempt} fallback="not scheduled" showAbsolute /></dd>
      <dt>Job disabled</dt>
      <dd>
        {q.daysUntilDisable === 0 ? (
          <span class="pl-text-error">now: the 4-week limit has passed</span>
        ) : (
          <TimeText time={q.disableAt} fallback="unknown" showAbsolute />
        )}
      </dd>
      {actionable !== null && actionable !== undefined && (
        <>
          <dt>Fixable by you</dt>
          <dd>{actionable ? 'Yes: the fix is in your tenant or the app\'s settings' : 'No: the app\'s vendor or Microsoft has to act'}</dd>
        </>
      )}
    </dl>
  );
}
