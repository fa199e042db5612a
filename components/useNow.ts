import { useEffect, useState } from 'preact/hooks';

/** The current time, renewed every `everyMs`, so "in 5 h" and "Updated 3 min ago" stay true while the card stays open. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
