import type { ActionRecord } from '@/lib/actions/history';
import type { RestartChoice } from '@/lib/actions/types';
import { IdText } from '../IdText';

export interface ActionHistoryProps {
  records: readonly ActionRecord[];
  onClear: () => void;
  timeZone?: string;
}

const ACTION: Record<ActionRecord['action'], string> = { restart: 'Restart', start: 'Start', pause: 'Pause' };
const SCOPE: Record<RestartChoice, string> = { quarantine: 'QuarantineState', portal: 'Watermark, Escrows, QuarantineState', forceDeletes: 'ForceDeletes' };
const RESULT: Record<ActionRecord['result'], string> = { done: 'Accepted', failed: 'Refused', unknown: 'Unknown: may have reached Graph' };

/** The options page's record of actions taken from this browser: kept here, never sent anywhere. */
export function ActionHistory({ records, onClear, timeZone }: ActionHistoryProps) {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  return (
    <section class="pl-stack" aria-labelledby="history-heading">
      <h2 id="history-heading">Job actions taken</h2>
      <p class="pl-caption">Kept in this browser's extension storage only (the last 100), never sent anywhere.</p>
      {records.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <div class="pl-table-wrap">
          <table class="pl-history">
            <thead>
              <tr><th scope="col">Time</th><th scope="col">App and job</th><th scope="col">Action</th><th scope="col">Result</th><th scope="col">Request ID</th></tr>
            </thead>
            <tbody>
              {records.map((record, i) => (
                <tr key={`${record.at}|${i}`}>
                  <td><time dateTime={record.at}>{format.format(new Date(record.at))}</time></td>
                  <td>{record.appName ?? record.servicePrincipalId}<br /><IdText id={record.jobId} /></td>
                  <td>{ACTION[record.action]}{record.scope && <><br /><span class="pl-mono">{SCOPE[record.scope]}</span></>}</td>
                  <td>{RESULT[record.result]}{record.status && <span class="pl-caption"> ({record.status})</span>}</td>
                  <td>{record.requestId ? <IdText id={record.requestId} /> : record.clientRequestId ? <span>client <IdText id={record.clientRequestId} /></span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button type="button" class="pl-btn" onClick={onClear} aria-disabled={records.length === 0}>Clear history</button>
      </div>
    </section>
  );
}
