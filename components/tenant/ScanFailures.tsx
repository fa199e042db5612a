import type { AppFailure } from '@/lib/tenant/types';

export interface ScanFailuresProps {
  failures: readonly AppFailure[];
}

/** What a status means for the admin: why this app's jobs could not be read. */
function why(failure: AppFailure): string {
  switch (failure.status) {
    case 401: return 'Graph did not accept the sign-in for this app (401).';
    case 403: return 'Your account may not read this app\'s jobs (403).';
    case 404: return 'The app was deleted while the scan ran (404).';
    case 429: return 'Graph kept asking to slow down (429): scan again later.';
    default: return failure.code ? `Graph answered ${failure.status || 'nothing usable'} (${failure.code}).` : `Graph answered ${failure.status || 'nothing usable'}.`;
  }
}

/** Apps whose jobs could not be read: the scan went on without them; listed so none is missed silently. */
export function ScanFailures({ failures }: ScanFailuresProps) {
  if (failures.length === 0) return null;
  return (
    <details class="pl-scan-failures">
      <summary>{failures.length === 1 ? '1 app could not be read' : `${failures.length} apps could not be read`}</summary>
      <ul>
        {failures.slice(0, 200).map((f) => (
          <li key={f.servicePrincipalId}>
            <strong>{f.displayName || f.servicePrincipalId}</strong> <span class="pl-caption">{why(f)}</span>
          </li>
        ))}
      </ul>
      {failures.length > 200 && <p class="pl-caption">and {failures.length - 200} more.</p>}
    </details>
  );
}
