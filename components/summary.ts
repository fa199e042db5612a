import type { JobStateKey, JobView, Tone } from '@/lib/job-view';
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

/** What the collapsed overlay pill shows: a word (and template), its tone, and the state's icon when there is one. */
export interface PillState {
  label: string;
  tone: Tone;
  icon?: JobStateKey;
}

/** The collapsed overlay pill: the state of the job that needs attention first, or what stands in the way. */
export function lookupPill(state: PanelState, toView: (raw: unknown) => JobView): PillState {
  switch (state.kind) {
    case 'loading':
      return { label: 'Loading…', tone: 'neutral' };
    case 'signedOut':
      return { label: 'Not signed in', tone: 'neutral' };
    case 'notConfigured':
      return { label: 'Not set up', tone: 'neutral' };
    case 'error':
      // The "blocked" icon of a quarantine is the generic error sign here too; the word says which.
      return { label: 'Error', tone: 'error', icon: 'quarantined' };
    case 'jobs': {
      const views = state.jobs.map(toView);
      const view = views[defaultJobIndex(views)];
      if (!view) return { label: 'No provisioning job', tone: 'neutral', icon: 'notConfigured' };
      return { label: jobSummary(view), tone: view.state.tone, icon: view.state.key };
    }
  }
}

/** One line for the collapsed overlay pill, e.g. "Quarantined · scim". */
export function lookupSummary(state: PanelState, toView: (raw: unknown) => JobView): string {
  return lookupPill(state, toView).label;
}
