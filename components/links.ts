import type { Advice, PortalPlace } from '@/lib/job-view';
import { provisioningLogsUrl, provisioningPageUrl } from '@/lib/portal-url';

/** A link that does one of the steps, e.g. the app's Provisioning page or the provisioning logs. */
export interface ActionLink {
  label: string;
  href: string;
}

/** The portal pages a host can offer for a job, by the place advice names. */
export type PortalLinks = Partial<Record<PortalPlace, ActionLink>>;

/**
 * The portal pages that act on a job: its Provisioning page (credentials, restart) and the logs.
 * `here` is the page the admin is already on, never offered again.
 */
export function portalLinks(
  host: string,
  appId: string | null | undefined,
  servicePrincipalId: string | null | undefined,
  here?: PortalPlace,
): PortalLinks {
  const links: PortalLinks = {};
  const page = appId && servicePrincipalId ? provisioningPageUrl(host, appId, servicePrincipalId) : null;
  if (page && here !== 'provisioningPage') links.provisioningPage = { label: 'Open Provisioning in the portal', href: page };
  const logs = provisioningLogsUrl(host);
  if (logs && here !== 'provisioningLogs') links.provisioningLogs = { label: 'Open the provisioning logs', href: logs };
  return links;
}

const isHttps = (link: ActionLink | null | undefined): link is ActionLink => Boolean(link?.href.startsWith('https://'));

/**
 * The one link shown with the advice: the portal page that does its first step when the host offers
 * it, else the job's troubleshooting guide, else none. A link that is not https is skipped.
 */
export function adviceLink(advice: Advice | null | undefined, links: PortalLinks, troubleshootingUrl?: string | null): ActionLink | null {
  if (!advice) return null;
  const place = advice.link ? links[advice.link] : undefined;
  const guide = troubleshootingUrl ? { label: 'Troubleshooting guide', href: troubleshootingUrl } : null;
  return [place, guide].find(isHttps) ?? null;
}
