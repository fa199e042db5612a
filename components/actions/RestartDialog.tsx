import { useState } from 'preact/hooks';
import type { LensError } from '@/lib/protocol';
import type { RestartChoice } from '@/lib/actions/types';
import { ActionDialog } from './ActionDialog';
import { JobNames } from './JobNames';

export interface RestartDialogProps {
  appName: string;
  jobId: string;
  choices: readonly RestartChoice[];
  /** Deletions held back, when known (the provisioning logs); else the job's threshold, when it says. */
  heldDeletes?: number | null;
  deletionThreshold?: number | null;
  busy: boolean;
  error?: LensError | null;
  onConfirm: (scope: RestartChoice) => void;
  onCancel: () => void;
  copy?: (text: string) => Promise<void>;
}

const LABELS: Record<RestartChoice, string> = {
  quarantine: 'Clear the quarantine and retry',
  portal: 'Restart as the portal does: clear quarantine, retries and watermark',
  forceDeletes: 'Let the held deletions through',
};

/** Restart, with its reset choices in plain words; letting held deletions through asks twice. */
export function RestartDialog(props: RestartDialogProps) {
  const [scope, setScope] = useState<RestartChoice>(props.choices[0] ?? 'quarantine');
  const [deletesChecked, setDeletesChecked] = useState(false);
  const held = props.heldDeletes
    ? `${props.heldDeletes} deletions are held back.`
    : props.deletionThreshold
      ? `More deletions than the job's threshold (${props.deletionThreshold} per cycle) are held back.`
      : 'The job is holding deletions back.';
  return (
    <ActionDialog title="Restart provisioning job" confirmLabel="Restart job" busyLabel="Restarting…" busy={props.busy}
      canConfirm={scope !== 'forceDeletes' || deletesChecked} error={props.error} onConfirm={() => props.onConfirm(scope)} onCancel={props.onCancel} copy={props.copy}>
      <JobNames appName={props.appName} jobId={props.jobId} />
      <fieldset class="pl-choices">
        <legend>What to reset</legend>
        {props.choices.map((choice) => (
          <label key={choice} class="pl-check">
            <input type="radio" name="pl-reset-scope" value={choice} checked={scope === choice} disabled={props.busy} onChange={() => setScope(choice)} />
            <span>
              {LABELS[choice]}
              {choice === 'portal' && <span class="pl-caption pl-block">Every object is evaluated again: a full cycle can take hours on big tenants.</span>}
              {choice === 'forceDeletes' && <span class="pl-caption pl-block">{held} Check them in the provisioning logs first.</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {scope === 'forceDeletes' && (
        <label class="pl-check pl-confirm-twice">
          <input type="checkbox" checked={deletesChecked} disabled={props.busy} onChange={(event) => setDeletesChecked((event.currentTarget as HTMLInputElement).checked)} />
          <span>I have checked the pending deletions: delete these objects in the target app.</span>
        </label>
      )}
    </ActionDialog>
  );
}
