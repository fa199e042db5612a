/**
 * Which actions fit a job's state (job-actions.md): restart any configured job; start only a paused
 * or quarantined one (Microsoft warns against starting a running job again); pause only an active or
 * quarantined one. Pure, so the card and the tests ask the same table.
 */
import type { JobStateKey } from '../job-view-types';
import { obj, text } from '../json-fields';
import type { JobActionKind, RestartChoice } from './types';

export function actionsFor(state: JobStateKey): JobActionKind[] {
  const fits: JobActionKind[] = [];
  if (state !== 'notConfigured') fits.push('restart');
  if (state === 'paused' || state === 'quarantined') fits.push('start');
  if (state === 'active' || state === 'quarantined') fits.push('pause');
  return fits;
}

export interface DeletionHold {
  /** The quarantine reason, verbatim. */
  quarantineReason?: string;
  /** Deletions staged by the service, when known (the provisioning logs' stagedDelete records). */
  stagedDeletes?: number;
}

/** Restart choices, in the dialog's order; ForceDeletes only when deletions are being held back. */
export function restartChoicesFor(hold: DeletionHold): RestartChoice[] {
  const held = hold.quarantineReason === 'TooManyDeletes' || (hold.stagedDeletes ?? 0) > 0;
  return held ? ['quarantine', 'portal', 'forceDeletes'] : ['quarantine', 'portal'];
}

/** The job's accidental-deletion threshold (`QuarantineTooManyDeletesThreshold`), when it says. */
export function deletionThresholdOf(job: unknown): number | null {
  const settings = obj(job)?.synchronizationJobSettings;
  if (!Array.isArray(settings)) return null;
  for (const entry of settings) {
    const pair = obj(entry);
    if (text(pair?.name) !== 'QuarantineTooManyDeletesThreshold') continue;
    const value = Number(text(pair?.value));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  }
  return null;
}
