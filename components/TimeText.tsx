import type { TimeView } from '@/lib/job-view';

export interface TimeTextProps {
  /** null renders `fallback` ("never", "no schedule", "unknown"). */
  time: TimeView | null;
  fallback?: string;
}

/**
 * Relative first; the absolute time on hover (`title`) and for screen readers (hidden text),
 * read as "in 5 h (Sat 28 Nov 2026, 14:05)".
 */
export function TimeText({ time, fallback = 'never' }: TimeTextProps) {
  if (!time) return <span>{fallback}</span>;
  return (
    <time dateTime={time.iso} title={time.absolute}>
      {time.relative}
      <span class="pl-sr"> ({time.absolute})</span>
    </time>
  );
}
