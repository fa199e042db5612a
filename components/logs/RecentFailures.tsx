import { useState } from 'preact/hooks';
import { CLOUDS } from '@/lib/clouds';
import type { FailureGroup as Group } from '@/lib/logs/digest';
import type { FailuresLookup } from '@/lib/logs/types';
import { ErrorNotice } from '../ErrorNotice';
import type { ActionLink } from '../links';
import { FailureGroup } from './FailureGroup';
import { useFailures, type FailuresSource, type FailuresState } from './useFailures';

export interface RecentFailuresProps {
  jobId: string;
  /** Quarantined or failing: load at once (when the permissions are granted), and read an empty result as "never reached". */
  needsAttention: boolean;
  quarantined: boolean;
  source: FailuresSource;
  now: Date;
  timeZone?: string;
  copy: (text: string) => Promise<void>;
  /** The portal's provisioning logs, when the host can link there. */
  logsLink?: ActionLink;
}

const SHOW = 'Show recent failures';
/** Error codes shown before "Show all": the biggest groups say most; a card is no place for twenty. */
export const GROUPS_SHOWN = 5;

/** The provisioning logs of one job, digested: under the job in the overlay and the popup. */
export function RecentFailures(props: RecentFailuresProps) {
  const { state, show, grant, refresh } = useFailures(props.source, props.jobId, props.needsAttention);
  const link = props.logsLink?.href.startsWith('https://') ? (
    <a class="pl-link" href={props.logsLink.href} target="_blank" rel="noopener noreferrer">{props.logsLink.label}</a>
  ) : null;
  return (
    <section class="pl-failures" aria-label="Recent failures" aria-busy={state.status === 'loading' || state.status === 'granting'}>
      <h3>Recent failures</h3>
      <Body {...props} state={state} show={show} grant={grant} refresh={refresh} />
      {link && <p>{link}</p>}
    </section>
  );
}

interface BodyProps extends RecentFailuresProps {
  state: FailuresState;
  show: () => void;
  grant: () => void;
  refresh: () => void;
}

function Body({ state, show, grant, refresh, quarantined, now, timeZone, copy }: BodyProps) {
  const button = (label: string, onClick: () => void, primary = false) => (
    <button type="button" class={primary ? 'pl-btn pl-btn-primary' : 'pl-btn'} onClick={onClick}>{label}</button>
  );
  switch (state.status) {
    case 'idle':
      return (
        <div class="pl-stack">
          <p class="pl-caption">Which objects failed in the last 7 days, and why (provisioning logs, read-only).</p>
          <div>{button(SHOW, show)}</div>
        </div>
      );
    case 'loading':
      return <p class="pl-caption" role="status">Reading the provisioning logs…</p>;
    case 'granting':
      return <p class="pl-caption" role="status">Waiting for the sign-in window to grant access to the provisioning logs…</p>;
    case 'done':
      return <Answer answer={state.answer} {...{ show, grant, refresh, quarantined, now, timeZone, copy, button }} />;
  }
}

interface AnswerProps extends Pick<BodyProps, 'show' | 'grant' | 'refresh' | 'quarantined' | 'now' | 'timeZone' | 'copy'> {
  answer: FailuresLookup;
  button: (label: string, onClick: () => void, primary?: boolean) => preact.JSX.Element;
}

function Answer({ answer, show, grant, refresh, quarantined, now, timeZone, copy, button }: AnswerProps) {
  switch (answer.kind) {
    case 'notGranted':
      return (
        <div class="pl-stack">
          <p>
            Reading the provisioning logs needs two more read-only permissions, AuditLog.Read.All and Directory.Read.All
            (admin consent). Sign-in asks for them once.
          </p>
          <div>{button(SHOW, show, true)}</div>
        </div>
      );
    case 'notOffered':
      return <p>Microsoft Graph offers no provisioning logs in the {CLOUDS[answer.cloud].label} cloud, so none are read here. The portal's own logs may still have them.</p>;
    case 'notConfigured':
      return <p>Set Provisioning Lens up first (settings).</p>;
    case 'error':
      return (
        <ErrorNotice error={answer.error} copy={copy}>
          {answer.problem === 'consent' ? button('Grant access', grant, true) : answer.problem === 'licence' ? null : button('Try again', refresh)}
        </ErrorNotice>
      );
    case 'failures': {
      const { digest } = answer;
      return (
        <div class="pl-stack">
          {digest.groups.length === 0 ? (
            <p role="status">
              {quarantined
                ? `No failed objects in the last ${answer.days} days — the service could not reach the app at all (credentials, URL or agent).`
                : `No failed objects in the last ${answer.days} days.`}
            </p>
          ) : (
            <>
              <p role="status">
                {digest.failures.toLocaleString('en-US')} failed {digest.failures === 1 ? 'event' : 'events'} in the last {answer.days} days, by error code{answer.truncated ? ` (${digest.records.toLocaleString('en-US')} records read; there are more)` : ''}.
              </p>
              <GroupList groups={digest.groups} now={now} timeZone={timeZone} copy={copy} />
            </>
          )}
          {digest.skipped > 0 && (
            <p class="pl-caption">{digest.skipped.toLocaleString('en-US')} skipped (out of scope) {digest.skipped === 1 ? 'record is' : 'records are'} not counted as failures.</p>
          )}
          <div>{button('Refresh failures', refresh)}</div>
        </div>
      );
    }
  }
}

function GroupList({ groups, now, timeZone, copy }: { groups: readonly Group[] } & Pick<AnswerProps, 'now' | 'timeZone' | 'copy'>) {
  const [all, setAll] = useState(false);
  const shown = all ? groups : groups.slice(0, GROUPS_SHOWN);
  return (
    <>
      <ul class="pl-failure-list">
        {shown.map((group) => (
          <FailureGroup key={group.code} group={group} now={now} timeZone={timeZone} copy={copy} />
        ))}
      </ul>
      {groups.length > GROUPS_SHOWN && (
        <button type="button" class="pl-btn-link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the ${GROUPS_SHOWN} biggest only` : `Show all ${groups.length} error codes`}
        </button>
      )}
    </>
  );
}
