import { useId, useMemo, useState } from 'preact/hooks';
import type { JobView } from '@/lib/job-view';
import { label, prettyJson } from '@/lib/json-fields';
import { toTimeView } from '@/lib/time';
import { CopyButton } from './CopyButton';
import { CopyJsonButton } from './CopyJsonButton';
import { IdText } from './IdText';
import { JobDetails } from './JobDetails';
import { QuarantineBlock, type ActionLink } from './QuarantineBlock';
import { RawJson } from './RawJson';
import { StatePill } from './StatePill';
import { TimeText } from './TimeText';

export interface JobCardProps {
  view: JobView;
  /** The job exactly as Graph returned it: Copy JSON and the raw tree use this, not the view. */
  raw: unknown;
  /** ISO time of the Graph response. */
  fetchedAt: string;
  now: Date;
  /** IANA zone for the fetch time's absolute form; default: the runtime's. */
  timeZone?: string;
  onRefresh: () => void;
  /** A refresh is in flight: the button stays focusable but inert (aria-disabled), and says so. */
  refreshing?: boolean;
  copy: (text: string) => Promise<void>;
  /** Portal links for the quarantine steps (Provisioning blade, provisioning logs). */
  links?: readonly ActionLink[];
}

/** One job: state, quarantine answers, details, then Copy JSON · Refresh · fetch time · raw JSON. */
export function JobCard({ view, raw, fetchedAt, now, timeZone, onRefresh, refreshing = false, copy, links }: JobCardProps) {
  const [showRaw, setShowRaw] = useState(false);
  const rawId = useId();
  const json = useMemo(() => prettyJson(raw), [raw]);
  const fetched = toTimeView(fetchedAt, now, timeZone);

  return (
    <article class="pl-job" aria-label={`Provisioning job ${label(view.jobId)}`}>
      <div class="pl-job-head">
        <StatePill state={view.state} />
        {view.templateId && <span>{view.templateId}</span>}
        <span class="pl-id">
          <span class="pl-mono"><IdText id={label(view.jobId)} /></span>
          <CopyButton text={view.jobId} copy={copy} label="Copy" name="Copy job ID" class="pl-btn-icon" fallbackLabel="Job ID" />
        </span>
      </div>
      {view.quarantine && <QuarantineBlock quarantine={view.quarantine} troubleshootingUrl={view.troubleshootingUrl} links={links} />}
      <JobDetails view={view} hideRunError={Boolean(view.quarantine?.error)} />
      <div class="pl-actions">
        <CopyJsonButton text={json} copy={copy} />
        <button type="button" class="pl-btn" onClick={() => refreshing || onRefresh()} aria-disabled={refreshing}>
          Refresh
        </button>
        <span class="pl-caption">
          {refreshing ? 'Refreshing…' : <>Updated <TimeText time={fetched} fallback="at an unknown time" /></>}
          {timeZone === 'UTC' && ' · times in UTC'}
        </span>
        <button type="button" class="pl-btn-link" aria-expanded={showRaw} aria-controls={rawId} onClick={() => setShowRaw(!showRaw)}>
          {showRaw ? 'Hide raw JSON' : 'Show raw JSON'}
        </button>
      </div>
      <div id={rawId} hidden={!showRaw}>
        {showRaw && <RawJson value={raw} />}
      </div>
    </article>
  );
}
