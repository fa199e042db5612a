/** The lookupFailures payload rebuilt from known fields only; the service validates the job id's form. */
import { isCloudId } from '../clouds';
import type { FailuresQuery } from './types';

export function sanitizeFailuresQuery(data: unknown): FailuresQuery | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const raw = data as Record<string, unknown>;
  if (!isCloudId(raw.cloud) || typeof raw.jobId !== 'string' || raw.jobId.length > 300) return undefined;
  return { cloud: raw.cloud, jobId: raw.jobId.trim(), fresh: raw.fresh === true, auto: raw.auto === true };
}
