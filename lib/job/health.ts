/**
 * How a job is doing, in one word, from the job exactly as Graph returned it. The view model and the
 * toolbar badge both ask here, so a job the card calls quarantined is one the badge calls quarantined.
 * Small on purpose: the background imports it without the view model's texts and formatters.
 */
import { obj, text, type Json } from '../json-fields';
import { parseGraphTime } from '../time';

export type JobHealth = 'quarantined' | 'failing' | 'paused' | 'healthy';

/** graph-sync-api.md: `code` alone is not to be trusted in either direction. */
export function isQuarantined(code: string, quarantine: Json | null): boolean {
  return code === 'Quarantine' || (quarantine !== null && parseGraphTime(quarantine.currentBegan) !== null);
}

/** Quarantined first; then a failed last run or failures in a row; then paused; else healthy. */
export function jobHealth(job: unknown): JobHealth {
  const status = obj(obj(job)?.status);
  const code = text(status?.code);
  if (isQuarantined(code, obj(status?.quarantine))) return 'quarantined';
  const failures = Number(status?.countSuccessiveCompleteFailures);
  if (text(obj(status?.lastExecution)?.state) === 'Failed' || (Number.isFinite(failures) && failures > 0)) return 'failing';
  return code === 'Paused' ? 'paused' : 'healthy';
}
