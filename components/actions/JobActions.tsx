import type { JobView } from '@/lib/job-view';
import type { LensClient } from '@/lib/client';
import { actionsFor, deletionThresholdOf, restartChoicesFor } from '@/lib/actions/fit';
import type { JobActionKind } from '@/lib/actions/types';
import { ErrorNotice } from '../ErrorNotice';
import { ActionDialog } from './ActionDialog';
import { JobNames } from './JobNames';
import { RestartDialog } from './RestartDialog';
import { useJobAction } from './useJobAction';

export interface JobActionsProps {
  client: Pick<LensClient, 'prepareJobAction' | 'runJobAction' | 'signIn'>;
  view: JobView;
  /** The job as Graph returned it (its deletion threshold). */
  raw: unknown;
  servicePrincipalId: string;
  appName: string;
  /** Deletions held back, when the provisioning logs tell. */
  stagedDeletes?: number;
  /** Looks the job up again, bypassing the cache. */
  onChanged: () => void;
  copy?: (text: string) => Promise<void>;
}

const BUTTON: Record<JobActionKind, [string, string]> = { restart: ['Restart…', 'Restarting…'], start: ['Start', 'Starting…'], pause: ['Pause…', 'Pausing…'] };
const DONE: Record<JobActionKind, string> = { restart: 'Restart', start: 'Start', pause: 'Pause' };

/** The actions that fit the job's state, each confirmed by the admin; shown only with the opt-in on. */
export function JobActions({ client, view, raw, servicePrincipalId, appName, stagedDeletes, onChanged, copy }: JobActionsProps) {
  const { phase, begin, confirm, close } = useJobAction(client, { servicePrincipalId, jobId: view.jobId, appName }, onChanged);
  const fits = actionsFor(view.state.key);
  if (fits.length === 0 || !view.jobId) return null;
  const busy = phase.kind === 'confirming' && phase.busy;
  return (
    <section class="pl-job-actions" aria-label="Job actions">
      <div class="pl-actions">
        {fits.map((kind) => {
          const working = busy && phase.kind === 'confirming' && phase.action === kind;
          return (
            <button key={kind} type="button" class="pl-btn" aria-disabled={busy} aria-busy={working} aria-haspopup={kind === 'start' ? undefined : 'dialog'}
              onClick={() => busy || void begin(kind)}>
              {BUTTON[kind][working && kind === 'start' ? 1 : 0]}
            </button>
          );
        })}
      </div>
      <p role="status" class="pl-caption">
        {phase.kind === 'done' && `${DONE[phase.action]} accepted by Graph${phase.requestId ? ` (request ID ${phase.requestId})` : ''}. The card shows the job as Graph reports it now, and looks again in 30 s.`}
      </p>
      {phase.kind === 'failed' && <ErrorNotice error={phase.error} copy={copy} />}
      {phase.kind === 'confirming' && phase.action === 'restart' && (
        <RestartDialog appName={appName} jobId={view.jobId} busy={phase.busy} error={phase.error} copy={copy}
          choices={restartChoicesFor({ quarantineReason: view.quarantine?.reason, stagedDeletes })}
          heldDeletes={stagedDeletes} deletionThreshold={deletionThresholdOf(raw)}
          onConfirm={(scope) => confirm({ kind: 'restart', scope })} onCancel={close} />
      )}
      {phase.kind === 'confirming' && phase.action === 'pause' && (
        <ActionDialog title="Pause provisioning job" confirmLabel="Pause job" busyLabel="Pausing…" busy={phase.busy} error={phase.error} copy={copy}
          onConfirm={() => confirm({ kind: 'pause' })} onCancel={close}>
          <JobNames appName={appName} jobId={view.jobId} />
          <p>The running cycle finishes first; progress and state are kept. Nothing is provisioned until the job is started again.</p>
        </ActionDialog>
      )}
    </section>
  );
}
