import type { JobStateKey, JobStateView } from '@/lib/job-view';

export interface StatePillProps {
  state: Pick<JobStateView, 'key' | 'label' | 'tone'>;
}

/** An icon goes with every state word so the state is never told by colour alone. */
const ICONS: Record<JobStateKey, string> = {
  quarantined: '⛔',
  active: '✓',
  paused: '⏸',
  notRun: '○',
  notConfigured: '–',
  unknown: '?',
};

/** The job's state: icon + word (verbatim when unknown), toned by class. */
export function StatePill({ state }: StatePillProps) {
  return (
    <span class={`pl-pill pl-tone-${state.tone}`} data-state={state.key}>
      <span aria-hidden="true">{ICONS[state.key]}</span>
      <span>{state.label}</span>
    </span>
  );
}
