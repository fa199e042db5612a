import type { ComponentChildren } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import type { JobView } from '@/lib/job-view';
import { label, prettyJson } from '@/lib/json-fields';
import { toTimeView } from '@/lib/time';
import { CopyJsonButton } from './CopyJsonButton';
import { CopyableId } from './IdText';
import { JobDetails } from './JobDetails';
import { RecentFailures } from './logs/RecentFailures';
import type { FailuresSource } from './logs/useFailures';
import { adviceLink, type PortalLinks } from './links';
import { QuarantineBlock } from './QuarantineBlock';
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
  /** The portal pages the host can offer for the advice's steps (Provisioning page, provisioning logs). */
  links?: PortalLinks;
  /** Job actions (restart, start, pause), when the admin opted in: components/actions/JobActions. */
  actions?: ComponentChildren;
  /** The Watch toggle, in the row of Copy JSON and Refresh (components/watch). */
  watch?: ComponentChildren;
  /** The provisioning logs' digest; without it the card has no Recent failures section. */
  failures?: FailuresSource;
}

/** One job: state, quarantine answers, details, then Copy JSON · Refresh · fetch time · raw JSON. */
export function JobCard({ view, raw, fetchedAt, now, timeZone, onRefresh, refreshing = false, copy, links = {}, actions, watch, failures }: JobCardProps) {
  const [showRaw, setShowRaw] = useState(false);
  const rawId = useId();
  const json = useMemo(() => prettyJson(raw), [raw]);
  const fetched = toTimeView(fetchedAt, now, timeZone);
  const link = adviceLink(view.quarantine?.advice ?? view.advice, links, view.troubleshootingUrl);

  return (
    <article class="pl-job" aria-label={`Provisioning job ${label(view.jobId)}`}>
      <div class="pl-job-head">
        <StatePill state={view.state} />
        {view.templateId && <span class="pl-template">{view.templateId}</span>}
      </div>
      {view.jobId && <CopyableId id={view.jobId} name="Job ID" copy={copy} />}
      {view.quarantine && <QuarantineBlock quarantine={view.quarantine} link={link} />}
      <JobDetails view={view} hideRunError={Boolean(view.quarantine?.error)} adviceLink={link} />
      {failures && view.jobId && (
        <RecentFailures key={view.jobId} jobId={view.jobId} needsAttention={view.needsAttention} quarantined={view.state.key === 'quarantined'}
          source={failures} now={now} timeZone={timeZone} copy={copy} logsLink={links.provisioningLogs} />
      )}
      {actions}
      <div class="pl-actions">
        <CopyJsonButton text={json} copy={copy} />
        <button type="button" class="pl-btn" onClick={() => refreshing || onRefresh()} aria-disabled={refreshing}>
          Refresh
        </button>
        {watch}
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
