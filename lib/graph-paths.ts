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
