/**
 * How long a quarantine may last before Microsoft disables the job (quarantine.md). The figure is
 * Microsoft's and "subject to change": it lives here, in one place. What to do about a quarantine is
 * lib/job/advice.ts.
 */

/** A job quarantined for longer than this is disabled (Microsoft: "more than 4 weeks"). */
export const DISABLE_AFTER_DAYS = 28;
const DAY_MS = 86_400_000;

/** When a quarantine that began at `began` (seriesBegan, else currentBegan) disables the job. */
export function disableDate(began: Date): Date {
  return new Date(began.getTime() + DISABLE_AFTER_DAYS * DAY_MS);
}

/**
 * Days left before the 4-week disable, counting a started day as a whole one (so 0 means the
 * deadline has passed, and 19 days 23 h left reads 20); null when the start is unknown.
 */
export function daysUntilDisable(began: Date | null, now: Date): number | null {
  if (!began || !Number.isFinite(began.getTime()) || !Number.isFinite(now.getTime())) return null;
  const left = disableDate(began).getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}
