/** The page's side of a scan: each step asked of the background (the token stays in the worker). */
import { ask } from '../client';
import { sendMessage } from '../protocol';
import type { JobsCheck, ServicePrincipalPage } from './types';

/** What the tenant overview asks of the background: each step of a scan (lib/tenant/scan.ts drives them). */
export interface TenantClient {
  listServicePrincipals(cursor?: string): Promise<ServicePrincipalPage>;
  checkJobs(servicePrincipalIds: string[]): Promise<JobsCheck>;
}

const noAnswer = (error: unknown) => ({
  kind: 'error' as const,
  error: {
    kind: 'network' as const,
    title: 'The extension\'s background did not answer.',
    action: 'Select Scan tenant to go on where the scan stopped.',
    detail: error instanceof Error ? error.message : String(error),
  },
});

export function createTenantClient(): TenantClient {
  return {
    listServicePrincipals: (cursor) => ask(() => sendMessage('tenant.listServicePrincipals', cursor === undefined ? {} : { cursor })).catch(noAnswer),
    checkJobs: (servicePrincipalIds) => ask(() => sendMessage('tenant.checkJobs', { servicePrincipalIds })).catch(noAnswer),
  };
}
