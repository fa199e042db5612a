import type { TenantRow, SortColumn, SortOrder } from '@/lib/tenant/rows';
import { StatePill } from '../StatePill';
import { TimeText } from '../TimeText';

export interface TenantTableProps {
  /** Sorted and filtered already. */
  rows: readonly TenantRow[];
  /** Rows rendered: the rest behind "Show more", so a large result never blocks the page. */
  limit: number;
  order: SortOrder;
  onSort: (column: SortColumn) => void;
  onOpen: (row: TenantRow) => void;
  onShowMore: () => void;
  /** The app's Provisioning page in the admin's cloud, or null when the ids do not make one. */
  portalLink: (row: TenantRow) => string | null;
}

const COLUMNS: { column: SortColumn; label: string }[] = [
  { column: 'appName', label: 'App' },
  { column: 'template', label: 'Template' },
  { column: 'state', label: 'State' },
  { column: 'reason', label: 'Reason' },
  { column: 'since', label: 'Since' },
  { column: 'nextAttempt', label: 'Next attempt' },
  { column: 'daysUntilDisable', label: 'Days before disable' },
  { column: 'lastRun', label: 'Last run' },
  { column: 'consecutiveFailures', label: 'Failures in a row' },
  { column: 'fetchedAt', label: 'Last fetch' },
];

function HeaderCell({ column, label, order, onSort }: { column: SortColumn; label: string; order: SortOrder; onSort: (c: SortColumn) => void }) {
  const sorted = order.column === column;
  return (
    <th scope="col" aria-sort={sorted ? (order.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="pl-sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{sorted ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/** One row per job; the app name opens the job view, the last cell links to the portal. */
export function TenantTable({ rows, limit, order, onSort, onOpen, onShowMore, portalLink }: TenantTableProps) {
  const shown = rows.slice(0, limit);
  return (
    <>
      <div class="pl-table-wrap">
        <table class="pl-tenant-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => <HeaderCell key={c.column} {...c} order={order} onSort={onSort} />)}
              <th scope="col">Portal</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const link = portalLink(row);
              return (
                <tr key={row.key} data-state={row.view.state.key} data-sp={row.servicePrincipalId}>
                  <th scope="row"><button type="button" class="pl-link-btn" onClick={() => onOpen(row)}>{row.appName}</button></th>
                  <td>{row.template}</td>
                  <td><StatePill state={row.view.state} /></td>
                  <td class="pl-reason">{row.reason}</td>
                  <td><TimeText time={row.since} fallback="" /></td>
                  <td><TimeText time={row.nextAttempt} fallback="" /></td>
                  <td>{row.daysUntilDisable ?? ''}</td>
                  <td>{row.lastRun}</td>
                  <td>{row.consecutiveFailures ?? ''}</td>
                  <td><TimeText time={row.fetchedAt} fallback="" /></td>
                  <td>{link && <a href={link} target="_blank" rel="noopener noreferrer">Provisioning<span class="pl-sr"> of {row.appName}</span></a>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <button type="button" class="pl-btn" onClick={onShowMore}>
          Show {Math.min(100, rows.length - shown.length)} more ({rows.length - shown.length} not shown)
        </button>
      )}
    </>
  );
}
