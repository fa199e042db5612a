import { provisioningLogsUrl, provisioningPageUrl } from '@/lib/portal-url';
import type { ActionLink } from './QuarantineBlock';

/** The portal pages that act on a job: its Provisioning page (where credentials and restart live) and the logs. */
export function jobLinks(host: string, appId: string | null | undefined, servicePrincipalId: string | null | undefined): ActionLink[] {
  const links: ActionLink[] = [];
  const page = appId && servicePrincipalId ? provisioningPageUrl(host, appId, servicePrincipalId) : null;
  if (page) links.push({ label: 'Open Provisioning in the portal', href: page });
  const logs = provisioningLogsUrl(host);
  if (logs) links.push({ label: 'Open the provisioning logs', href: logs });
  return links;
}
