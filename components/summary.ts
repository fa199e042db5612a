import type { JobView } from '@/lib/job-view';
import { pickDefaultJob } from '@/lib/job-view';
import type { JobLookup } from '@/lib/protocol';

/** What the panel shows: a lookup answer, or the wait for one. */
export type PanelState = JobLookup | { kind: 'loading' };

/** "Quarantined · scim": a job's state in one short line (the collapsed overlay, announcements). */
export function jobSummary(view: Pick<JobView, 'state' | 'templateId'>): string {
  return [view.state.label, view.templateId].filter(Boolean).join(' · ');
}

/** The index of the job to show: the caller's choice when valid, else the one that needs attention. */
export function defaultJobIndex(views: readonly JobView[], preferred?: number): number {
  if (preferred !== undefined && preferred >= 0 && preferred < views.length) return preferred;
  return views.length === 0 ? 0 : pickDefaultJob(views);
}

/** One line for the collapsed overlay pill: the state of the job that needs attention first. */
export function lookupSummary(state: PanelState, toView: (raw: unknown) => JobView): string {
  switch (state.kind) {
    case 'loading':
      return 'Loading…';
    case 'signedOut':
      return 'Not signed in';
    case 'notConfigured':
      return 'Not set up';
    case 'error':
      return 'Error';
    case 'jobs': {
      if (state.jobs.length === 0) return 'No provisioning job';
      const views = state.jobs.map(toView);
      const view = views[defaultJobIndex(views)];
      return view ? jobSummary(view) : 'No provisioning job';
    }
  }
}
