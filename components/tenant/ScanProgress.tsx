import type { ScanProgress as Progress } from '@/lib/tenant/scan';

export interface ScanProgressProps {
  progress: Progress;
  onCancel: () => void;
}

const n = (value: number) => value.toLocaleString('en-US');

/** "about 40 s left", "about 3 min left"; nothing while the total is unknown. */
export function formatEta(ms: number | null): string {
  if (ms === null) return 'time left: known once every app is listed';
  if (ms < 1000) return 'almost done';
  const s = Math.round(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

/** The running scan: a bar, the counts so far, rate and time left, and Cancel. */
export function ScanProgress({ progress, onCancel }: ScanProgressProps) {
  const running = progress.phase === 'running' || progress.phase === 'cancelling';
  const total = Math.max(progress.apps, 1);
  return (
    <section class="pl-scan-progress" aria-label="Scan progress">
      <div class="pl-scan-bar-row">
        <progress max={total} value={progress.checked} aria-label="Apps checked">{`${progress.checked} of ${progress.apps}`}</progress>
        {running && (
          <button type="button" class="pl-btn" onClick={onCancel} aria-disabled={progress.phase === 'cancelling'}>
            {progress.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <dl class="pl-scan-counts">
        <div><dt>Apps listed</dt><dd data-count="apps">{n(progress.apps)}{progress.listed ? '' : '…'}</dd></div>
        <div><dt>Apps checked</dt><dd data-count="checked">{n(progress.checked)}</dd></div>
        <div><dt>Jobs found</dt><dd data-count="jobs">{n(progress.jobs)}</dd></div>
        <div><dt>Quarantined so far</dt><dd data-count="quarantined">{n(progress.quarantined)}</dd></div>
        {progress.failed > 0 && <div><dt>Apps not readable</dt><dd data-count="failed">{n(progress.failed)}</dd></div>}
      </dl>
      {running && (
        <p class="pl-caption">
          {progress.rate > 0 ? `${n(Math.round(progress.rate))} apps/s · ` : ''}
          {formatEta(progress.etaMs)}
          {progress.throttled > 0 && ` · Graph asked to slow down ${n(progress.throttled)} times`}
        </p>
      )}
    </section>
  );
}
