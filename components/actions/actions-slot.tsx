import type { LensClient } from '@/lib/client';
import { appName } from '@/lib/job/templates';
import type { JobsPanelProps } from '../JobsPanel';
import { JobActions } from './JobActions';

/**
 * What the overlay and the popup hand JobsPanel when the admin opted in to job actions: the shown
 * job's actions, named after its app (or its template), reset when another job is shown.
 */
export function jobActionsSlot(client: LensClient, onChanged: () => void, copy: (text: string) => Promise<void>): NonNullable<JobsPanelProps['renderActions']> {
  return (view, raw, app) => (
    <JobActions key={`${app.servicePrincipalId}|${view.jobId}`} client={client} view={view} raw={raw} servicePrincipalId={app.servicePrincipalId}
      appName={appName(app.displayName, [view.templateId])?.name ?? 'this app'} onChanged={onChanged} copy={copy} />
  );
}
