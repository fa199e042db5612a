import { useEffect, useRef, useState } from 'preact/hooks';
import { CLOUDS, type CloudId } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import type { TenantRow } from '@/lib/tenant/rows';
import { JobsPanel, type JobsPanelProps } from '../JobsPanel';
import { portalLinks } from '../links';
import type { PanelState } from '../summary';
import { useJobView } from '../useJobView';

export interface TenantJobProps {
  row: TenantRow;
  cloud: CloudId;
  client: LensClient;
  now: Date;
  timeZone?: string;
  copy: (text: string) => Promise<void>;
  onClose: () => void;
  /** A refresh read this app's jobs again: the table takes them too. */
  onJobs?: (servicePrincipalId: string, jobs: unknown[], fetchedAt: string) => void;
  /** The Watch toggle's list and setter (the page keeps one list for the toggle and its watched list). */
  watch?: JobsPanelProps['watch'];
}

/** The job of one row in the same job view the overlay and popup use; Refresh asks Graph again. */
export function TenantJob({ row, cloud, client, now, timeZone, copy, onClose, onJobs, watch }: TenantJobProps) {
  const scanned: PanelState = { kind: 'jobs', servicePrincipalId: row.servicePrincipalId, appId: row.appId, displayName: row.appName, jobs: [row.raw], fetchedAt: row.fetchedAt?.iso ?? '' };
  const [state, setState] = useState<PanelState>(scanned);
  const [refreshing, setRefreshing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const toView = useJobView(now, timeZone);
  useEffect(() => {
    setState(scanned);
    heading.current?.focus();
  }, [row.key]);
  const refresh = async () => {
    setRefreshing(true);
    const answer = await client.lookupJobs({ cloud, servicePrincipalId: row.servicePrincipalId, fresh: true });
    if (answer.kind === 'jobs') onJobs?.(row.servicePrincipalId, answer.jobs, answer.fetchedAt);
    // The row is one job: show that job again when it is still there, else whatever Graph said.
    const jobId = row.view.jobId;
    setState(answer.kind === 'jobs' && jobId ? { ...answer, jobs: answer.jobs.filter((job) => (job as { id?: unknown })?.id === jobId) } : answer);
    setRefreshing(false);
  };
  return (
    <section class="pl-tenant-job" aria-labelledby="pl-tenant-job-title">
      <div class="pl-header-bar">
        <h2 id="pl-tenant-job-title" tabIndex={-1} ref={heading}>{row.appName}</h2>
        <button type="button" class="pl-btn" onClick={onClose}>Close</button>
      </div>
      <JobsPanel state={state} toView={toView} now={now} timeZone={timeZone} refreshing={refreshing} onRefresh={refresh}
        onSignIn={() => void client.signIn().then(refresh)} onOpenSettings={() => void client.openSettings()} copy={copy}
        links={portalLinks(CLOUDS[cloud].portalHosts[0]!, row.appId, row.servicePrincipalId)} watch={watch} />
    </section>
  );
}
