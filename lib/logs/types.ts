/** What the overlay and popup ask the background about a job's provisioning logs, and its answers. */
import type { CloudId } from '../clouds';
import type { LensError } from '../protocol';
import type { FailureDigest } from './digest';

export interface FailuresQuery {
  cloud: CloudId;
  jobId: string;
  /** Skip the short cache (the section's Refresh, or right after a grant). */
  fresh?: boolean;
  /**
   * Loading by itself (a quarantined job), not on the admin's click: only when the permissions are
   * known to work, so no page view asks the sign-in service for a token it would refuse.
   */
  auto?: boolean;
}

/** Which of the logs' known refusals this is, so the section can offer the one step that helps. */
export type FailuresProblem = 'consent' | 'licence' | 'role' | 'throttled' | 'timeout' | 'other';

export type FailuresLookup =
  | {
      kind: 'failures';
      digest: FailureDigest;
      /** How many days back the query looked. */
      days: number;
      /** ISO time of the Graph response. */
      fetchedAt: string;
      /** More failures exist than were read (3 pages / 1,000 records). */
      truncated: boolean;
      requestId?: string;
    }
  /** The logs permissions (AuditLog.Read.All, Directory.Read.All) have no silent token: the admin grants them. */
  | { kind: 'notGranted' }
  /** The cloud has no provisioning logs in Graph (China, operated by 21Vianet). */
  | { kind: 'notOffered'; cloud: CloudId }
  | { kind: 'notConfigured' }
  | { kind: 'error'; problem: FailuresProblem; error: LensError };
