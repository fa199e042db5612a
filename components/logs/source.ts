import type { CloudId } from '@/lib/clouds';
import type { LensClient } from '@/lib/client';
import type { FailuresSource } from './useFailures';

/** The section's source from the extension's client, or none when the client cannot ask for logs. */
export function failuresSourceOf(client: LensClient, cloud: CloudId): FailuresSource | undefined {
  const lookup = client.lookupFailures?.bind(client);
  if (!lookup) return undefined;
  return {
    lookup: (jobId, fresh, auto) => lookup({ cloud, jobId, fresh, auto }),
    grant: () => client.signIn({ grant: 'logs' }),
  };
}
