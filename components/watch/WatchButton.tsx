export interface WatchButtonProps {
  watching: boolean;
  onChange: (watch: boolean) => void;
}

/** A toggle: the background re-checks a watched job on a timer and says when it changes. */
export function WatchButton({ watching, onChange }: WatchButtonProps) {
  return (
    <button
      type="button"
      class="pl-btn"
      aria-pressed={watching}
      title={watching ? 'Checked in the background; select to stop watching' : 'Check this job in the background and tell me when it changes'}
      onClick={() => onChange(!watching)}
    >
      {watching ? 'Watching' : 'Watch'}
    </button>
  );
}
