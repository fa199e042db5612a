/**
 * Refresh known jobs: what the table holds after re-checking the apps that had jobs. Each app
 * answered takes its new jobs; an app that answered with no job any more leaves; an app that
 * could not be read (or was not reached, after a cancel) keeps what the last scan saw.
 */
import type { AppFailure, ScannedApp } from './types';

export function mergeRefresh(
  previous: readonly ScannedApp[],
  answered: readonly ScannedApp[],
  failed: readonly AppFailure[],
  /** The ids the refresh checked: answered, failed, or answered with no job. */
  checked: ReadonlySet<string>,
): ScannedApp[] {
  const fresh = new Map(answered.map((app) => [app.id, app]));
  const unreadable = new Set(failed.map((f) => f.servicePrincipalId));
  return previous.flatMap((app) => {
    const now = fresh.get(app.id);
    if (now) return [now];
    if (checked.has(app.id) && !unreadable.has(app.id)) return []; // answered: no job any more
    return [app];
  });
}
