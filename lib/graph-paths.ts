/**
 * Graph request paths. The only way an id enters a URL: each builder validates first and throws
 * on anything else, so a hostile page can never steer the worker to a path of its choosing.
 */
import { isGuid, isJobId } from './ids';

export class InvalidIdError extends Error {
  constructor(what: string) {
    super(`Invalid ${what}`);
    this.name = 'InvalidIdError';
  }
}

function guid(value: string, what: string): string {
  if (!isGuid(value)) throw new InvalidIdError(what);
  return value.toLowerCase();
}

/** All jobs of a service principal: one request returns full job objects. */
export function jobsPath(servicePrincipalId: string): string {
  return `/servicePrincipals/${guid(servicePrincipalId, 'service principal id')}/synchronization/jobs`;
}

/** One job. Job ids contain dots, so they are encoded rather than trusted. */
export function jobPath(servicePrincipalId: string, jobId: string): string {
  if (!isJobId(jobId)) throw new InvalidIdError('job id');
  return `${jobsPath(servicePrincipalId)}/${encodeURIComponent(jobId)}`;
}

/** The service principal of an application (client) id. */
export function servicePrincipalByAppIdPath(appId: string): string {
  return `/servicePrincipals(appId='${guid(appId, 'application id')}')?$select=id,appId,displayName`;
}

/** The three job actions Graph documents; anything else is refused before a URL exists. */
const JOB_ACTIONS = ['restart', 'start', 'pause'] as const;

/** POST target of a job action: `…/jobs/{jobId}/restart|start|pause`. */
export function jobActionPath(servicePrincipalId: string, jobId: string, action: (typeof JOB_ACTIONS)[number]): string {
  if (!(JOB_ACTIONS as readonly string[]).includes(action)) throw new InvalidIdError('job action');
  return `${jobPath(servicePrincipalId, jobId)}/${action}`;
}

/**
 * Every service principal, only the fields a tenant scan needs, largest page Graph allows.
 * Never keyCredentials: Graph throttles that property hard.
 */
export const SERVICE_PRINCIPALS_LIST_PATH = '/servicePrincipals?$select=id,appId,displayName,applicationTemplateId,servicePrincipalType&$top=999';

/** JSON batching: up to 20 relative requests in one POST. */
export const BATCH_PATH = '/$batch';
export const MAX_BATCH_REQUESTS = 20;

/**
 * The path of Graph's @odata.nextLink for the service principal list, or null when it leaves this
 * Graph host, version or collection: a link from a response is followed only where the first page was.
 */
export function servicePrincipalsNextLink(link: string, base: string): string | null {
  let url: URL;
  let root: URL;
  try {
    url = new URL(link);
    root = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.origin !== root.origin || url.username || url.password) return null;
  const prefix = `${root.pathname.replace(/\/$/, '')}/servicePrincipals`;
  if (url.pathname !== prefix) return null;
  return url.pathname.slice(root.pathname.replace(/\/$/, '').length) + url.search;
}
