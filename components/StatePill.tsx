import type { JobStateKey, JobStateView } from '@/lib/job-view';

export interface StatePillProps {
  state: Pick<JobStateView, 'key' | 'label' | 'tone'>;
}

/**
 * An icon goes with every state word so the state is never told by colour alone. Drawn as SVG
 * paths: emoji and symbol glyphs are missing from many fonts (a blank box is no icon).
 */
const ICON_PATHS: Record<JobStateKey, string> = {
  quarantined: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-3.5 6h7v2h-7Z',
  active: 'M6.5 11.6 3 8.1l1.4-1.4 2.1 2.1 5.1-5.1L13 5.1Z',
  paused: 'M4 3h3v10H4Zm5 0h3v10H9Z',
  notRun: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Zm0 1.6a4.4 4.4 0 1 1 0 8.8 4.4 4.4 0 0 1 0-8.8Z',
  notConfigured: 'M3 7h10v2H3Z',
  unknown: 'M7 11h2v2H7Zm1-8a3 3 0 0 1 3 3c0 1.3-.8 1.9-1.4 2.3-.4.3-.6.5-.6.9V10H7v-.9c0-1.2.8-1.8 1.4-2.2.4-.3.6-.5.6-.9a1 1 0 0 0-2 0H5a3 3 0 0 1 3-3Z',
};

/** The icon of one state, decorative (the word beside it tells the state); in the text's colour. */
export function StateIcon({ state }: { state: JobStateKey }) {
  return (
    <svg class="pl-pill-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[state]} fill="currentColor" />
    </svg>
  );
}

/** The job's state: icon + word (verbatim when unknown), toned by class. */
export function StatePill({ state }: StatePillProps) {
  return (
    <span class={`pl-pill pl-tone-${state.tone}`} data-state={state.key}>
      <StateIcon state={state.key} />
      <span>{state.label}</span>
    </span>
  );
}
