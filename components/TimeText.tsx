import type { TimeView } from '@/lib/job-view';

export interface TimeTextProps {
  /** null renders `fallback` ("never", "no schedule", "unknown"). */
  time: TimeView | null;
  fallback?: string;
  /** Show the absolute time on screen too, for the times an admin acts on (since, next attempt). */
  showAbsolute?: boolean;
}

/**
 * Relative first; the absolute time on hover (`title`) and for screen readers (hidden text),
 * read as "in 5 h (Sat 28 Nov 2026, 14:05)".
 */
export function TimeText({ time, fallback = 'never', showAbsolute = false }: TimeTextProps) {
  if (!time) return <span>{fallback}</span>;
  return (
    <time dateTime={time.iso} title={time.absolute}>
      {time.relative}
      <span class={showAbsolute ? 'pl-caption' : 'pl-sr'}> ({time.absolute})</span>
    </time>
  );
}
